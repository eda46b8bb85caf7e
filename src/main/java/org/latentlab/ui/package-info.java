/**
 * The JavaFX window, the only package that imports JavaFX: {@link org.latentlab.ui.LabApp} and its launch
 * options ({@link org.latentlab.ui.LaunchPlan}), and one sub-package per screen ({@code training}, {@code models},
 * {@code latent}, {@code geometry}, {@code builder}) with the widgets they share in {@code ui.common}. The FX
 * thread never waits on training, decoding or analysis.
 */
package org.latentlab.ui;
