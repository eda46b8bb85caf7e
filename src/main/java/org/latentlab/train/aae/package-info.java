/**
 * The adversarial autoencoder (Makhzani, Shlens, Jaitly, Goodfellow and Frey 2016): an autoencoder whose code is
 * made to follow a chosen prior by a discriminator on the code, each iteration a reconstruction phase and a
 * regularisation phase; the priors it matches and the label-conditioned variant of its section 2.3.
 */
package org.latentlab.train.aae;
