/**
 * Tangent Prop against the plain classifier on a small training set: the comparison, its transformed test sets
 * and its files.
 */
package org.latentlab.experiment.tangentprop;
