/**
 * The adversarial autoencoder's studies: its code and a VAE's on the same held-out images, side by side, each
 * measured against its prior by the kernel two-sample test.
 */
package org.latentlab.experiment.aae;
