/**
 * Autoencoders of every kind and the VAE: {@link org.latentlab.train.ae.AutoencoderTrainer} (plain, tied,
 * sparse, denoising, contractive, convolutional, stacked with greedy pretraining) and the pieces it adds to DL4J's
 * networks, each after its paper (the reparameterisation of Kingma and Welling, the contractive penalty of Rifai et
 * al.). Same imports as {@code train}.
 */
package org.latentlab.train.ae;
