/**
 * The lecture "What depth buys: linear pieces and regions of ReLU nets": fit specs and their presets
 * ({@link org.latentlab.experiment.relu.ReluFitSpec}, {@link org.latentlab.experiment.relu.ReluPresets}), a fit
 * trained on its owner thread publishing immutable statuses ({@link org.latentlab.experiment.relu.ReluFitRun}),
 * the counts of pieces against depth at equal parameter count ({@link org.latentlab.experiment.relu.PieceSweep}),
 * deep against shallow for x² ({@link org.latentlab.experiment.relu.DeepVsShallow}) and their CSV files
 * ({@link org.latentlab.experiment.relu.ReluFiles}). The maths is in {@code analysis.relu}.
 */
package org.latentlab.experiment.relu;
