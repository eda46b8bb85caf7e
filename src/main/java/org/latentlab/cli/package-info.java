/**
 * The command line (picocli): {@code train} (and {@code train --resume}), {@code presets}, {@code bench},
 * {@code latency}, {@code toy} and the geometry commands. Every option is checked before work starts, and every failure is one line on stderr with a
 * non-zero exit. Sits beside {@code ui}, never importing it; drives {@code experiment} and the packages below.
 */
package org.latentlab.cli;
