/**
 * The sweeps tab: a sweep folder's runs, table and curves as they fill ({@link org.latentlab.ui.sweep.SweepsView},
 * its ViewModel {@link org.latentlab.ui.sweep.SweepsViewModel}).
 */
package org.latentlab.ui.sweep;
