/**
 * The manifold as an encoder sees it: the encoder Jacobian ∂c/∂x, its singular value
 * decomposition (the tangent plane) and the sensitivity ‖∂y/∂x‖_F at test points, as in the contractive
 * autoencoder's paper (Rifai et al. 2011).
 */
package org.latentlab.analysis.tangent;
