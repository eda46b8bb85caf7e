/**
 * What depth buys a ReLU network, computed exactly in double: {@link org.latentlab.analysis.relu.ReluNet} (a
 * fully connected ReLU net with one linear output, its flat parameters and its activation pattern),
 * {@link org.latentlab.analysis.relu.LinearPieces} (the exact breakpoints of a net of one input, found by walking
 * the activation pattern along the line), {@link org.latentlab.analysis.relu.LinearRegions} (the exact linear
 * regions of a net of two inputs as convex polygons, found by cutting the plane layer by layer),
 * {@link org.latentlab.analysis.relu.Constructions} (Telgarsky's sawtooth and Yarotsky's deep square) and
 * {@link org.latentlab.analysis.relu.ReluRegression} (least-squares fitting with Adam). May import {@code core} and
 * {@code analysis.toy} (the formula parser of a target function).
 */
package org.latentlab.analysis.relu;
