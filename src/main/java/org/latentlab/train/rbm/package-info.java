/**
 * Restricted Boltzmann machines and deep belief nets, trained by CD-k or PCD-k on plain arrays (not DL4J
 * layers), with their parameters, momentum and persistent chains saved in checkpoints. Same imports as
 * {@code train}.
 */
package org.latentlab.train.rbm;
