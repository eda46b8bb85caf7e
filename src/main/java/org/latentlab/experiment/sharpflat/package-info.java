/**
 * Sharp and flat minima (Keskar et al. 2017): the same classifier trained with a small and a large batch, and the
 * geometry of the two minima it reaches (top Hessian eigenvalue, loss along random filter-normalised directions,
 * the line between them) beside their training and held-out accuracy, over several random seeds.
 */
package org.latentlab.experiment.sharpflat;
