/**
 * Measures of generated samples, whatever trained them: mode coverage of 2-D mixtures (VEEGAN's
 * definition) and batch diversity. Arrays in, numbers out; imports no other lab package.
 */
package org.latentlab.metrics;
