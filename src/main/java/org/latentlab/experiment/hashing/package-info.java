/**
 * Semantic hashing (Salakhutdinov and Hinton 2009): a saved autoencoder's logistic code thresholded to bits, images
 * retrieved by Hamming distance on the bits against Euclidean distance on pixels, with precision at k.
 */
package org.latentlab.experiment.hashing;
