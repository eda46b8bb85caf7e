package org.latentlab.ui.latent;

import org.latentlab.latent.ImageShape;

/** Images as display values in [0, 1] (what the grids draw and files are written from) with their codes. */
public record Pictures(double[][] codes, float[][] display, ImageShape shape) {
}
