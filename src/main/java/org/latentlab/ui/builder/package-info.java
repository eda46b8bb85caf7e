/**
 * The network builder: its ViewModel (the open design, its undo history, the selection, files, Train and the DL4J
 * export, tested without a screen) and the canvas and panels, which only render and dispatch gestures; the editing
 * engine is {@code model.edit}.
 */
package org.latentlab.ui.builder;
