package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.TangentComparison;
import org.latentlab.experiment.geometry.TangentResult;
import org.latentlab.ui.common.NumberInput;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The tangent section's state and jobs: three autoencoders' encoders compared on one test digit (Rifai et al.
 * 2011), the plain, denoising and contractive ones trained here alike ({@link TangentComparison}) or any three
 * autoencoder / VAE runs opened one per column ({@link TangentColumnModel}). A new digit or count recomputes the
 * tangents; moving along a tangent asks the worker for a decode and only the newest answer is shown.
 */
final class TangentViewModel {

    static final int COLUMNS = 3;
    static final String OPENED = "Columns opened from saved runs: each one's code size, regularisation and"
            + " iteration are under its heading. A larger code has a larger ‖∂c/∂x‖_F for that reason alone, so"
            + " compare models of one size trained as long.";

    private final SectionTasks tasks;
    private final Path runsRoot;
    private final StringProperty iterations =
            new SimpleStringProperty(Integer.toString(TangentComparison.DEFAULT_ITERATIONS));
    private final ReadOnlyStringWrapper compared = new ReadOnlyStringWrapper(
            TangentComparison.describe(TangentComparison.DEFAULT_ITERATIONS) + " (not trained yet)");
    private final ObjectProperty<Integer> index = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> shown = new SimpleObjectProperty<>(6);
    private final ObjectProperty<Integer> vector = new SimpleObjectProperty<>(1);
    private final ReadOnlyIntegerWrapper vectorMax = new ReadOnlyIntegerWrapper(16);
    private final DoubleProperty t = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper tText = new ReadOnlyStringWrapper("t = 0.00");
    private final StringProperty points = new SimpleStringProperty("200");
    private final ObjectProperty<ManifoldSensitivity.OffManifold> offKind =
            new SimpleObjectProperty<>(ManifoldSensitivity.OffManifold.values()[0]);
    private final StringProperty sigma = new SimpleStringProperty("0.3");
    private final ReadOnlyObjectWrapper<TangentResult> digit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper barScale = new ReadOnlyDoubleWrapper(Double.NaN);
    private final TangentColumnModel[] columns = new TangentColumnModel[COLUMNS];
    private final TangentDecoder decoder;
    /** Training, opening or a sensitivity run: not cancelled by a change of digit. */
    private TaskHandle heavy = TaskHandle.NONE;

    TangentViewModel(TaskRunner runner, Path runsRoot) {
        this.tasks = new SectionTasks(runner);
        this.runsRoot = runsRoot;
        this.decoder = new TangentDecoder(tasks);
        for (int i = 0; i < COLUMNS; i++) {
            columns[i] = new TangentColumnModel();
        }
        index.addListener((o, a, b) -> retangent());
        shown.addListener((o, a, b) -> retangent());
        vector.addListener((o, a, b) -> requestDecode());
        t.addListener((o, a, b) -> {
            tText.set(String.format(Locale.ROOT, "t = %.2f", b.doubleValue()));
            requestDecode();
        });
    }

    /** Opens a run folder in one column and computes its tangents at the current digit. */
    void open(int column, Path folder) {
        GeometryJobs old = columns[column].jobs();
        heavy = tasks.run("opening " + folder.getFileName(), m -> {
            m.progress(0, "opening " + folder.getFileName());
            if (old != null) {
                old.close();
            }
            return openJobs(folder);
        }, j -> {
            columns[column].setJobs(j);
            compared.set(OPENED);
            computeTangents();
        });
    }

    /** The same run in every column (the launch argument's way to look at one model). */
    void openAll(Path folder) {
        openColumns(new Path[] {folder, folder, folder});
    }

    /** Runs into the first columns, one each, then their tangents and sensitivity. */
    void openColumns(Path[] folders) {
        GeometryJobs[] old = jobs();
        heavy = tasks.run("opening the runs", m -> {
            GeometryJobs[] j = new GeometryJobs[folders.length];
            for (int i = 0; i < folders.length; i++) {
                m.progress((double) i / folders.length, "opening " + folders[i].getFileName());
                if (old[i] != null) {
                    old[i].close();
                }
                j[i] = openJobs(folders[i]);
            }
            return j;
        }, j -> {
            for (int i = 0; i < j.length; i++) {
                columns[i].setJobs(j[i]);
            }
            compared.set(OPENED);
            computeTangents(this::computeSensitivity);
        });
    }

    private static GeometryJobs openJobs(Path folder) {
        GeometryJobs j = GeometryJobs.open(folder);
        Family k = j.model().kind();
        if (k != Family.AUTOENCODER && k != Family.VAE) {
            j.close();
            throw new LabException(folder.getFileName() + " is a " + k.name().toLowerCase(Locale.ROOT) + " run:"
                    + " tangent vectors need an autoencoder's or a VAE's encoder");
        }
        return j;
    }

