/**
 * The GAN bench: {@link org.latentlab.ui.gan.GanBenchView} (layout and binding, with the 2-D and image views of
 * G and D and the charts as parts of its own) and {@link org.latentlab.ui.gan.GanBenchViewModel} (the run's
 * state, the curves built from its statuses, the settings as typed, the exports), which uses
 * {@code javafx.beans} only, runs its jobs through a {@code core.TaskRunner} and is tested without a screen; and the
 * labels that say what each score is for each loss.
 */
package org.latentlab.ui.gan;
