/**
 * Manifold pictures: the reconstruction field r(x) − x of autoencoders trained on 2-D curves (denoising against
 * contractive), and interpolations through a plain autoencoder's and a VAE's code spaces side by side.
 */
package org.latentlab.experiment.manifold;
