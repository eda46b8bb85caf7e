/**
 * The VAE-GAN beside the plain VAE of the same encoder and decoder (Larsen, Sønderby, Larochelle and Winther 2016,
 * section 4): both trained alike, their samples from the same prior codes, scored by the lab's classifier.
 */
package org.latentlab.experiment.vaegan;
