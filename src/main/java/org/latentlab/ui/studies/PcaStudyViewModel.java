package org.latentlab.ui.studies;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.pca.PcaBaseline;
import org.latentlab.experiment.pca.PcaComparison;

import java.util.List;
import java.util.Locale;

/**
 * The "Deep autoencoder against PCA" study without a screen: which autoencoder (a preset trained here, or a saved
 * run), the comparison computed on the worker, and the last reconstructions and the last 2-D scatters kept apart,
 * so a 30-D comparison and a 2-D one can be looked at together.
 */
public final class PcaStudyViewModel {

    /** The presets offered, the 2-D one first (it gives the scatters). */
    public static final List<String> PRESETS = List.of("mnist-deep-ae-2d", "mnist-deep-ae-small", "mnist-deep-ae",
            "mnist-deep-ae-dbn", "mnist-deep-ae-scratch");

    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<PcaBaseline> rows = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PcaBaseline> scatters = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Choose an autoencoder preset (trained here) or open a saved autoencoder run, then Compare.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private TaskHandle handle;

    public PcaStudyViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /**
     * Compares {@code runOrPreset} (a run folder or a preset name) with PCA on {@code heldOut} held-out images; a
     * preset is trained for {@code iterations} (null: its file's).
     */
    public void compare(String runOrPreset, Long iterations, int heldOut) {
        if (running.get()) {
            return;
        }
        running.set(true);
        failed.set(false);
        progress.set(0);
        status.set("starting " + runOrPreset);
        handle = runner.submit(BackgroundTask.of("deep autoencoder against PCA",
                        m -> PcaBaseline.run(runOrPreset, iterations, heldOut, m))
                .onProgress((f, msg) -> {
                    progress.set(f);
                    if (msg != null) {
                        status.set(msg);
                    }
                })
                .onSuccess(this::show)
                .onFailure(msg -> finish(msg, true))
                .onCancelled(() -> finish("stopped", false)));
    }

    /** Asks the running comparison to stop. */
    public void stop() {
        if (handle != null) {
            handle.cancel();
        }
    }

    private void show(PcaBaseline b) {
        rows.set(b);
        if (b.scatters() != null) {
            scatters.set(b);
        }
        PcaComparison c = b.comparison();
        finish(String.format(Locale.ROOT, "%s: held-out MSE per pixel %.5f by PCA (%d components), %.5f by the"
                        + " autoencoder (%d-D code), over %d images%s", c.model(), c.pcaError(), c.k(), c.aeError(),
                c.k(), c.heldOut(), b.trainSeconds() > 0 ? String.format(Locale.ROOT, "; trained in %.0f s",
                        b.trainSeconds()) : ""), false);
        progress.set(1);
    }

    private void finish(String message, boolean error) {
        status.set(message);
        failed.set(error);
        running.set(false);
    }

    /** The last comparison (its rows and errors). */
    public ReadOnlyObjectProperty<PcaBaseline> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The last comparison with a 2-D code (its scatters). */
    public ReadOnlyObjectProperty<PcaBaseline> scattersProperty() {
        return scatters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the status line is an error. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
