package org.latentlab.ui.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.experiment.StudioModels.Studio;
import org.latentlab.latent.LatentModel;
import org.latentlab.ui.common.FxTaskRunner;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

/**
 * The latent studio as a whole: which model is open (a run folder, or a preset trained briefly here) over one
 * {@link StudioSession}, and one ViewModel per feature over it: the code ({@link CodeViewModel}), the latent map,
 * interpolation, attribute arithmetic, inversion and the encoded data. Opening and training run on the studio's
 * {@link StudioRunners}; the toolbar's progress and busy flag are this class's.
 */
public final class LatentStudioViewModel implements AutoCloseable {

    /** An opened model, ready to be shown (made on a worker). */
    private record Prepared(OpenModel open, LoadedModel loaded) {
    }

    private final StudioRunners runners;
    private final StudioSession session;
    private final CodeViewModel code;
    private final LatentMapViewModel map;
    private final InterpolationViewModel interpolation;
    private final AttributeViewModel attributes;
    private final InversionViewModel inversion;
    private final EncodedDataViewModel encoded;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private TaskHandle loading = TaskHandle.NONE;
    private boolean closed;
    /** The folder last opened, or null. */
    private Path folder;

    /** The window's studio: its background work runs on FX task runners (outcomes told on the FX thread). */
    public LatentStudioViewModel() {
        this(StudioRunners.of(name -> new FxTaskRunner(name, message -> { })));
    }

    /** A studio whose background work runs on {@code runners} ({@link StudioRunners#direct()} in tests). */
    public LatentStudioViewModel(StudioRunners runners) {
        this.runners = runners;
        this.session = new StudioSession(runners);
        this.code = new CodeViewModel(session);
        this.map = new LatentMapViewModel(session);
        this.interpolation = new InterpolationViewModel(session);
        this.attributes = new AttributeViewModel(session);
        this.inversion = new InversionViewModel(session);
        this.encoded = new EncodedDataViewModel(session);
    }

    // ---- choosing the model

    /** The run or checkpoint folder last opened, or null (a quick model, or none): what a session reopens. */
    public Path folder() {
        return folder;
    }

    /** Opens a run or checkpoint folder in the background; a folder that cannot be opened is said in the status. */
    public void openFolder(Path folder) {
        if (!begin("wait for the model being loaded or trained, or cancel it")) {
            return;
        }
        progress.set(-1);
        this.folder = folder.toAbsolutePath().normalize();
        session.info("opening " + folder + " …");
        submit(BackgroundTask.of("opening " + folder, m -> prepare(StudioModels.open(folder), m)));
    }

    /** Trains a preset for a number of iterations in the background (nothing is saved), then opens it. */
    public void trainQuick(String preset, int iterations) {
        if (iterations < 1 || iterations > 100_000) {
            session.fail("train 1 to 100000 iterations, not " + iterations);
            return;
        }
        if (!begin("a model is already being loaded or trained")) {
            return;
        }
        progress.set(0);
        folder = null;
        session.info("training " + preset + " for " + iterations + " iterations …");
        submit(BackgroundTask.of("training " + preset, m -> prepare(StudioModels.trainQuick(Presets.loadReconstruction(
                preset), iterations, m), m)).onProgress((fraction, text) -> {
                    progress.set(fraction);
                    if (text != null) {
                        session.info(text);
                    }
                }));
    }

    /** Shows a studio model made elsewhere (a run in memory, a test's model). */
    public void install(Studio studio) {
        if (!begin("wait for the model being loaded or trained, or cancel it")) {
            return;
        }
        progress.set(-1);
        submit(BackgroundTask.of("opening " + studio.name(), m -> prepare(studio, m)));
    }

    /** Stops the opening or quick training under way (the model open so far stays). */
    public void cancelTraining() {
        loading.cancel();
    }

    private boolean begin(String whenBusy) {
        if (busy.get()) {
            session.fail(whenBusy);
            return false;
        }
        busy.set(true);
        return true;
    }

    private void submit(BackgroundTask<Prepared> task) {
        loading = runners.tasks().submit(task.onSuccess(p -> {
            done();
            show(p);
        }).onFailure(text -> {
            done();
            session.fail(text);
        }).onCancelled(() -> {
            done();
            session.info("opening or training cancelled; the model open before stays");
        }));
    }

    private void done() {
        busy.set(false);
        progress.set(0);
    }

    /** On a worker: the studio's model on its own decode thread, described (encoded, prior, ranges) there. */
    private static Prepared prepare(Studio studio, Monitor monitor) throws Exception {
        monitor.checkCancelled();
        LatentModel model = studio.models().get();
        OpenModel open = new OpenModel(studio, model);
        try {
            LoadedModel l = open.decodes.<LatentModel, LoadedModel>run(m -> LoadedModel.describe(studio, m,
                    StudioSession.SEED)).get();
            monitor.checkCancelled();
            return new Prepared(open, l);
        } catch (ExecutionException e) {
            open.close();
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (RuntimeException | InterruptedException e) {
            open.close();
            throw e;
        }
    }

    private void show(Prepared p) {
        if (closed) {
            p.open().close();
            return;
        }
        session.activate(p.open(), p.loaded());
        LoadedModel l = p.loaded();
        session.info("opened " + l.name() + ": " + l.kind() + ", code of " + l.codeSize() + " dimensions, "
                + l.shape() + (l.encoded() != null ? ", " + l.encoded().size() + " " + l.exampleNoun() + "s encoded"
                : ""));
    }

    // ---- the features

    public StudioSession session() {
        return session;
    }

    public CodeViewModel code() {
        return code;
    }

    public LatentMapViewModel map() {
        return map;
    }

    public InterpolationViewModel interpolation() {
        return interpolation;
    }

    public AttributeViewModel attributes() {
        return attributes;
    }

    public InversionViewModel inversion() {
        return inversion;
    }

    public EncodedDataViewModel encoded() {
        return encoded;
    }

    // ---- the toolbar and the status line

    public ReadOnlyObjectProperty<LoadedModel> loadedProperty() {
        return session.loadedProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return session.messageProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return session.errorProperty();
    }

    /** True while a model is being opened or trained. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The opening's or training's progress, 0 to 1, or −1 when it cannot tell. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** Stops every runner and lets go of the model; call when the window closes. */
    @Override
    public void close() {
        closed = true;
        loading.cancel();
        inversion.cancel();
        encoded.cancel();
        session.close();
        runners.close();
    }
}
