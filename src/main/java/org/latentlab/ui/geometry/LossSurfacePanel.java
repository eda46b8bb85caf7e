package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.analysis.toy.ViewRange;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.LineOptions;
import org.latentlab.experiment.geometry.LineResult;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.experiment.geometry.SurfaceSlice;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The loss surface of a network around a checkpoint: the 1-D loss along the straight line from the initial weights
 * (or another checkpoint) to it, and a 2-D slice on a plane through it (random filter-normalised directions, the top
 * two Hessian eigenvectors or the trajectory's principal components) as a heat map with contours and in 3-D, with
 * the training trajectory projected on the plane. The computations are {@link GeometryJobs}'s: scans fill row by
 * row (drawn as they come), stop on Cancel and continue where they stopped, and are kept beside the checkpoint.
 */
final class LossSurfacePanel extends BorderPane {

    private static final String INITIAL = "the initial weights";
    private static final int CONTOUR_LEVELS = 16;

    private final Window owner;
    private final TaskBar tasks = new TaskBar("surface");
    private final ModelSource source;
    private final ComboBox<Path> checkpoint = new ComboBox<>();
    private final ComboBox<GeometryModels.Part> part = LossPartChooser.create("surface-part",
            "for a GAN: whose loss, over whose parameters; autoencoders have one loss");
    private final TextField examples = new TextField("500");
    private final ComboBox<Object> lineFrom = new ComboBox<>();
    private final TextField linePoints = new TextField(Integer.toString(LineOptions.DEFAULT_POINTS));
    private final ComboBox<SliceOptions.Directions> directions = new ComboBox<>();
    private final TextField grid = new TextField("41");
    private final TextField range = new TextField("1");
    private final Button continueScan = new Button("Continue scan");
    private final javafx.scene.control.CheckBox fit = new javafx.scene.control.CheckBox("fit range to the trajectory");
    private final ContourCanvas contour = new ContourCanvas();
    private final SurfaceCanvas3D mesh = new SurfaceCanvas3D();
    private final XYSeriesCollection lineData = new XYSeriesCollection();
    private final JFreeChart lineChart;
    private final TextArea report = new TextArea();
    private final SplitPane surfaces;
    private GeometryJobs jobs;
    private SurfaceSlice slice;
    private LineResult line;
    private SurfaceGrid shownGrid;
    private long scanGeneration;

    LossSurfacePanel(Window owner, Path runsRoot) {
        this.owner = owner;
        source = new ModelSource(owner, "surface", List.of("ring8-ae-2d", "mnist-ae", "mnist-dae", "mnist-cae",
                "mnist-vae-2d"), 600, 6, tasks, runsRoot, this::open);

        checkpoint.setId("surface-checkpoint");
        checkpoint.setConverter(pathNames("—"));
        checkpoint.setOnAction(e -> {
            Path cp = checkpoint.getValue();
            if (cp != null && jobs != null && !cp.equals(jobs.model().checkpoint())) {
                open(cp);
            }
        });
        part.setDisable(true);
        examples.setPrefColumnCount(5);
        examples.setId("surface-examples");
        lineFrom.setId("surface-line-from");
        lineFrom.getItems().add(INITIAL);
        lineFrom.getSelectionModel().select(0);
        lineFrom.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object o) {
                return o instanceof Path p ? "checkpoint " + p.getFileName() : String.valueOf(o);
            }

            @Override
            public Object fromString(String s) {
                return s;
            }
        });
        linePoints.setPrefColumnCount(4);
        linePoints.setId("surface-line-points");
        directions.getItems().addAll(SliceOptions.Directions.values());
        directions.getSelectionModel().select(SliceOptions.Directions.RANDOM);
        directions.setConverter(new StringConverter<>() {
            @Override
            public String toString(SliceOptions.Directions d) {
                return d == null ? "" : switch (d) {
                    case RANDOM -> "two random filter-normalised directions";
                    case HESSIAN -> "top-2 Hessian eigenvectors";
                    case PCA -> "principal components of the trajectory";
                };
            }

            @Override
            public SliceOptions.Directions fromString(String s) {
                return null;
            }
        });
        directions.setId("surface-directions");
        directions.valueProperty().addListener((o, a, b) -> fit.setSelected(b == SliceOptions.Directions.PCA));
        fit.setId("surface-fit");
        fit.setTooltip(new Tooltip("first project the trajectory (a 2 x 2 scan), then choose the range that holds it;"
                + " random directions are nearly orthogonal to the path, so this suits the principal components"));
        grid.setPrefColumnCount(4);
        grid.setId("surface-grid");
        range.setPrefColumnCount(4);
        range.setId("surface-range");

        Button lineButton = new Button("Line");
        lineButton.setId("surface-line");
        lineButton.setOnAction(e -> computeLine());
        Button scan = new Button("Scan slice");
        scan.setId("surface-scan");
        scan.setTooltip(new Tooltip("scan the plane; a scan stopped earlier on the same plane and grid continues"));
        scan.setOnAction(e -> computeSlice());
        continueScan.setId("surface-continue");
        continueScan.setDisable(true);
        continueScan.setTooltip(new Tooltip("compute the cells the stopped scan has not computed yet"));
        continueScan.setOnAction(e -> computeSlice());
        Button png = new Button("Export PNG…");
        png.setId("surface-png");
        png.setOnAction(e -> exportPng());
        Button csv = new Button("Export CSV…");
        csv.setId("surface-csv");
        csv.setOnAction(e -> exportCsv());

        Label explain = new Label("Li et al. 2018: the loss on a plane through the trained weights θ, "
                + "L(θ + a·d₁ + b·d₂), with the training run (orange, labelled by iteration) projected onto it. "
                + "Goodfellow et al. 2015: the loss along the straight line from the initial to the final weights,"
                + " α from −0.5 to 1.5 (α = 0: start, α = 1: the checkpoint).");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox lossRow = row(new Label("At checkpoint"), checkpoint, new Label("Loss"), part, new Label("examples"),
                examples);
        HBox lineRow = row(new Label("1-D line from"), lineFrom, new Label("to the checkpoint; points"), linePoints,
                lineButton);
        HBox sliceRow = row(new Label("2-D slice along"), directions, new Label("grid"), grid,
                new Label("range ±"), range, fit, scan, continueScan, png, csv);
        VBox top = new VBox(4, explain, source, lossRow, lineRow, sliceRow, tasks);
        top.setPadding(new Insets(6));
        setTop(top);

        contour.setId("surface-contour");
        contour.setColourBar(true);
        contour.setAxisNames("a (along d₁)", "b (along d₂)");
        contour.setShowField(false);
        contour.setPlaceholder("The 2-D slice appears here, row by row as it is scanned.");
        mesh.setId("surface-mesh");
        surfaces = new SplitPane(contour, mesh);
        surfaces.setDividerPositions(0.46);
        lineChart = ChartFactory.createXYLineChart("1-D line: press Line", "α", "loss", lineData,
                PlotOrientation.VERTICAL, false, false, false);
        lineChart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        XYPlot plot = (XYPlot) lineChart.getPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new java.awt.Color(78, 121, 167));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        r.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        plot.setRenderer(r);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        ChartViewer lineViewer = new ChartViewer(lineChart);
        lineViewer.setId("surface-line-chart");
        report.setEditable(false);
        report.setWrapText(true);
        report.setId("surface-report");
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        report.setText("Train a model here or open a run, then scan a slice or draw the line.");
        SplitPane bottom = new SplitPane(lineViewer, report);
        bottom.setDividerPositions(0.55);
        SplitPane centre = new SplitPane(surfaces, bottom);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.7);
        setCenter(centre);
    }

    private static HBox row(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static StringConverter<Path> pathNames(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? none : p.getFileName().toString();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        };
    }

    /** Opens a run folder (its latest checkpoint) or a checkpoint folder for analysis. */
    void open(Path folder) {
        open(folder, null);
    }

    /** Opens the folder, then scans a slice with the current settings (the launch argument's way in). */
    void openAndScan(Path folder) {
        open(folder, () -> computeSlice(this::computeLine));
    }

    private void open(Path folder, Runnable then) {
        GeometryJobs old = jobs;
        tasks.run(m -> {
            m.progress(0, "opening " + folder.getFileName());
            if (old != null) {
                old.close();
            }
            GeometryJobs j = GeometryJobs.open(folder);
            return new Object[] {j, SavedModel.checkpoints(j.model().runDir())};
        }, r -> {
            jobs = (GeometryJobs) r[0];
            @SuppressWarnings("unchecked")
            List<Path> cps = (List<Path>) r[1];
            SavedModel model = jobs.model();
            source.show(model.name() + " (" + model.kind().name().toLowerCase(Locale.ROOT) + "), "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName() + "; " + cps.size()
                    + " checkpoint" + (cps.size() == 1 ? "" : "s"));
            checkpoint.getItems().setAll(cps);
            checkpoint.setValue(model.checkpoint());
            Object from = lineFrom.getValue();
            lineFrom.getItems().setAll(INITIAL);
            for (Path cp : cps) {
                if (!cp.equals(model.checkpoint())) {
                    lineFrom.getItems().add(cp);
                }
            }
            lineFrom.setValue(lineFrom.getItems().contains(from) ? from : INITIAL);
            boolean gan = model.kind() == Family.GAN;
            part.setDisable(!gan);
            StringBuilder b = new StringBuilder("Opened " + model + ".\n");
            if (gan) {
                b.append("A GAN run keeps only its two newest checkpoints: its trajectory is the initial weights and"
                        + " those. Choose D's or G's loss above.\n");
            }
            report.setText(b.toString());
            continueScan.setDisable(true);
            clearPlots();
            if (then != null) {
                then.run();
            }
        });
    }

    private void clearPlots() {
        slice = null;
        line = null;
        shownGrid = null;
        contour.setGrid(null);
        mesh.setGrid(null);
        contour.setTrack(null);
        mesh.setTrack(null);
        lineData.removeAllSeries();
        ((XYPlot) lineChart.getPlot()).clearDomainMarkers();
    }

    private LossSpec lossSpec() {
        int n;
        try {
            n = Integer.parseInt(examples.getText().trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 10_000) {
            throw new LabException("examples: a whole number from 1 to 10000");
        }
        return new LossSpec(n, part.getValue(), 1);
    }

    private boolean ready() {
        if (jobs == null) {
            tasks.say("first train a model here or open a run");
            return false;
        }
        return true;
    }

    void computeLine() {
        if (!ready()) {
            return;
        }
        LossSpec loss;
        LineOptions options;
        try {
            loss = lossSpec();
            options = new LineOptions(Integer.parseInt(linePoints.getText().trim()), -0.5, 1.5);
        } catch (RuntimeException e) {
            tasks.say(e instanceof NumberFormatException ? "points: a whole number, at least 2" : e.getMessage());
            return;
        }
        Path from = lineFrom.getValue() instanceof Path p ? p : null;
        GeometryJobs j = jobs;
        tasks.run(m -> j.line(loss, from, options, m), this::showLine);
    }

    private void showLine(LineResult r) {
        line = r;
        lineData.removeAllSeries();
        XYSeries s = new XYSeries("loss", false, true);
        for (int i = 0; i < r.alpha().length; i++) {
            if (Double.isFinite(r.loss()[i])) {
                s.add(r.alpha()[i], r.loss()[i]);
            }
        }
        lineData.addSeries(s);
        XYPlot plot = (XYPlot) lineChart.getPlot();
        plot.clearDomainMarkers();
        plot.addDomainMarker(marker(0, "θ₀"));
        plot.addDomainMarker(marker(1, "θ₁"));
        lineChart.setTitle("loss along θ(α) = (1 − α)·θ₀ + α·θ₁");
        double[] min = r.minimum();
        report.setText(String.format(Locale.ROOT, "1-D line (%d points)%n  θ₀: %s%n  θ₁: %s%n  ‖θ₁ − θ₀‖ = %.4g%n"
                        + "  L(θ₀) = %.5g, L(θ₁) = %.5g; lowest %.5g at α = %.2f%n  %s%n%s", r.alpha().length,
                r.start(), r.end(), r.distance(), r.startLoss(), r.endLoss(), min[1], min[0],
                r.info().objective(), sliceSummary()));
    }

    private static ValueMarker marker(double at, String label) {
        ValueMarker m = new ValueMarker(at);
        m.setPaint(java.awt.Color.GRAY);
        m.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 1f,
                new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 12));
        return m;
    }

    void computeSlice() {
        computeSlice(null);
    }

    private void computeSlice(Runnable after) {
        if (!ready()) {
            return;
        }
        LossSpec loss;
        SliceOptions options;
        try {
            loss = lossSpec();
            options = new SliceOptions(directions.getValue(), Integer.parseInt(grid.getText().trim()),
                    Double.parseDouble(range.getText().trim()));
        } catch (RuntimeException e) {
            tasks.say(e instanceof NumberFormatException ? "grid: a whole number from 2 to 1001; range: a positive"
                    + " number" : e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        long mine = ++scanGeneration;
        boolean fitRange = fit.isSelected();
        AtomicReference<SurfaceGrid> latest = new AtomicReference<>();
        continueScan.setDisable(true);
        tasks.run(m -> {
            // GeometryJobs writes the scan beside the checkpoint but does not make the folder for a first slice
            Files.createDirectories(j.cacheDir());
            SliceOptions o = options;
            if (fitRange) {
                m.progress(0, "projecting the trajectory to choose the range");
                SurfaceSlice probe = j.slice(loss, options.withGrid(2).withRange(1), null, m);
                double r = fittedRange(probe.trajectory());
                o = options.withRange(r);
                double shownRange = r;
                Platform.runLater(() -> range.setText(Double.toString(shownRange)));
            }
            ViewRange view = new ViewRange(-o.range(), o.range(), -o.range(), o.range());
            SurfaceSlice result = j.slice(loss, o, null, rows -> {
                // called on the worker after every row: sample for drawing here, draw the newest on the FX thread
                if (latest.getAndSet(SurfaceGrid.of(view, rows, CONTOUR_LEVELS)) == null) {
                    Platform.runLater(() -> {
                        SurfaceGrid g = latest.getAndSet(null);
                        if (g != null && mine == scanGeneration) {
                            showGrid(g);
                        }
                    });
                }
            }, m);
            return new Object[] {result, view};
        }, r -> {
            scanGeneration++;
            showSlice((SurfaceSlice) r[0], (ViewRange) r[1]);
            if (after != null) {
                after.run();
            }
        }, error -> continueScan.setDisable(false), () -> {
            continueScan.setDisable(false);
            report.setText("Scan stopped; the cells computed so far are kept beside the checkpoint. Continue scan"
                    + " (or Scan slice with the same directions, grid and range) computes the rest.\n"
                    + report.getText());
        });
    }

    /** A range holding every trajectory point with a margin, rounded up to two significant digits. */
    static double fittedRange(SurfaceSlice.Trajectory t) {
        double m = 0;
        for (int i = 0; i < t.a().length; i++) {
            m = Math.max(m, Math.max(Math.abs(t.a()[i]), Math.abs(t.b()[i])));
        }
        double r = Math.max(1e-3, 1.2 * m);
        double scale = Math.pow(10, Math.floor(Math.log10(r)) - 1);
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", Math.ceil(r / scale) * scale));
    }

    private void showGrid(SurfaceGrid g) {
        shownGrid = g;
        contour.setGrid(g);
        mesh.setGrid(g);
    }

    private void showSlice(SurfaceSlice s, ViewRange view) {
        slice = s;
        showGrid(SurfaceGrid.of(view, s.loss(), CONTOUR_LEVELS));
        SurfaceSlice.Trajectory t = s.trajectory();
        String[] labels = new String[t.iterations().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = t.iterations()[i] == 0 ? "init" : "it " + t.iterations()[i];
        }
        PlanePath path = new PlanePath(t.a(), t.b(), labels);
        contour.setTrack(path);
        mesh.setTrack(path);
        report.setText(sliceSummary() + (line == null ? "" : "\n(1-D line drawn below: " + line.start() + " → "
                + line.end() + ")"));
    }

    private String sliceSummary() {
        if (slice == null) {
            return "";
        }
        SurfaceSlice s = slice;
        double[] r = s.range();
        SurfaceSlice.Trajectory t = s.trajectory();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "2-D slice %d × %d on %s%n  loss at the centre %.5g, on the grid"
                        + " [%.5g, %.5g]%n  %s, %d parameters, %d examples%n", s.a().length, s.b().length, s.plane(),
                s.centreLoss(), r[0], r[1], s.info().objective(), s.info().parameters(), s.info().examples()));
        if (s.resumedCells() > 0) {
            b.append("  ").append(s.resumedCells()).append(" cells came from the earlier, stopped scan\n");
        }
        b.append(String.format(Locale.ROOT, "Trajectory: %d points; the plane keeps %.1f %% of their squared"
                + " distance from θ%s%n  %s%n", t.a().length, 100 * t.kept(), t.kept() < 0.2
                ? " (random directions are nearly orthogonal to the path: try the principal components)" : "",
                t.note()));
        b.append("  kept in ").append(s.scanFile()).append('\n');
        return b.toString();
    }

    private void exportPng() {
        if (shownGrid == null) {
            tasks.say("nothing to export yet: scan a slice first");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save the slice as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        fc.setInitialFileName("loss-surface.png");
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            writePng(f.toPath());
        }
    }

    /** Writes a snapshot of the heat map and the 3-D view (taken now, written off the FX thread). */
    CompletableFuture<Void> writePng(Path file) {
        java.awt.image.BufferedImage img = SwingFXUtils.fromFXImage(surfaces.snapshot(null, null), null);
        return CompletableFuture.runAsync(() -> {
            try {
                ImageIO.write(img, "png", file.toFile());
            } catch (IOException e) {
                throw new LabException("could not write " + file + ": " + e.getMessage(), e);
            }
        }).whenComplete((v, e) -> Platform.runLater(() -> tasks.say(e == null ? "saved " + file.getFileName()
                : e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
    }

    private void exportCsv() {
        if (slice == null && line == null) {
            tasks.say("nothing to export yet: scan a slice or draw the line first");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save as CSV (the slice, its trajectory and the line, as computed)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("loss-surface.csv");
        File f = fc.showSaveDialog(owner);
        if (f != null) {
            try {
                List<Path> written = writeCsv(f.toPath());
                tasks.say("saved " + written.size() + " file(s): " + written.get(0).getFileName() + "…");
            } catch (LabException e) {
                tasks.say(e.getMessage());
            }
        }
    }

    /**
     * Writes the slice ({@code name.csv}: the resumable scan format, one row per cell), its trajectory
     * ({@code name-trajectory.csv}) and the line ({@code name-line.csv}), whichever exist; returns the files.
     */
    List<Path> writeCsv(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        List<Path> out = new ArrayList<>();
        try {
            if (slice != null) {
                Path s = file.resolveSibling(base + ".csv");
                Files.copy(slice.scanFile(), s, StandardCopyOption.REPLACE_EXISTING);
                out.add(s);
                Path t = file.resolveSibling(base + "-trajectory.csv");
                Files.copy(slice.trajectoryFile(), t, StandardCopyOption.REPLACE_EXISTING);
                out.add(t);
            }
        } catch (IOException e) {
            throw new LabException("could not write " + file + ": " + e.getMessage(), e);
        }
        if (line != null) {
            Path l = file.resolveSibling(base + "-line.csv");
            line.writeCsv(l);
            out.add(l);
        }
        return out;
    }

    // ---- for tests and the launch arguments

    void selectDirections(SliceOptions.Directions d) {
        directions.setValue(d);
    }

    void setGrid(int n, double r) {
        grid.setText(Integer.toString(n));
        range.setText(Double.toString(r));
    }

    void setExamples(int n) {
        examples.setText(Integer.toString(n));
    }

    ContourCanvas contour() {
        return contour;
    }

    TaskBar tasks() {
        return tasks;
    }

    SurfaceSlice slice() {
        return slice;
    }

    LineResult line() {
        return line;
    }

    boolean hasModel() {
        return jobs != null;
    }
}
