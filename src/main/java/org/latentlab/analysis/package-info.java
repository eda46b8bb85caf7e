/**
 * What the geometry packages share: {@link org.latentlab.analysis.Objective} (a loss of a flat parameter
 * vector with its gradient), {@link org.latentlab.analysis.PlaneLoss} and vector helpers. The root uses none of its
 * sub-packages ({@code hessian}, {@code landscape}, {@code tangent}, {@code toy}, {@code bench}), and they form no
 * cycle. May import {@code core}, {@code data}, {@code model} and {@code train}.
 */
package org.latentlab.analysis;
