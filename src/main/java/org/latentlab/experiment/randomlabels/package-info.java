/**
 * Random labels (Zhang, Bengio, Hardt, Recht & Vinyals 2017, "Understanding deep learning requires rethinking
 * generalization"): the same classifier trained on true labels, on labels shuffled in part or in full, and on
 * Gaussian inputs; training and held-out accuracy curves, and the iteration each run first fits its training set.
 */
package org.latentlab.experiment.randomlabels;
