package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.TangentComparison;
import org.latentlab.experiment.geometry.TangentResult;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tangent vectors of the data manifold as three autoencoders' encoders see it, side by side on the same test
 * digit (seed 000, slides 26–28; Rifai et al. 2011): the singular values of J = ∂c/∂x, the top right-singular vectors
 * as images, the digit moved along a chosen one (x + t·v) and decoded, and the sensitivity ‖∂c/∂x‖_F on and off the
 * manifold. The three are a plain, a denoising and a contractive autoencoder of one size trained here alike
 * ({@link TangentComparison}: they differ only in regularisation, and the screen says so), or any three autoencoder /
 * VAE runs opened one per column. Computations run on the bench's worker ({@link GeometryJobs}); a slider drag asks for
 * a decode there and only the newest answer is drawn.
 */
final class TangentPanel extends BorderPane {

    private static final TangentComparison.Variant[] VARIANTS = TangentComparison.Variant.values();
    private static final String OPENED = "Columns opened from saved runs: each one's code size, regularisation and"
            + " iteration are under its heading. A larger code has a larger ‖∂c/∂x‖_F for that reason alone, so"
            + " compare models of one size trained as long.";

    private final Window owner;
    private final Path runsRoot;
    private final TaskBar tasks = new TaskBar("tangent");
    private final TextField iterations = new TextField(Integer.toString(TangentComparison.DEFAULT_ITERATIONS));
    private final Label compared = new Label();
    private final Spinner<Integer> index = new Spinner<>(0, 99_999, 0);
    private final Spinner<Integer> shown = new Spinner<>(1, 16, 6);
    private final Spinner<Integer> vector = new Spinner<>(1, 16, 1);
    private final Slider t = new Slider(-6, 6, 0);
    private final Label tValue = new Label("t = 0.00");
    private final ImageView digit = new ImageView();
    private final Label digitCaption = new Label("test digit");
    private final TextField points = new TextField("200");
    private final ComboBox<ManifoldSensitivity.OffManifold> offKind = new ComboBox<>();
    private final TextField sigma = new TextField("0.3");
    private final TangentColumn[] columns = new TangentColumn[3];
    private final GeometryJobs[] jobs = new GeometryJobs[3];
    private TangentResult[] results = new TangentResult[3];
    private final AtomicReference<Runnable> pendingDecode = new AtomicReference<>();
    private long decodeVersion;
    /** Training, opening or a sensitivity run: not cancelled by a change of digit. */
    private MonitoredTask<?> heavy;

    TangentPanel(Window owner, Path runsRoot) {
        this.owner = owner;
        this.runsRoot = runsRoot;
        iterations.setPrefColumnCount(5);
        iterations.setId("tangent-iterations");
        Button train = new Button("Train the three here");
        train.setId("tangent-train");
        train.setTooltip(new Tooltip("train the plain, denoising and contractive autoencoders (same network, data,"
                + " seed and optimiser) for this many iterations each, into new folders under " + runsRoot));
        train.setOnAction(e -> trainAll());
        index.setEditable(true);
        index.setPrefWidth(90);
        index.setId("tangent-index");
        index.valueProperty().addListener((o, a, b) -> retangent());
        shown.setPrefWidth(70);
        shown.setId("tangent-k");
        shown.valueProperty().addListener((o, a, b) -> retangent());
        vector.setPrefWidth(70);
        vector.setId("tangent-vector");
        vector.valueProperty().addListener((o, a, b) -> requestDecode());
        t.setId("tangent-t");
        t.setPrefWidth(260);
        t.setShowTickMarks(true);
        t.setShowTickLabels(true);
        t.setMajorTickUnit(2);
        t.valueProperty().addListener((o, a, b) -> {
            tValue.setText(String.format(Locale.ROOT, "t = %.2f", b.doubleValue()));
            requestDecode();
        });
        tValue.setMinWidth(70);
        tValue.setId("tangent-t-value");
        Button compute = new Button("Tangents");
        compute.setId("tangent-compute");
        compute.setOnAction(e -> computeTangents());
        points.setPrefColumnCount(4);
        points.setId("tangent-points");
        offKind.getItems().addAll(ManifoldSensitivity.OffManifold.values());
        offKind.getSelectionModel().select(0);
        offKind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ManifoldSensitivity.OffManifold k) {
                return k == null ? "" : k == ManifoldSensitivity.OffManifold.NOISY_EXAMPLES ? "test digits + noise σ"
                        : "uniform noise";
            }

