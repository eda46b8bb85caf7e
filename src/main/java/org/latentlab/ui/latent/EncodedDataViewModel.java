package org.latentlab.ui.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.data.ExampleSet;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.EncodedSet;
import org.latentlab.latent.Inversion;
import org.latentlab.latent.InversionResult;
import org.latentlab.latent.InversionSettings;
import org.latentlab.latent.LatentModel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The examples' codes on a plane: the codes themselves (2-D codes) or their first two principal axes, coloured by
 * label, with the current code marked; a point loads its code. A GAN has no encoder, so its examples' codes are
 * found by inverting G on a batch of them at once; they then serve the plane, the principal map and attribute
 * vectors as encoded codes would. That search has its own progress, busy flag and message.
 */
public final class EncodedDataViewModel {

    /** Encoded examples placed on a plane, with the axes' names. */
    public record EncodedView(EncodedSet set, double[][] points, String xAxis, String yAxis) {
    }

    /** One point's example as a person sees it: the picture and a caption. */
    public record EncodedExample(float[] display, String caption) {
    }

    private final StudioSession session;
    private final ObjectProperty<EncodedView> view = new SimpleObjectProperty<>();
    private final BooleanProperty finding = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private TaskHandle running = TaskHandle.NONE;

    EncodedDataViewModel(StudioSession session) {
        this.session = session;
        session.whenOpened(l -> {
            running.cancel();
            running = TaskHandle.NONE;
            finding.set(false);
            progress.set(0);
            message.set("");
            view.set(l.encoded() == null ? null : place(l));
        });
    }

    static EncodedView place(LoadedModel l) {
        EncodedSet set = l.encoded();
        if (l.codeSize() <= 2) {
            double[][] p = new double[set.size()][];
            for (int i = 0; i < p.length; i++) {
                double[] c = set.codes()[i];
                p[i] = new double[] {c[0], c.length > 1 ? c[1] : 0};
            }
            return new EncodedView(set, p, "z0", l.codeSize() > 1 ? "z1" : "");
        }
        double[] r = l.pca().explainedVarianceRatio();
        return new EncodedView(set, l.pca().project(set.codes()), String.format(Locale.ROOT, "PC1 (%.0f%%)",
                100 * r[0]), String.format(Locale.ROOT, "PC2 (%.0f%%)", 100 * r[1]));
    }

    /** The current code's coordinates on the plane, or null. */
    public double[] position() {
        EncodedView v = view.get();
        LoadedModel l = session.loadedProperty().get();
        double[] code = session.code();
        if (v == null || l == null || code == null) {
            return null;
        }
        if (l.codeSize() <= 2) {
            return new double[] {code[0], code.length > 1 ? code[1] : 0};
        }
        return l.pca().project(code);
    }

    /** Loads the code of point i (its position in the encoded set). */
    public void pick(int i) {
        EncodedView v = view.get();
        LoadedModel l = session.loadedProperty().get();
        if (v != null && l != null && i >= 0 && i < v.set().size()) {
            session.start(v.set().codes()[i]);
            int index = v.set().indices()[i];
            int label = v.set().labels()[i];
            session.info("code of " + l.exampleNoun() + " #" + index + (label >= 0 ? " (label "
                    + l.className(label) + ")" : ""));
        }
    }

    /** Point i's example and what it is, or null when there is no such point. */
    public EncodedExample example(int i) {
        EncodedView v = view.get();
        LoadedModel l = session.loadedProperty().get();
        if (v == null || l == null || i < 0 || i >= v.set().size()) {
            return null;
        }
        int index = v.set().indices()[i];
        int label = v.set().labels()[i];
        return new EncodedExample(l.exampleDisplay(index), l.exampleNoun() + " #" + index
                + (label >= 0 ? ", label " + l.className(label) : "")
                + String.format(Locale.ROOT, "%nat (%.3g, %.3g)", v.points()[i][0], v.points()[i][1]));
    }

    /**
     * For a model without an encoder (a GAN): finds codes for {@code n} examples by inverting the decoder on all of
     * them at once (a batched Adam search from prior draws, {@code steps} steps), and uses them as the examples'
     * codes.
     */
    public void findCodes(int n, int steps) {
        LoadedModel l = session.loadedProperty().get();
        OpenModel o = session.open();
        if (l == null || o == null) {
            return;
        }
        if (finding.get()) {
            message.set("codes are already being found: cancel first");
            return;
        }
        if (n < 10 || n > 5000 || steps < 1 || steps > 10_000) {
            message.set("invert 10 to 5000 examples for 1 to 10000 steps, not " + n + " for " + steps);
            return;
        }
        int count = Math.min(n, l.examples().size());
        int[] indices = chooseIndices(l.examples().size(), count);
        ExampleSet ex = l.examples();
        CodePrior prior = l.prior();
        finding.set(true);
        progress.set(0);
        message.set("finding codes of " + count + " examples (" + steps + " steps) …");
        running = session.runners().inversion().submit(BackgroundTask.of("finding codes by inversion", m -> {
            LatentModel model = o.inversionModel(prior);
            float[][] targets = new float[count][];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                targets[i] = ex.example(indices[i]);
                labels[i] = ex.hasLabels() ? ex.label(indices[i]) : -1;
            }
            double[][] starts = prior.sample(count, new Random(StudioSession.SEED));
            InversionResult[] results = new Inversion(model).invertAll(targets, starts,
                    InversionSettings.defaults().withSteps(steps), m);
            double[][] codes = new double[count][];
            double rmse = 0;
            for (int i = 0; i < count; i++) {
                codes[i] = results[i].code();
                rmse += results[i].rootMeanSquaredError() / count;
            }
            return new FoundCodes(new EncodedSet(codes, indices, labels), rmse);
        }).onProgress((fraction, text) -> {
            if (session.open() == o) {
                progress.set(fraction);
                if (text != null) {
                    message.set("finding codes of " + count + " examples: " + text);
                }
            }
        }).onSuccess(found -> finish(o, () -> {
            LoadedModel next = session.loadedProperty().get().withEncoded(found.set());
            session.update(next);
            view.set(place(next));
            String done = String.format(Locale.ROOT, "found codes for %d examples by inversion (mean RMSE per value"
                    + " %.4f): the encoded-data view, the principal plane and attribute vectors use them", count,
                    found.meanRootMeanSquaredError());
            message.set(done);
            session.info(done);
        })).onFailure(text -> finish(o, () -> {
            message.set(text);
            session.fail(text);
        })).onCancelled(() -> finish(o, () -> message.set("finding codes by inversion cancelled"))));
    }

    /** Codes found by inversion and their mean reconstruction error. */
    private record FoundCodes(EncodedSet set, double meanRootMeanSquaredError) {
    }

    private void finish(OpenModel o, Runnable then) {
        if (session.open() != o) {
            return;
        }
        finding.set(false);
        progress.set(0);
        then.run();
    }

    /** Stops finding codes. */
    public void cancel() {
        running.cancel();
    }

    /** {@code count} indices of 0..size-1 drawn without replacement with a fixed seed, in increasing order. */
    static int[] chooseIndices(int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        Random rng = new Random(StudioSession.SEED);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, count);
        Arrays.sort(out);
        return out;
    }

    public ReadOnlyObjectProperty<EncodedView> viewProperty() {
        return view;
    }

    public ReadOnlyBooleanProperty findingProperty() {
        return finding;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** What finding codes is doing or did; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
