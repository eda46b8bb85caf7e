/** Anomaly detection with a trained model: per-image scores of held-out and foreign images, and their ROC curve. */
package org.latentlab.experiment.anomaly;
