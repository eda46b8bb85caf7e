package org.latentlab.ui.studies;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.DbnDepthSamples;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedDbn;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.RunState;
import org.latentlab.train.Trainer;
import org.latentlab.train.rbm.DbnSampler;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The "DBN sampled by depth" study: a DBN run opened (or the {@value #PRESET} preset trained into a new run folder,
 * with progress), then samples of its 1-, 2-, ... layer DBNs drawn side by side with the chosen number of Gibbs
 * steps, start and pass down. Every computation runs on the study's {@link TaskRunner}; the opened stack is used
 * only there.
 */
public final class DbnDepthViewModel {

    /** The preset the study trains. */
    public static final String PRESET = "mnist-dbn3";
    /** Samples per depth. */
    public static final int COUNT = 36;

    private final TaskRunner runner;
    private final Path runsRoot;
    private final StringProperty model = new SimpleStringProperty("no DBN yet: open a run folder or train "
            + PRESET);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final IntegerProperty steps = new SimpleIntegerProperty(1000);
    private final BooleanProperty fromNoise = new SimpleBooleanProperty(false);
    private final BooleanProperty meanFieldDown = new SimpleBooleanProperty(false);
    private final ObjectProperty<DbnDepthSamples> samples = new SimpleObjectProperty<>();
    private SavedDbn opened;
    private TaskHandle running = TaskHandle.NONE;

    public DbnDepthViewModel(TaskRunner runner, Path runsRoot) {
        this.runner = runner;
        this.runsRoot = runsRoot;
    }

    /** Opens a DBN (or RBM) run folder or checkpoint, then samples it. */
    public void open(Path path) {
        submit("opening " + path.getFileName(), m -> {
            m.progress(-1, "reading " + path.getFileName());
            SavedDbn dbn = SavedDbn.open(path);
            return new Opened(dbn, draw(dbn, m));
        });
    }

    /**
     * Opens the newest {@value #PRESET} run folder under the runs folder that has a checkpoint, if there is one;
     * false (and nothing started) otherwise.
     */
    public boolean openNewest() {
        if (runsRoot == null || !java.nio.file.Files.isDirectory(runsRoot)) {
            return false;
        }
        try (java.util.stream.Stream<Path> runs = java.nio.file.Files.list(runsRoot)) {
            java.util.Optional<Path> newest = runs
                    .filter(p -> p.getFileName().toString().endsWith("-" + PRESET))
                    .filter(p -> !org.latentlab.experiment.SavedModel.checkpoints(p).isEmpty())
                    .max(java.util.Comparator.comparing(p -> p.getFileName().toString()));
            newest.ifPresent(this::open);
            return newest.isPresent();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** Trains {@value #PRESET} into a new run folder under the runs folder, then opens it and samples it. */
    public void train() {
        train(Presets.loadReconstruction(PRESET));
    }

    /** Trains {@code spec} (an RBM or DBN experiment) into a new run folder, then opens it and samples it. */
    void train(ReconstructionExperiment spec) {
        submit("training " + spec.name(), m -> {
            Path dir = trainPreset(spec, m);
            SavedDbn dbn = SavedDbn.open(dir);
            return new Opened(dbn, draw(dbn, m));
        });
    }

    /** Draws the samples again with the current settings. */
    public void resample() {
        SavedDbn dbn = opened;
        if (dbn == null) {
            message.set("open a DBN run folder or train " + PRESET + " first");
            return;
        }
        submit("sampling", m -> new Opened(dbn, draw(dbn, m)));
    }

    /** Stops the job in flight (a training run keeps the checkpoints it wrote). */
    public void cancel() {
        running.cancel();
    }

    private record Opened(SavedDbn dbn, DbnDepthSamples samples) {
    }

    private void submit(String title, BackgroundTask.Work<Opened> work) {
        if (busy.get()) {
            message.set("wait for the job in flight, or cancel it");
            return;
        }
        busy.set(true);
        progress.set(-1);
        running = runner.submit(BackgroundTask.of(title, work)
                .onProgress((f, text) -> {
                    progress.set(f);
                    if (text != null) {
                        message.set(text);
                    }
                })
                .onSuccess(o -> {
                    opened = o.dbn();
                    model.set(String.format(Locale.ROOT, "%s at iteration %,d: %s", o.dbn().name(),
                            o.dbn().iteration(), o.dbn().trainer().deepBeliefNet()));
                    samples.set(o.samples());
                    finish(1, "done");
                })
                .onFailure(e -> finish(0, e))
                .onCancelled(() -> finish(0, "cancelled")));
    }

    private void finish(double at, String text) {
        busy.set(false);
        progress.set(at);
        message.set(text);
    }

    private DbnDepthSamples draw(SavedDbn dbn, Monitor m) {
        int n = steps.get();
        if (n < 0 || n > DbnDepthSamples.MAX_STEPS) {
            throw new LabException("Gibbs steps: give 0 to " + DbnDepthSamples.MAX_STEPS + ", not " + n);
        }
        m.progress(-1, String.format(Locale.ROOT, "sampling %d DBNs: %,d Gibbs steps each", dbn.layers(), n));
        return dbn.samples(COUNT, n, meanFieldDown.get() ? DbnSampler.DownPass.MEAN_FIELD
                : DbnSampler.DownPass.STOCHASTIC, fromNoise.get());
    }

    /**
     * Trains {@code spec} as the bench does into a new folder under the runs folder, reporting the iteration and
     * the layer in training; blocks this worker while the run's own thread trains. Cancel closes the run.
     */
    private Path trainPreset(ReconstructionExperiment spec, Monitor m) {
        m.progress(-1, "training " + spec.name() + ": building the machines");
        ExperimentRunner.Options options = new ExperimentRunner.Options(runsRoot, Path.of("."), 200, 3_600_000);
        try (ExperimentRunner.Session<Trainer, ReconstructionStatus> session = ExperimentRunner.start(spec, options)) {
            AtomicReference<ReconstructionStatus> last = new AtomicReference<>();
            session.run().subscribe(last::set);
            boolean started = false;
            while (true) {
                m.checkCancelled();
                RunState state = session.run().state();
                ReconstructionStatus s = last.get();
                if (state == RunState.FAILED) {
                    throw new LabException("training " + spec.name() + " failed"
                            + (s == null || s.message() == null ? "" : ": " + s.message()));
                }
                if (state == RunState.READY && !started) {
                    session.run().start();
                    started = true;
                }
                if (state == RunState.FINISHED) {
                    break;
                }
                if (s != null) {
                    m.progress((double) s.iteration() / spec.iterations(), String.format(Locale.ROOT,
                            "training %s: iteration %,d of %,d, %s", spec.name(), s.iteration(), spec.iterations(),
                            s.phase()));
                }
                Thread.sleep(150);
            }
            Path dir = session.runDir();
            session.close(); // waits for the last checkpoint
            if (dir == null) {
                throw new LabException("training " + spec.name() + " wrote no run folder");
            }
            return dir;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Monitor.Cancelled();
        }
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Gibbs steps in each top RBM. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** Start the chains at noise instead of at data. */
    public BooleanProperty fromNoiseProperty() {
        return fromNoise;
    }

    /** Pass probabilities down instead of binary states. */
    public BooleanProperty meanFieldDownProperty() {
        return meanFieldDown;
    }

    /** The latest samples by depth (null before the first). */
    public ObjectProperty<DbnDepthSamples> samplesProperty() {
        return samples;
    }
}