    /** Trains the plain, denoising and contractive autoencoders here, one after the other, and opens them. */
    void trainAll() {
        int n;
        try {
            n = NumberInput.wholeNumber(iterations.get(), "iterations", 2, ModelSourceViewModel.MAX_ITERATIONS);
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs[] old = jobs();
        heavy = tasks.run("training the three autoencoders", m -> {
            for (GeometryJobs j : old) {
                if (j != null) {
                    j.close();
                }
            }
            GeometryJobs[] j = new GeometryJobs[COLUMNS];
            List<ReconstructionExperiment> models = TangentComparison.models(n);
            for (int i = 0; i < COLUMNS; i++) {
                Path dir = ShortRun.train(models.get(i), 2, runsRoot, part(m, i, COLUMNS));
                j[i] = openJobs(dir);
            }
            return j;
        }, j -> {
            for (int i = 0; i < COLUMNS; i++) {
                columns[i].setJobs(j[i]);
            }
            compared.set(TangentComparison.describe(n));
            computeTangents();
        });
    }

    /** Part {@code i} of {@code n} equal parts of a monitor's progress. */
    private static Monitor part(Monitor parent, int i, int n) {
        return new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                parent.progress((i + Math.max(0, Math.min(1, fraction))) / n, message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    private GeometryJobs[] jobs() {
        GeometryJobs[] j = new GeometryJobs[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            j[c] = columns[c].jobs();
        }
        return j;
    }

    private boolean anyModel(GeometryJobs[] j) {
        if (Arrays.stream(j).allMatch(x -> x == null)) {
            tasks.say("first train the three models here or open a run in a column");
            return false;
        }
        return true;
    }

    /** A new digit or count: recompute, unless a longer job holds the worker. */
    private void retangent() {
        if (!heavy.isDone()) {
            tasks.say("busy: the tangents follow when this is done");
            return;
        }
        computeTangents();
    }

    /** The tangents of every loaded column at the chosen digit. */
    void computeTangents() {
        computeTangents(null);
    }

    private void computeTangents(Runnable after) {
        GeometryJobs[] j = jobs();
        if (!anyModel(j)) {
            return;
        }
        int i0 = index.get();
        int k = shown.get();
        tasks.run("tangents", m -> {
            TangentResult[] r = new TangentResult[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                if (j[c] != null) {
                    r[c] = j[c].tangents(i0, k, part(m, c, COLUMNS));
                }
            }
            return r;
        }, r -> {
            showTangents(r);
            if (after != null) {
                after.run();
            }
        });
    }

    private void showTangents(TangentResult[] r) {
        double max = 0;
        TangentResult first = null;
        for (TangentResult x : r) {
            if (x != null) {
                imageSize(x);
                max = Math.max(max, x.singularValues()[0]);
                first = first == null ? x : first;
            }
        }
        if (first == null) {
            return;
        }
        digit.set(first);
        barScale.set(max);
        StringBuilder differs = new StringBuilder();
        for (int c = 0; c < COLUMNS; c++) {
            if (r[c] != null) {
                columns[c].showTangents(r[c]);
                if (!Arrays.equals(r[c].input(), first.input())) {
                    differs.append(' ').append(c + 1);
                }
            }
        }
        vectorMax.set(first.tangents().length);
        if (vector.get() > first.tangents().length) {
            vector.set(first.tangents().length);
        }
        tasks.say(differs.length() == 0 ? "tangents at test digit " + first.index()
                : "column(s)" + differs + " hold out other examples: their digit " + first.index() + " differs");
        requestDecode();
    }

    /** The height and width of a result's images; refused for data that are not grey-scale images. */
    static int[] imageSize(TangentResult r) {
        int[] s = r.shape();
        if (s.length == 3 && s[0] == 1) {
            return new int[] {s[1], s[2]};
        }
        throw new LabException("tangent images need grey-scale image data; this run's examples have shape "
                + Arrays.toString(s));
    }

    /** Asks the worker for x + t·v and its decoding in every column; only the newest request is served. */
    private void requestDecode() {
        decoder.request(columns, vector.get() - 1, t.get());
    }

    /** The sensitivity on and off the manifold for every loaded column. */
    void computeSensitivity() {
        GeometryJobs[] j = jobs();
        if (!anyModel(j)) {
            return;
        }
        int n;
        double s;
        try {
            n = NumberInput.wholeNumber(points.get(), "test points", 2, 10_000);
            s = NumberInput.positive(sigma.get(), "σ");
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        ManifoldSensitivity.OffManifold off = offKind.get();
        heavy = tasks.run("sensitivity", m -> {
            ManifoldSensitivity[] out = new ManifoldSensitivity[COLUMNS];
            for (int c = 0; c < COLUMNS; c++) {
                if (j[c] != null) {
                    out[c] = ManifoldSensitivity.of(j[c].model(), n, off, s, 1, part(m, c, COLUMNS));
                }
            }
            return out;
        }, out -> {
            for (int c = 0; c < COLUMNS; c++) {
                if (out[c] != null) {
                    columns[c].showSensitivity(out[c]);
                }
            }
        });
    }

    // ---- for the view and the tests

    SectionTasks tasks() {
        return tasks;
    }

    TangentColumnModel column(int i) {
        return columns[i];
    }

    Path runsRoot() {
        return runsRoot;
    }

    StringProperty iterationsProperty() {
        return iterations;
    }

    ReadOnlyStringProperty comparedProperty() {
        return compared.getReadOnlyProperty();
    }

    ObjectProperty<Integer> indexProperty() {
        return index;
    }

    ObjectProperty<Integer> shownProperty() {
        return shown;
    }

    ObjectProperty<Integer> vectorProperty() {
        return vector;
    }

    /** How many tangent vectors there are to move along. */
    ReadOnlyIntegerProperty vectorMaxProperty() {
        return vectorMax.getReadOnlyProperty();
    }

    DoubleProperty tProperty() {
        return t;
    }

    ReadOnlyStringProperty tTextProperty() {
        return tText.getReadOnlyProperty();
    }

    StringProperty pointsProperty() {
        return points;
    }

    ObjectProperty<ManifoldSensitivity.OffManifold> offKindProperty() {
        return offKind;
    }

    StringProperty sigmaProperty() {
        return sigma;
    }

    /** The test digit the tangents were taken at (the first column's). */
    ReadOnlyObjectProperty<TangentResult> digitProperty() {
        return digit.getReadOnlyProperty();
    }

    /** The top of every column's singular-value axis, so that their bars compare. */
    ReadOnlyDoubleProperty barScaleProperty() {
        return barScale.getReadOnlyProperty();
    }
}
