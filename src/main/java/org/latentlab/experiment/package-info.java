/**
 * Experiments and their run folders, for the window and the command line alike: experiment files
 * (strict JSON) and presets, the runners that start and resume runs ({@link
 * org.latentlab.experiment.ExperimentRunner} for GANs, {@link org.latentlab.experiment.ModelRunner} for the other
 * families), the run folder ({@link org.latentlab.experiment.RunStore}: spec, provenance, metrics, samples) and its
 * checkpoints ({@link org.latentlab.experiment.Checkpoints}: written completely or not at all, sealed with a
 * manifest, verified on resume). May import every package below it; never {@code cli} or {@code ui}.
 */
package org.latentlab.experiment;
