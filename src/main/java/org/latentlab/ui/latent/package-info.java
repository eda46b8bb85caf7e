/**
 * The latent studio: sliders over a code, the latent map, interpolation, attribute arithmetic, inversion of the
 * decoder and the encoded data. A {@link org.latentlab.ui.latent.StudioSession} holds what the features share (the
 * model open, decoded on a {@link org.latentlab.latent.DecodeService}, and the current code); one ViewModel per
 * feature works over it, its background work on {@link org.latentlab.ui.latent.StudioRunners} (task runners), and
 * one pane per feature draws it; {@link org.latentlab.ui.latent.LatentStudioView} assembles the panes. ViewModels
 * here use {@code javafx.beans} only, never {@code javafx.scene}.
 */
package org.latentlab.ui.latent;
