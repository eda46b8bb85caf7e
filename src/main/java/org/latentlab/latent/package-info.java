/**
 * The latent studio's engine, without a screen: {@link org.latentlab.latent.LatentModel} (a private copy
 * of a decoder), interpolation, code arithmetic and attribute vectors, principal components and maps of code space,
 * inversion of a decoder and the memorisation check, and {@link org.latentlab.latent.DecodeService}, which decodes
 * on its own worker, newest request first. May import {@code core}, {@code data}, {@code model} and {@code train}; never {@code experiment} or above.
 */
package org.latentlab.latent;
