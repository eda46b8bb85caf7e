/**
 * Sigmoid belief nets as an experiment: a wake-sleep run on the bundled MNIST images, its pictures (learning curve,
 * first-layer filters, generative samples) and files, and the explaining-away table; shared by the
 * {@code wake-sleep} command and the Studies tab.
 */
package org.latentlab.experiment.sbn;
