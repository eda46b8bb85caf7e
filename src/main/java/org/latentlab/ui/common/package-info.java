/**
 * What the screens share, so each is written once: {@link org.latentlab.ui.common.FxTaskRunner} (the window's
 * task runner: work on a named worker, outcomes on the FX thread); {@link org.latentlab.ui.common.RunLoader} and
 * {@link org.latentlab.ui.common.RunControls} (loading, replacing and closing a bench's run; which run buttons a
 * state enables); {@link org.latentlab.ui.common.ReplaceRunDialog} (the question asked before a run with progress
 * is replaced); {@link org.latentlab.ui.common.PresetChoice} (a bench's preset list); {@link
 * org.latentlab.ui.common.ChartStyle} (one look for every JFreeChart); {@link org.latentlab.ui.common.NumberInput}
 * and {@link org.latentlab.ui.common.NumberField} (numbers typed by a person, with one-line messages); {@link
 * org.latentlab.ui.common.ImageConversion} (model outputs to JavaFX images); {@link
 * org.latentlab.ui.common.Controls} (buttons with tooltips, text fields, section titles); {@link
 * org.latentlab.ui.common.ValueTarget} (a bench's values set by path, for lessons and settings panels). May import
 * JavaFX and every lab package but the screens' own.
 */
package org.latentlab.ui.common;
