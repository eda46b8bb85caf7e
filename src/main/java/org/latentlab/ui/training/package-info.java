/**
 * The GAN bench: {@link org.latentlab.ui.training.TrainingView} and its ViewModel, the 2-D and image
 * views of G and D, the charts, and the labels that say what each score is for each loss.
 */
package org.latentlab.ui.training;
