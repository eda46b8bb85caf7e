/**
 * The VAE-GAN (Larsen, Sønderby, Larochelle and Winther 2016): a VAE whose decoder is also a GAN's generator, its
 * reconstruction error measured in a layer of the discriminator instead of pixel by pixel.
 */
package org.latentlab.train.vaegan;
