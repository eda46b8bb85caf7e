/**
 * Long-running measurements of the lab as a whole, for the {@code bench} command: the session
 * benchmark opens presets in turn the way the window does and reports resident memory.
 */
package org.latentlab.experiment.bench;
