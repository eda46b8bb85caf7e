/**
 * Loss surfaces and lines (Goodfellow, Vinyals and Saxe 2015; Li et al. 2018): filter-
 * normalised directions, planes through parameter space, resumable grid scans, and training trajectories projected
 * onto a plane.
 */
package org.latentlab.analysis.landscape;
