/**
 * The geometry bench's screens: toy surfaces, the Hessian of a network, loss surfaces, tangent vectors and curvature
 * along training. Each section is a ViewModel ({@code XxxViewModel}: input parsing, state, jobs; it may use
 * {@code javafx.beans} and {@code javafx.collections}, never {@code javafx.scene}) and a panel that only lays out and
 * binds. Jobs run through the bench's one {@link org.latentlab.core.TaskRunner}, one at a time per section
 * ({@code SectionTasks}), off the FX thread; the ViewModels are tested in plain JUnit with the direct runner.
 * Imports {@code experiment}, {@code analysis}, {@code core} and {@code ui.common}.
 */
package org.latentlab.ui.geometry;
