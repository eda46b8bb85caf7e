/**
 * The autoencoder · VAE · RBM bench and its Compare tab: the ViewModel, the view, and the held-out
 * measures each drawn on its own axis.
 */
package org.latentlab.ui.models;
