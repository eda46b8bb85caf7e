/**
 * Timings of the geometry bench's core operations on a fixed workload, for the command line.
 */
package org.latentlab.analysis.bench;
