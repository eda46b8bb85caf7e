/**
 * Divergences between known distributions, for the theory the GAN bench teaches: the f-GAN variational bound with
 * its optimal critic against closed forms ({@link org.latentlab.analysis.divergence.GaussianFDivergence}). Uses
 * {@code train} for the f-divergences themselves.
 */
package org.latentlab.analysis.divergence;
