/**
 * The teaching surfaces of the geometry bench: built-in losses of two parameters in closed form,
 * formulas a person types (parsed, differentiated in forward mode), and the paths of gradient descent, momentum,
 * Adam and Newton on them, with one rule for "converged" and "critical point".
 */
package org.latentlab.analysis.toy;
