/**
 * Second-order geometry of any {@link org.latentlab.analysis.Objective}: Hessian-vector products
 * in double precision, Lanczos for the extreme eigenpairs, the exact spectrum of small models, Hutchinson's trace
 * and the spectral density by stochastic Lanczos quadrature (each estimate with how sure it is), and the
 * objectives of the lab's networks (autoencoder, VAE, either GAN player, a supervised net).
 */
package org.latentlab.analysis.hessian;
