/**
 * Sigmoid belief nets (Neal 1992, "Connectionist learning of belief networks"): directed nets of binary stochastic
 * units with generative weights top-down and recognition weights bottom-up, trained by the wake-sleep algorithm
 * (Hinton, Dayan, Frey and Neal 1995), on plain double arrays; exact enumeration for nets small enough to list every
 * state, and the two-cause "explaining away" net. Same imports as {@code train}.
 */
package org.latentlab.train.sbn;
