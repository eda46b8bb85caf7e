/**
 * The geometry bench's jobs on a saved model (a run's checkpoint): Hessian spectra and
 * densities, loss lines and surfaces with the training trajectory, tangents, and curvature along training, each
 * result cached beside its checkpoint. Same imports as {@code experiment}.
 */
package org.latentlab.experiment.geometry;
