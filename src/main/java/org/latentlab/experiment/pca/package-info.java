/**
 * A deep autoencoder against PCA, and pretraining against none (Hinton &amp; Salakhutdinov 2006, "Reducing the
 * dimensionality of data with neural networks"; Erhan et al. 2010, "Why does unsupervised pre-training help deep
 * learning?"): held-out reconstructions and errors of both, their 2-D codes, and held-out error curves of one deep
 * autoencoder trained from three initialisations over several seeds.
 */
package org.latentlab.experiment.pca;
