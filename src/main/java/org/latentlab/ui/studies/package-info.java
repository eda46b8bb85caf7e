/**
 * The Studies tab of the autoencoder / VAE / RBM bench: short experiments from the autoencoder and Boltzmann
 * lectures, each a pane of its own with its pictures and numbers, their computations on a worker.
 */
package org.latentlab.ui.studies;