            @Override
            public ManifoldSensitivity.OffManifold fromString(String s) {
                return null;
            }
        });
        offKind.setId("tangent-off");
        sigma.setPrefColumnCount(4);
        sigma.setId("tangent-sigma");
        Button sensitivity = new Button("Sensitivity");
        sensitivity.setId("tangent-sensitivity");
        sensitivity.setOnAction(e -> computeSensitivity());

        Label explain = new Label("The encoder's Jacobian J = ∂c/∂x at a test digit: its right singular vectors with"
                + " the largest σ are the directions the code follows, the tangent plane of the digit manifold as the"
                + " encoder sees it (Rifai et al. 2011). A contractive AE should keep few large σ and tangents that"
                + " look like deformations of the digit; moving x along one and decoding shows what it changes.");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox modelsRow = row(new Label("Models: a plain, a denoising and a contractive autoencoder, trained here for"),
                iterations, new Label("iterations each"), train,
                new Label("or Open run… in each column below"));
        compared.setId("tangent-compared");
        compared.setWrapText(true);
        compared.setText(TangentComparison.describe(TangentComparison.DEFAULT_ITERATIONS) + " (not trained yet)");
        HBox tangentRow = row(new Label("Test digit (held-out index)"), index, new Label("tangent vectors shown"),
                shown, compute, new Label("move along v"), vector, t, tValue);
        HBox sensitivityRow = row(new Label("Sensitivity ‖∂c/∂x‖_F at"), points,
                new Label("test digits vs off the manifold:"), offKind, new Label("σ"), sigma, sensitivity);
        VBox top = new VBox(4, explain, modelsRow, compared, tangentRow, sensitivityRow, tasks);
        top.setPadding(new Insets(6));
        setTop(top);

        digit.setId("tangent-digit");
        VBox digitBox = new VBox(4, digitCaption, digit);
        digitBox.setPadding(new Insets(6));
        digitBox.setMinWidth(110);
        HBox columnsBox = new HBox(6);
        columnsBox.getChildren().add(digitBox);
        for (int i = 0; i < 3; i++) {
            int c = i;
            columns[i] = new TangentColumn(VARIANTS[i].heading(), "tangent-" + i);
            Button open = new Button("Open run…");
            open.setId("tangent-" + i + "-open");
            open.setOnAction(e -> chooseRun(c));
            columns[i].addToHeader(open);
            HBox.setHgrow(columns[i], Priority.ALWAYS);
            columns[i].setMaxWidth(Double.MAX_VALUE);
            columnsBox.getChildren().add(columns[i]);
        }
        columnsBox.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(columnsBox);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private void chooseRun(int column) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("An autoencoder or VAE run folder (or one of its checkpoints) for column " + (column + 1));
        if (runsRoot.toFile().isDirectory()) {
            chooser.setInitialDirectory(runsRoot.toAbsolutePath().toFile());
        }
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            open(column, dir.toPath());
        }
    }

    /** Opens a run folder in one column and computes its tangents at the current digit. */
    void open(int column, Path folder) {
        GeometryJobs old = jobs[column];
        heavy = tasks.run(m -> {
            m.progress(0, "opening " + folder.getFileName());
            if (old != null) {
                old.close();
            }
            return openJobs(folder);
        }, j -> {
            setJobs(column, j);
            compared.setText(OPENED);
            computeTangents();
        });
    }

    /** The same run in every column (the launch argument's way to look at one model). */
    void openAll(Path folder) {
        openColumns(new Path[] {folder, folder, folder});
    }

    /** Runs into the first columns, one each, then their tangents. */
    void openColumns(Path[] folders) {
        GeometryJobs[] old = jobs.clone();
        heavy = tasks.run(m -> {
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
                setJobs(i, j[i]);
            }
            compared.setText(OPENED);
            computeTangents(this::computeSensitivity);
        });
    }

    private static GeometryJobs openJobs(Path folder) {
        GeometryJobs j = GeometryJobs.open(folder);
        Family k = j.model().kind();
        if (k != Family.AUTOENCODER && k != Family.VAE) {
            throw new LabException(folder.getFileName() + " is a " + k.name().toLowerCase(Locale.ROOT) + " run:"
                    + " tangent vectors need an autoencoder's or a VAE's encoder");
        }
        return j;
    }

    private void setJobs(int column, GeometryJobs j) {
        jobs[column] = j;
        results[column] = null;
        columns[column].clear();
        SavedModel m = j.model();
        columns[column].setSource(m.name() + " (" + m.kind().name().toLowerCase(Locale.ROOT) + ", code "
                + m.modelSpec().codeDim() + ", " + m.modelSpec().training().describe() + "), iteration "
                + m.iteration() + ", " + m.checkpoint().getFileName() + " of " + m.runDir().getFileName());
    }

    /** Trains the plain, denoising and contractive autoencoders here, one after the other, and opens them. */
    void trainAll() {
        int n;
        try {
            n = Integer.parseInt(iterations.getText().trim());
            if (n < 2 || n > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            tasks.say("iterations: a whole number from 2 to 100000");
            return;
        }
        GeometryJobs[] old = jobs.clone();
        heavy = tasks.run(m -> {
            for (GeometryJobs j : old) {
                if (j != null) {
                    j.close();
                }
            }
            GeometryJobs[] j = new GeometryJobs[3];
            java.util.List<org.latentlab.experiment.ReconstructionExperiment> models = TangentComparison.models(n);
            for (int i = 0; i < 3; i++) {
                Path dir = ShortRun.train(models.get(i), 2, runsRoot, part(m, i / 3.0, (i + 1) / 3.0));
                j[i] = openJobs(dir);
            }
            return j;
        }, j -> {
            for (int i = 0; i < 3; i++) {
                setJobs(i, j[i]);
            }
            compared.setText(TangentComparison.describe(n));
            computeTangents();
        });
    }

    /** A part [from, to] of a monitor's progress. */
    private static Monitor part(Monitor parent, double from, double to) {
        return new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                parent.progress(from + (to - from) * Math.max(0, Math.min(1, fraction)), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    /** A new digit or count: recompute, unless a longer job holds the worker. */
    private void retangent() {
        if (heavy != null && heavy.isRunning()) {
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
        GeometryJobs[] j = jobs.clone();
        if (Arrays.stream(j).allMatch(x -> x == null)) {
            tasks.say("first train the three models here or open a run in a column");
            return;
        }
        int i0 = index.getValue();
        int k = shown.getValue();
        tasks.run(m -> {
            TangentResult[] r = new TangentResult[3];
            for (int c = 0; c < 3; c++) {
                if (j[c] != null) {
                    r[c] = j[c].tangents(i0, k, part(m, c / 3.0, (c + 1) / 3.0));
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
        results = r;
        double max = 0;
        TangentResult first = null;
        for (TangentResult x : r) {
            if (x != null) {
                max = Math.max(max, x.singularValues()[0]);
                first = first == null ? x : first;
            }
        }
        if (first == null) {
            return;
        }
        int[] hw = imageSize(first);
        digit.setImage(PixelImages.grey(first.input(), hw[0], hw[1], 3));
        digitCaption.setText("test digit " + first.index());
        StringBuilder differs = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            if (r[c] == null) {
                continue;
            }
            int[] s = imageSize(r[c]);
            columns[c].showTangents(r[c].singularValues(), r[c].tangents(), s[0], s[1]);
            columns[c].setBarScale(max);
            if (!Arrays.equals(r[c].input(), first.input())) {
                differs.append(' ').append(c + 1);
            }
        }
        ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) vector.getValueFactory())
                .setMax(first.tangents().length);
        tasks.say(differs.length() == 0 ? "tangents at test digit " + first.index()
                : "column(s)" + differs + " hold out other examples: their digit " + first.index() + " differs");
        requestDecode();
    }

    private static int[] imageSize(TangentResult r) {
        int[] s = r.shape();
        if (s.length == 3 && s[0] == 1) {
            return new int[] {s[1], s[2]};
        }
        throw new LabException("tangent images need grey-scale image data; this run's examples have shape "
                + Arrays.toString(s));
    }

    /** Asks the worker for x + t·v and its decoding in every column; only the newest request is served. */
    private void requestDecode() {
        TangentResult[] r = results.clone();
        GeometryJobs[] j = jobs.clone();
        int v = vector.getValue() - 1;
        double at = t.getValue();
        long mine = ++decodeVersion;
        Runnable job = () -> {
            double[][] moved = new double[3][];
            double[][] decoded = new double[3][];
            String error = null;
            for (int c = 0; c < 3; c++) {
                if (r[c] == null || j[c] == null || v >= r[c].tangents().length) {
                    continue;
                }
                try {
                    moved[c] = TangentSpace.move(r[c].input(), r[c].tangents()[v], at);
                    decoded[c] = j[c].alongTangent(r[c], v, at);
                } catch (RuntimeException e) {
                    error = e.getMessage();
                }
            }
            String failed = error;
            Platform.runLater(() -> {
                if (mine != decodeVersion) {
                    return;
                }
                for (int c = 0; c < 3; c++) {
                    if (moved[c] != null && decoded[c] != null) {
                        int[] s = imageSize(r[c]);
                        columns[c].showMoved(at, v, moved[c], decoded[c], s[0], s[1]);
                    }
                }
                if (failed != null) {
                    tasks.say(failed);
                }
            });
        };
        if (pendingDecode.getAndSet(job) == null) {
            MonitoredTask.WORKER.submit(() -> {
                Runnable next = pendingDecode.getAndSet(null);
                if (next != null) {
                    next.run();
                }
            });
        }
    }

    /** The sensitivity on and off the manifold for every loaded column. */
    void computeSensitivity() {
        GeometryJobs[] j = jobs.clone();
        if (Arrays.stream(j).allMatch(x -> x == null)) {
            tasks.say("first train the three models here or open a run in a column");
            return;
        }
        int n;
        double s;
        try {
            n = Integer.parseInt(points.getText().trim());
            s = Double.parseDouble(sigma.getText().trim());
            if (n < 2 || n > 10_000 || !(s > 0)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            tasks.say("test points: a whole number from 2 to 10000; σ: a positive number");
            return;
        }
        ManifoldSensitivity.OffManifold off = offKind.getValue();
        heavy = tasks.run(m -> {
            ManifoldSensitivity[] out = new ManifoldSensitivity[3];
            for (int c = 0; c < 3; c++) {
                if (j[c] != null) {
                    out[c] = ManifoldSensitivity.of(j[c].model(), n, off, s, 1, part(m, c / 3.0, (c + 1) / 3.0));
                }
            }
            return out;
        }, out -> {
            for (int c = 0; c < 3; c++) {
                if (out[c] != null) {
                    columns[c].showSensitivity(out[c]);
                }
            }
        });
    }

    // ---- for tests

    TangentColumn column(int i) {
        return columns[i];
    }

    TaskBar tasks() {
        return tasks;
    }
}
