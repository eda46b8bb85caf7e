/**
 * The geometry bench's screens: toy surfaces, the Hessian of a network, loss surfaces, tangent
 * vectors and curvature along training. Jobs run off the FX thread and report through a monitor.
 */
package org.latentlab.ui.geometry;
