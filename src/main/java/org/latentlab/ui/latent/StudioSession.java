package org.latentlab.ui.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the studio's features share: the model open (its decode thread and the runners that wait on it), what is
 * known about it ({@link LoadedModel}), the current code with its decoded frame, and the status line. Lives on the
 * owner's thread (the FX thread in the window); the model is touched only on its own threads, and answers come
 * back through a {@link TaskRunner}, dropped when another model was opened meanwhile.
 */
public final class StudioSession {

    /** The random seed of the first code, the endpoints, the samples and the encoded subset: a model opens the same way. */
    static final long SEED = 20_261_122L;

    /** A decoded code ready to draw: opaque ARGB pixels, row-major. */
    public record Frame(long sequence, double[] code, int[] argb, int width, int height) {
    }

    private final StudioRunners runners;
    private final StringProperty message = new SimpleStringProperty(
            "Open a run folder, or train a quick model, to explore its latent space.");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final ObjectProperty<LoadedModel> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final IntegerProperty codeVersion = new SimpleIntegerProperty();
    private final List<Consumer<LoadedModel>> openedListeners = new ArrayList<>();
    private final Random random = new Random(SEED);
    private OpenModel open;
    private double[] code;
    private double[] startCode;

    StudioSession(StudioRunners runners) {
        this.runners = runners;
    }

    // ---- the model

    /** Tells {@code reset} (in the order registered) each time another model is opened, before it is shown. */
    void whenOpened(Consumer<LoadedModel> reset) {
        openedListeners.add(reset);
    }

    /** Makes {@code next} the model in use (closing the one before) and starts from a code drawn from its prior. */
    void activate(OpenModel next, LoadedModel l) {
        OpenModel old = open;
        open = next;
        if (old != null) {
            old.close();
        }
        double[] first = l.randomCode(new Random(SEED));
        code = first.clone();
        startCode = first.clone();
        frame.set(null);
        decodeCurrent();
        loaded.set(l);
        codeVersion.set(codeVersion.get() + 1);
        for (Consumer<LoadedModel> reset : openedListeners) {
            reset.accept(l);
        }
    }

    /** Replaces what is known about the same model (codes of examples found by inversion). */
    void update(LoadedModel l) {
        loaded.set(l);
    }

    /** The model open (an opaque token for "is this answer still wanted"), or null. */
    OpenModel open() {
        return open;
    }

    StudioRunners runners() {
        return runners;
    }

    /**
     * Runs {@code job} on the model's thread and hands its answer to {@code then} on the owner's thread, unless
     * another model was opened meanwhile; a failure becomes the status line.
     */
    <T> void onModel(String title, Function<LatentModel, T> job, Consumer<T> then) {
        OpenModel o = open;
        if (o == null) {
            return;
        }
        CompletableFuture<T> future;
        try {
            future = o.decodes.run(job);
        } catch (RejectedExecutionException e) {
            return; // closed: this model is being replaced
        }
        await(title, future, then);
    }

    /** Waits for {@code future} on the model runner; a cancelled future (a replaced request) is dropped quietly. */
    <T> TaskHandle await(String title, CompletableFuture<T> future, Consumer<T> then) {
        OpenModel o = open;
        return runners.model().submit(BackgroundTask.of(title, m -> waitFor(future))
                .onSuccess(v -> {
                    if (open == o) {
                        then.accept(v);
                    }
                })
                .onFailure(text -> {
                    if (open == o) {
                        fail(text);
                    }
                }));
    }

    private static <T> T waitFor(CompletableFuture<T> future) throws Exception {
        try {
            return future.get();
        } catch (CancellationException e) {
            throw new Monitor.Cancelled();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CancellationException) {
                throw new Monitor.Cancelled();
            }
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The code of example {@code index} by the model's encoder, or a message saying why there is none. */
    void exampleCode(int index, Consumer<double[]> then) {
        LoadedModel l = loaded.get();
        if (l == null) {
            return;
        }
        if (!l.hasEncoder()) {
            fail("a GAN has no encoder: find an example's code in the Inversion tab, then \"Load code\"");
            return;
        }
        String problem = l.exampleProblem(index);
        if (problem != null) {
            fail(problem);
            return;
        }
        float[] x = l.examples().example(index);
        onModel("encoding example #" + index, m -> m.encode(new float[][] {x})[0], then);
    }

    /** Images decoded from {@code codes} as display values in [0, 1]; on the model's thread. */
    static float[][] display(LatentModel m, float[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = m.toDisplay(values[i]);
        }
        return out;
    }

    // ---- the code

    /** A copy of the current code (null before a model is open). */
    public double[] code() {
        return code == null ? null : code.clone();
    }

    /** One dimension of the code changed (a slider moved): decode at once. */
    void setDimension(int dimension, double value) {
        if (code == null || dimension < 0 || dimension >= code.length || code[dimension] == value) {
            return;
        }
        code[dimension] = value;
        decodeCurrent();
    }

    /** A conditional G's class changed: every later decode asks for class {@code k}; the code is decoded again. */
    void setClass(int k) {
        OpenModel o = open;
        if (o == null || o.model.labelNames().isEmpty() || k < 0 || k >= o.model.labelNames().size()) {
            return;
        }
        o.model.setLabel(k);
        decodeCurrent();
    }

    /** Replaces the whole code (the sliders follow) and decodes it. */
    void load(double[] next) {
        LoadedModel l = loaded.get();
        if (l == null || next == null) {
            return;
        }
        if (next.length != l.codeSize()) {
            fail("a code of " + next.length + " values does not fit this model's " + l.codeSize() + " dimensions");
            return;
        }
        code = next.clone();
        codeVersion.set(codeVersion.get() + 1);
        decodeCurrent();
    }

    /** Loads a code and makes it the one Reset returns to. */
    void start(double[] next) {
        load(next);
        if (code != null && next != null && next.length == code.length) {
            startCode = code.clone();
        }
    }

    /** Back to the code the person started from. */
    void reset() {
        if (startCode != null) {
            load(startCode);
        }
    }

    /** The random numbers of the studio's draws (new samples, random codes). */
    Random random() {
        return random;
    }

    private void decodeCurrent() {
        OpenModel o = open;
        if (o == null || code == null) {
            return;
        }
        ImageShape shape = o.model.shape();
        LatentModel model = o.model;
        CompletableFuture<Frame> decoded = o.decodes.submit(code).thenApply(d -> new Frame(d.sequence(),
                d.codes()[0], StudioModels.argb(model, d.image()), shape.width(), shape.height()));
        await("decoding the code", decoded, f -> {
            if (frame.get() == null || frame.get().sequence() < f.sequence()) {
                frame.set(f);
            }
        });
    }

    // ---- the status line

    void info(String text) {
        error.set(false);
        message.set(text);
    }

    void fail(String text) {
        error.set(true);
        message.set(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<LoadedModel> loadedProperty() {
        return loaded;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame;
    }

    /** Increases whenever the code was replaced as a whole (the sliders must follow). */
    public ReadOnlyIntegerProperty codeVersionProperty() {
        return codeVersion;
    }

    /** Lets go of the model open. */
    void close() {
        OpenModel o = open;
        open = null;
        if (o != null) {
            o.close();
        }
    }
}
