/**
 * What the screens share: the question asked before an experiment with progress is replaced, and the
 * benches' preset lists that always name what is on the bench.
 */
package org.latentlab.ui.common;
