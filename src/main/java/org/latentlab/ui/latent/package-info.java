/**
 * The latent studio: sliders over a code, interpolation, the map of code space, arithmetic, inversion
 * and export, with one ViewModel and decoding on a {@link org.latentlab.latent.DecodeService}.
 */
package org.latentlab.ui.latent;
