/**
 * Sweeps: many runs from one file. A sweep file names a base experiment, the values to change in it (a grid, or
 * listed combinations), how many random seeds each combination is trained with, and which metrics to report at
 * which iterations; {@link org.latentlab.experiment.sweep.SweepExecutor} trains every run as an ordinary run folder
 * under one sweep folder, N at a time and resumable, and {@link org.latentlab.experiment.sweep.SweepTable} gathers
 * mean ± standard deviation (min, max) per combination, written with its plots by
 * {@link org.latentlab.experiment.sweep.SweepFigures}. One GAN run is noise (the same plain GAN covers 1 of 8 ring
 * modes in Srivastava et al. 2017 and 6.3 in Lin et al. 2018): comparisons need seeds and error bars.
 */
package org.latentlab.experiment.sweep;
