/**
 * Sensitivity and generalisation (Novak et al. 2018): the Frobenius norm of a classifier's input-output Jacobian at
 * held-out points against its generalisation gap, over runs of different label noise and training-set sizes; the
 * scatter, its correlations and their files.
 */
package org.latentlab.experiment.sensitivity;
