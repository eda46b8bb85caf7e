/**
 * Networks as data: {@link org.latentlab.model.NetworkSpec} and {@link org.latentlab.model.LayerSpec} as
 * written in experiment files (strict JSON through {@link org.latentlab.model.LabJson}), shape inference, and
 * {@link org.latentlab.model.NetworkCompiler}, which builds DL4J networks from them after checking that they fit in
 * memory. May import {@code core}; the builder's editing engine lives in {@code model.edit}.
 */
package org.latentlab.model;
