/**
 * Experiments and their run folders, for the window and the command line alike. One model for every family: an
 * {@link org.latentlab.experiment.Experiment} is a sealed type whose records ({@link
 * org.latentlab.experiment.GanExperiment}, {@link org.latentlab.experiment.ReconstructionExperiment}) are told
 * apart by the JSON {@code "family"} field ({@link org.latentlab.experiment.Family}); {@link
 * org.latentlab.experiment.ExperimentFiles} reads any of them (strict JSON, a file without the field is a GAN's)
 * and {@link org.latentlab.experiment.Presets} lists the bundled ones. One runner, {@link
 * org.latentlab.experiment.ExperimentRunner}, starts and resumes runs of every family through a package-private
 * {@code FamilyRecipe} per family; one run folder ({@link org.latentlab.experiment.RunStore}: spec, provenance,
 * metrics, samples) and one checkpoint format ({@link org.latentlab.experiment.Checkpoint}, written and verified
 * through {@link org.latentlab.experiment.Checkpoints}). May import every package below it; never {@code cli} or
 * {@code ui}.
 */
package org.latentlab.experiment;
