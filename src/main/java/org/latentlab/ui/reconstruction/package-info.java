/**
 * The autoencoder · VAE · RBM bench and its Compare tab: the view, and the ViewModel (tested without a screen; its
 * jobs go through a {@code core.TaskRunner}) with the held-out measures each drawn on its own axis.
 */
package org.latentlab.ui.reconstruction;
