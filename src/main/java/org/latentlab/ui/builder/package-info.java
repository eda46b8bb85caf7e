/**
 * The network builder's canvas and panels: rendering and event dispatch only; the editing engine is
 * {@code model.edit}.
 */
package org.latentlab.ui.builder;
