package org.latentlab.ui.latent;

import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.Interpolation;
import org.latentlab.latent.Inversion;
import org.latentlab.latent.InversionSettings;
import org.latentlab.latent.ModelKind;
import org.latentlab.ui.latent.LatentStudioViewModel.Loaded;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The latent studio: open a run (or train a quick model) and explore its code space. Left: one slider per code
 * dimension (dragging one redraws the decoded image at once); centre: the decoded image, samples to start from,
 * and tabs for a 2-D latent map, interpolation (linear and spherical, scrub, animate, export), attribute vectors and
 * analogies, inversion of the decoder with the memorisation check, and the encoded held-out data coloured by label.
 * Everything slow runs on the view model's workers; this class only draws and dispatches.
 */
public final class LatentStudioView extends BorderPane {

    private static final double BIG = 280;

    private final LatentStudioViewModel vm;
    private final Window owner;

    // toolbar
    private final ComboBox<String> quickPreset = new ComboBox<>();
    private final TextField quickIterations = new TextField(Integer.toString(StudioModels.QUICK_ITERATIONS));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label modelLabel = new Label("no model open");
    private final Label status = new Label();

    // code
    private final VBox sliderBox = new VBox(2);
    private final List<Slider> sliders = new ArrayList<>();
    private final List<Label> sliderValues = new ArrayList<>();
    private boolean syncing;
    private final ImageView image = new ImageView();
    private WritableImage imagePixels;
    private final ImageGridCanvas samples = new ImageGridCanvas("latent-samples", 34);
    private final TextField exampleIndex = field("0", 60, "latent-example-index");

    // map
    private final ComboBox<String> mapPlane = new ComboBox<>();
    private final Spinner<Integer> mapDimX = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> mapDimY = new Spinner<>(0, 0, 0);
    private final Spinner<Integer> mapCells = new Spinner<>(2, 40, 20);
    private final ComboBox<String> mapRange = new ComboBox<>();
    private final TextField mapLow = field("-2", 50, "latent-map-low");
    private final TextField mapHigh = field("2", 50, "latent-map-high");
    private final ImageGridCanvas mapCanvas = new ImageGridCanvas("latent-map", 26);
    private final Label mapCaption = new Label();

    // interpolation
    private final TextField frames = field("10", 50, "latent-frames");
    private final TextField indexA = field("0", 56, "latent-index-a");
    private final TextField indexB = field("1", 56, "latent-index-b");
    private final ImageGridCanvas strip = new ImageGridCanvas("latent-strip", 48);
    private final Slider scrub = new Slider(0, 1, 0);
    private final ToggleButton animate = new ToggleButton("Animate");
    private final ImageView scrubLinear = bigView("latent-scrub-linear", 170);
    private final ImageView scrubSpherical = bigView("latent-scrub-spherical", 170);
    private final ComboBox<Interpolation.Method> exportMethod = new ComboBox<>();
    private final Timeline animation;

    // attributes
    private final ComboBox<Integer> classFrom = new ComboBox<>();
    private final ComboBox<Integer> classTo = new ComboBox<>();
    private final Slider strength = new Slider(-3, 3, 0);
    private final Label attributeLabel = new Label("");
    private final TextField analogyA = field("0", 56, "latent-analogy-a");
    private final TextField analogyB = field("1", 56, "latent-analogy-b");
    private final TextField analogyC = field("2", 56, "latent-analogy-c");
    private final ImageGridCanvas analogyRow = new ImageGridCanvas("latent-analogy", 90);

    // inversion
    private final TextField inversionIndex = field("0", 60, "latent-inversion-index");
    private final ComboBox<Inversion.Start> inversionStart = new ComboBox<>();
    private final TextField inversionSteps = field("500", 60, "latent-inversion-steps");
    private final TextField inversionRate = field("0.05", 60, "latent-inversion-lr");
    private final TextField inversionLambda = field("0.01", 60, "latent-inversion-lambda");
    private final ImageView inversionTarget = bigView("latent-inversion-target", 150);
    private final ImageView inversionCurrent = bigView("latent-inversion-current", 150);
    private final ImageView inversionNearest = bigView("latent-inversion-nearest", 150);

    // encoded data
    private final EncodedCanvas encoded = new EncodedCanvas();
    private final ImageView hoverImage = bigView("latent-encoded-image", 150);
    private final Label hoverLabel = new Label("hover over a point to see its example; click to load its code");
    private final FlowPane legend = new FlowPane(8, 4);

    private final TabPane tabs = new TabPane();

    /**
     * @param vm    the state and workers (close it when the window closes: {@link LatentStudioViewModel#close()})
     * @param owner the window for file choosers
     */
    public LatentStudioView(LatentStudioViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        getStyleClass().add("latent-studio");
        setTop(toolbar());
        setLeft(codePanel());
        setCenter(centre());
        animation = new Timeline(new KeyFrame(Duration.millis(90), e -> advanceAnimation()));
        animation.setCycleCount(Timeline.INDEFINITE);
        animate.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                animation.play();
            } else {
                animation.stop();
            }
        });
        vm.loadedProperty().addListener((o, a, l) -> onLoaded(l));
        vm.frameProperty().addListener((o, a, f) -> drawFrame(f));
        vm.codeVersionProperty().addListener((o, a, b) -> syncSliders());
        vm.samplesProperty().addListener((o, a, p) -> samples.setImages(p == null ? null : p.display(),
                p == null ? null : p.shape(), 1, p == null ? 0 : p.display().length));
        vm.mapProperty().addListener((o, a, r) -> {
            mapCanvas.setImages(r == null ? null : r.display(), r == null ? null : r.shape(),
                    r == null ? 0 : r.map().rows(), r == null ? 0 : r.map().columns());
            mapCaption.setText(r == null ? "" : r.map().toString());
        });
        vm.pathProperty().addListener((o, a, r) -> onPath(r));
        vm.scrubbedProperty().addListener((o, a, s) -> {
            Loaded l = vm.loadedProperty().get();
            if (s != null && l != null) {
                scrubLinear.setImage(ImageGridCanvas.picture(s[0], l.shape()));
                scrubSpherical.setImage(ImageGridCanvas.picture(s[1], l.shape()));
            }
        });
        vm.analogyProperty().addListener((o, a, p) -> analogyRow.setImages(p == null ? null : p.display(),
                p == null ? null : p.shape(), 1, 4));
        vm.encodedViewProperty().addListener((o, a, v) -> {
            encoded.setPoints(v == null ? null : v.points(), v == null ? null : v.set().labels(),
                    v == null ? "" : v.xAxis(), v == null ? "" : v.yAxis());
            encoded.setMarker(vm.encodedPosition());
        });
        vm.inversionTargetProperty().addListener((o, a, x) -> show(inversionTarget, x));
        vm.inversionCurrentProperty().addListener((o, a, x) -> show(inversionCurrent, x));
        vm.inversionNearestProperty().addListener((o, a, x) -> show(inversionNearest, x));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pump();
            }
        }.start();
    }

    // ---- toolbar

    private Node toolbar() {
        Button open = button("Open run…", "open a run folder (its latest checkpoint) or a checkpoint folder:"
                + " GAN, autoencoder or VAE", this::chooseRun);
        open.setId("latent-open");
        quickPreset.getItems().setAll(StudioModels.QUICK_PRESETS);
        quickPreset.setValue(StudioModels.QUICK_PRESETS.get(0));
        quickPreset.setId("latent-quick-preset");
        quickIterations.setId("latent-quick-iterations");
        quickIterations.setPrefColumnCount(5);
        quickIterations.setTooltip(new Tooltip("iterations to train (600 gives recognisable MNIST digits)"));
        Button train = button("Train quick model", "train the preset briefly here (nothing is saved) and open it",
                () -> intField(quickIterations, 1, 100_000).ifPresent(n -> vm.trainQuick(quickPreset.getValue(),
                        n)));
        train.setId("latent-train-quick");
        Button cancel = button("Cancel", "stop the quick training", vm::cancelTraining);
        cancel.setId("latent-cancel");
        progress.setId("latent-progress");
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(vm.busyProperty());
        cancel.visibleProperty().bind(vm.busyProperty());
        open.disableProperty().bind(vm.busyProperty());
        train.disableProperty().bind(vm.busyProperty());
        vm.progressProperty().addListener((o, a, p) -> progress.setProgress(p.doubleValue()));
        HBox row = new HBox(open, new Separator(javafx.geometry.Orientation.VERTICAL), new Label("or"), quickPreset,
                quickIterations, new Label("iterations"), train, progress, cancel);
        row.getStyleClass().add("toolbar-row");
        modelLabel.setId("latent-model");
        modelLabel.getStyleClass().add("section-title");
        status.setId("latent-status");
        status.textProperty().bind(vm.messageProperty());
        status.getStyleClass().add("description");
        vm.errorProperty().addListener((o, a, err) -> {
            status.getStyleClass().remove("message-error");
            if (err) {
                status.getStyleClass().add("message-error");
            }
        });
        VBox top = new VBox(2, row, modelLabel, status);
        VBox.setMargin(modelLabel, new Insets(2, 10, 0, 10));
        VBox.setMargin(status, new Insets(0, 10, 4, 10));
        return top;
    }

    private void chooseRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a run folder or a checkpoint folder");
        File runs = new File("runs");
        if (runs.isDirectory()) {
            dc.setInitialDirectory(runs.getAbsoluteFile());
        }
        File f = dc.showDialog(owner);
        if (f != null) {
            vm.openFolder(f.toPath());
        }
    }

    // ---- left: the code

    private Node codePanel() {
        Button random = button("Random", "a random code from the prior", vm::randomise);
        random.setId("latent-random");
        Button reset = button("Reset", "back to the code you started from", vm::reset);
        reset.setId("latent-reset");
        Button copy = button("Copy code", "copy the code to the clipboard as comma-separated numbers", () -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.codeText());
            Clipboard.getSystemClipboard().setContent(c);
            vm.report("copied the code (" + vm.code().length + " values) to the clipboard");
        });
        copy.setId("latent-copy");
        Button paste = button("Paste", "load a code from the clipboard (comma-separated numbers)",
                () -> vm.paste(Clipboard.getSystemClipboard().getString()));
        paste.setId("latent-paste");
        Button encode = button("Encode", "start from the code of this example (its encoder's code)",
                () -> intField(exampleIndex, 0, Integer.MAX_VALUE).ifPresent(vm::startFromExample));
        encode.setId("latent-encode");
        HBox buttons = new HBox(4, random, reset, copy, paste);
        HBox fromExample = new HBox(4, new Label("example #"), exampleIndex, encode);
        fromExample.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(sliderBox);
        scroll.setFitToWidth(true);
        scroll.setId("latent-sliders");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sliderBox.setPadding(new Insets(4));
        VBox box = new VBox(6, title("Code"), buttons, fromExample, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        box.setPrefWidth(330);
        box.setMinWidth(280);
        return box;
    }

    private void buildSliders(Loaded l) {
        sliderBox.getChildren().clear();
        sliders.clear();
        sliderValues.clear();
        for (int j = 0; j < l.codeSize(); j++) {
            int dim = j;
            Label name = new Label("z" + j);
            name.setMinWidth(34);
            Slider s = new Slider(l.sliderMin()[j], l.sliderMax()[j], 0);
            s.setId("latent-slider-" + j);
            HBox.setHgrow(s, Priority.ALWAYS);
            Label value = new Label("0");
            value.setMinWidth(52);
            value.getStyleClass().add("legend");
            s.valueProperty().addListener((o, a, v) -> {
                value.setText(String.format(Locale.ROOT, "%.3f", v.doubleValue()));
                if (!syncing) {
                    vm.setDimension(dim, v.doubleValue());
                }
            });
            HBox row = new HBox(4, name, s, value);
            row.setAlignment(Pos.CENTER_LEFT);
            sliders.add(s);
            sliderValues.add(value);
            sliderBox.getChildren().add(row);
        }
    }

    private void syncSliders() {
        double[] z = vm.code();
        if (z == null || z.length != sliders.size()) {
            return;
        }
        syncing = true;
        try {
            for (int j = 0; j < z.length; j++) {
                Slider s = sliders.get(j);
                if (z[j] < s.getMin()) {
                    s.setMin(z[j]);
                }
                if (z[j] > s.getMax()) {
                    s.setMax(z[j]);
                }
                s.setValue(z[j]);
                sliderValues.get(j).setText(String.format(Locale.ROOT, "%.3f", z[j]));
            }
        } finally {
            syncing = false;
        }
        encoded.setMarker(vm.encodedPosition());
    }

    // ---- centre

    private Node centre() {
        image.setId("latent-image");
        image.setFitWidth(BIG);
        image.setFitHeight(BIG);
        image.setPreserveRatio(true);
        image.setSmooth(false);
        StackPane frame = new StackPane(image);
        frame.getStyleClass().add("view-pane");
        frame.setMinSize(BIG + 4, BIG + 4);
        frame.setMaxSize(BIG + 4, BIG + 4);
        samples.setOnCell((r, c) -> vm.startFromSample(c));
        samples.setPrefHeight(40);
        samples.setMaxWidth(BIG + 4);
        Button more = button("New samples", "eight new random codes to start from", vm::newSamples);
        more.setId("latent-new-samples");
        Label hint = new Label("Click a sample to start from it.");
        hint.getStyleClass().add("legend");
        VBox left = new VBox(6, title("Decoded"), frame, title("Samples"), samples, hint, more);
        left.setPadding(new Insets(8));
        left.setMinWidth(BIG + 20);
        tabs.getTabs().addAll(tab("Latent map", mapTab()), tab("Interpolation", interpolationTab()),
                tab("Attributes", attributesTab()), tab("Inversion", inversionTab()),
                tab("Encoded data", encodedTab()));
        tabs.setId("latent-tabs");
        HBox.setHgrow(tabs, Priority.ALWAYS);
        return new HBox(left, tabs);
    }

    private static Tab tab(String name, Node content) {
        Tab t = new Tab(name, content);
        t.setClosable(false);
        t.setId("latent-tab-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return t;
    }

    private Node mapTab() {
        mapPlane.getItems().setAll("two code dimensions", "principal plane (PC1 × PC2)");
        mapPlane.setValue(mapPlane.getItems().get(0));
        mapPlane.setId("latent-map-plane");
        mapDimX.setId("latent-map-x");
        mapDimY.setId("latent-map-y");
        mapCells.setId("latent-map-cells");
        for (Spinner<Integer> s : List.of(mapDimX, mapDimY, mapCells)) {
            s.setEditable(true);
            s.setPrefWidth(72);
        }
        mapRange.getItems().setAll("linear (prior sd)", "Gaussian quantiles 0.05–0.95");
        mapRange.setValue(mapRange.getItems().get(0));
        mapRange.setId("latent-map-range");
        mapDimX.disableProperty().bind(mapPlane.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        mapDimY.disableProperty().bind(mapPlane.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        mapLow.disableProperty().bind(mapRange.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        mapHigh.disableProperty().bind(mapRange.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        Button draw = button("Draw map", "decode the grid (dimensions: the other code values are held at the"
                + " current code)", this::drawMap);
        draw.setId("latent-map-draw");
        FlowPane controls = new FlowPane(6, 6, mapPlane, new Label("x"), mapDimX, new Label("y"), mapDimY,
                new Label("cells"), mapCells, mapRange, new Label("from"), mapLow, new Label("to"), mapHigh, draw);
        controls.setAlignment(Pos.CENTER_LEFT);
        mapCanvas.setOnCell(vm::pickMapCell);
        mapCaption.getStyleClass().add("legend");
        Label hint = new Label("Click a cell to load its code into the sliders. Ranges are in standard deviations of"
                + " the prior (or of the data along each principal direction).");
        hint.getStyleClass().add("description");
        VBox box = new VBox(6, controls, hint, mapCanvas, mapCaption);
        VBox.setVgrow(mapCanvas, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void drawMap() {
        Loaded l = vm.loadedProperty().get();
        if (l == null) {
            return;
        }
        var cells = intField(mapCells.getEditor(), 2, 40);
        var x = intField(mapDimX.getEditor(), 0, l.codeSize() - 1);
        var y = intField(mapDimY.getEditor(), 0, l.codeSize() - 1);
        boolean quantiles = mapRange.getSelectionModel().getSelectedIndex() == 1;
        var lo = quantiles ? java.util.Optional.of(-2.0) : doubleField(mapLow);
        var hi = quantiles ? java.util.Optional.of(2.0) : doubleField(mapHigh);
        if (cells.isEmpty() || x.isEmpty() || y.isEmpty() || lo.isEmpty() || hi.isEmpty()) {
            return;
        }
        vm.computeMap(new LatentStudioViewModel.MapSpec(mapPlane.getSelectionModel().getSelectedIndex() == 1,
                x.get(), y.get(), cells.get(), quantiles, lo.get(), hi.get()));
    }

    private Node interpolationTab() {
        Button setA = button("A ← current code", "the current code becomes endpoint A",
                () -> vm.setEndpointFromCode(true));
        setA.setId("latent-set-a");
        Button setB = button("B ← current code", "the current code becomes endpoint B",
                () -> vm.setEndpointFromCode(false));
        setB.setId("latent-set-b");
        Button exA = button("A ← example", "encode this example as endpoint A",
                () -> intField(indexA, 0, Integer.MAX_VALUE).ifPresent(i -> vm.setEndpointFromExample(true, i)));
        exA.setId("latent-example-a");
        Button exB = button("B ← example", "encode this example as endpoint B",
                () -> intField(indexB, 0, Integer.MAX_VALUE).ifPresent(i -> vm.setEndpointFromExample(false, i)));
        exB.setId("latent-example-b");
        Button compute = button("Interpolate", "decode the frames of both paths from A to B",
                () -> intField(frames, 2, 64).ifPresent(vm::interpolate));
        compute.setId("latent-interpolate");
        FlowPane endpoints = new FlowPane(6, 6, setA, setB, new Separator(javafx.geometry.Orientation.VERTICAL),
                new Label("#"), indexA, exA, new Label("#"), indexB, exB,
                new Separator(javafx.geometry.Orientation.VERTICAL), new Label("frames"), frames, compute);
        endpoints.setAlignment(Pos.CENTER_LEFT);
        Label which = new Label();
        which.textProperty().bind(vm.endpointsProperty());
        which.getStyleClass().add("legend");
        VBox rowNames = new VBox(new Label("linear"), new Label("spherical"));
        rowNames.getChildren().forEach(n -> {
            ((Label) n).setMinWidth(64);
            VBox.setVgrow(n, Priority.ALWAYS);
            ((Label) n).setMaxHeight(Double.MAX_VALUE);
        });
        strip.setOnCell((r, c) -> scrub.setValue(strip.columns() <= 1 ? 0 : (double) c / (strip.columns() - 1)));
        strip.setMinHeight(80);
        HBox stripRow = new HBox(4, rowNames, strip);
        HBox.setHgrow(strip, Priority.ALWAYS);
        scrub.setId("latent-scrub");
        scrub.valueProperty().addListener((o, a, t) -> {
            vm.scrub(t.doubleValue());
            markStrip(t.doubleValue());
        });
        HBox.setHgrow(scrub, Priority.ALWAYS);
        animate.setId("latent-animate");
        animate.setTooltip(new Tooltip("play the frames over and over"));
        HBox scrubRow = new HBox(8, new Label("t"), scrub, animate);
        scrubRow.setAlignment(Pos.CENTER_LEFT);
        HBox big = new HBox(12, captioned("linear at t", scrubLinear), captioned("spherical at t", scrubSpherical));
        exportMethod.getItems().setAll(Interpolation.Method.values());
        exportMethod.setValue(Interpolation.Method.SPHERICAL);
        exportMethod.setId("latent-export-method");
        exportMethod.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Interpolation.Method m) {
                return m == null ? "" : m == Interpolation.Method.LINEAR ? "linear" : "spherical";
            }

            @Override
            public Interpolation.Method fromString(String s) {
                return null;
            }
        });
        Button png = button("Strip PNG…", "both rows as one PNG", () -> save("interpolation.png", "PNG image",
                "*.png").ifPresent(vm::exportStrip));
        png.setId("latent-export-strip");
        Button gif = button("Animated GIF…", "the chosen path's frames as a looping GIF", () -> save(
                "interpolation.gif", "GIF animation", "*.gif").ifPresent(f -> vm.exportGif(f, exportMethod.getValue(),
                90)));
        gif.setId("latent-export-gif");
        Button seq = button("PNG sequence…", "the chosen path's frames as numbered PNG files in a folder", () -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder for the frames");
            File dir = dc.showDialog(owner);
            if (dir != null) {
                vm.exportSequence(dir.toPath(), exportMethod.getValue());
            }
        });
        seq.setId("latent-export-sequence");
        HBox export = new HBox(6, new Label("Export"), png, new Label("path"), exportMethod, gif, seq);
        export.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, endpoints, which, stripRow, scrubRow, big, export);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** Outlines the linear frame nearest to t. */
    private void markStrip(double t) {
        if (strip.columns() > 0) {
            strip.mark(0, (int) Math.round(t * (strip.columns() - 1)));
        }
    }

    private void onPath(LatentStudioViewModel.PathResult r) {
        if (r == null) {
            strip.setImages(null, null, 0, 0);
            return;
        }
        float[][] both = new float[2 * r.frames()][];
        System.arraycopy(r.linearFrames(), 0, both, 0, r.frames());
        System.arraycopy(r.sphericalFrames(), 0, both, r.frames(), r.frames());
        strip.setImages(both, r.shape(), 2, r.frames());
        strip.setPrefHeight(2 * 56);
        scrubLinear.setImage(ImageGridCanvas.picture(r.linearFrames()[0], r.shape()));
        scrubSpherical.setImage(ImageGridCanvas.picture(r.sphericalFrames()[0], r.shape()));
        if (scrub.getValue() != 0) {
            scrub.setValue(0);
        } else {
            markStrip(0);
        }
    }

    private void advanceAnimation() {
        LatentStudioViewModel.PathResult r = vm.pathProperty().get();
        if (r == null || r.frames() < 2) {
            return;
        }
        int n = r.frames();
        int i = (int) Math.round(scrub.getValue() * (n - 1));
        scrub.setValue((double) ((i + 1) % n) / (n - 1));
    }

    private Node attributesTab() {
        classFrom.setId("latent-class-from");
        classTo.setId("latent-class-to");
        javafx.util.StringConverter<Integer> names = new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer label) {
                Loaded l = vm.loadedProperty().get();
                return label == null ? "" : l == null ? label.toString() : l.className(label);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        };
        classFrom.setConverter(names);
        classTo.setConverter(names);
        Button compute = button("Compute vector", "mean code of class B minus mean code of class A (encoded"
                + " examples)", () -> {
                    if (classFrom.getValue() == null || classTo.getValue() == null) {
                        return;
                    }
                    vm.computeAttribute(classFrom.getValue(), classTo.getValue());
                });
        compute.setId("latent-attribute-compute");
        strength.setId("latent-strength");
        strength.setShowTickMarks(true);
        strength.setShowTickLabels(true);
        strength.setMajorTickUnit(1);
        strength.setPrefWidth(360);
        strength.valueProperty().bindBidirectional(vm.strengthProperty());
        strength.disableProperty().bind(vm.attributeProperty().isNull());
        Label strengthValue = new Label();
        strengthValue.textProperty().bind(vm.strengthProperty().asString("s = %.2f"));
        vm.attributeProperty().addListener((o, a, v) -> attributeLabel.setText(v == null ? "" : describe(v)));
        attributeLabel.setId("latent-attribute");
        attributeLabel.getStyleClass().add("legend");
        HBox classes = new HBox(6, new Label("from class A"), classFrom, new Label("to class B"), classTo, compute);
        classes.setAlignment(Pos.CENTER_LEFT);
        HBox strengthRow = new HBox(8, new Label("strength"), strength, strengthValue);
        strengthRow.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Moving the strength slider adds Δs·v to the current code: s = 1 takes a typical A to a"
                + " typical B; negative s removes the attribute.");
        hint.getStyleClass().add("description");
        Button analogy = button("a − b + c", "load the code a − b + c of three examples' codes into the sliders",
                () -> {
                    var a = intField(analogyA, 0, Integer.MAX_VALUE);
                    var b = intField(analogyB, 0, Integer.MAX_VALUE);
                    var c = intField(analogyC, 0, Integer.MAX_VALUE);
                    if (a.isPresent() && b.isPresent() && c.isPresent()) {
                        vm.analogy(a.get(), b.get(), c.get());
                    }
                });
        analogy.setId("latent-analogy-run");
        HBox analogyRowControls = new HBox(6, new Label("a #"), analogyA, new Label("b #"), analogyB,
                new Label("c #"), analogyC, analogy);
        analogyRowControls.setAlignment(Pos.CENTER_LEFT);
        Label analogyHint = new Label("Shown: a, b, c (the examples) and what a − b + c decodes to.");
        analogyHint.getStyleClass().add("legend");
        analogyRow.setPrefHeight(96);
        analogyRow.setMaxWidth(4 * 96);
        VBox box = new VBox(8, title("Attribute vector"), classes, attributeLabel, strengthRow, hint,
                new Separator(), title("Analogy"), analogyRowControls, analogyRow, analogyHint);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String describe(AttributeVector v) {
        return String.format(Locale.ROOT, "v = mean(%s) − mean(%s): |v| = %.3g, from %d and %d encoded examples",
                v.name().substring(v.name().indexOf('→') + 1).trim(), v.name().substring(0, v.name().indexOf('→'))
                        .trim(), v.norm(), v.fromCount(), v.toCount());
    }

    private Node inversionTab() {
        inversionStart.getItems().setAll(Inversion.Start.values());
        inversionStart.setValue(Inversion.Start.PRIOR);
        inversionStart.setId("latent-inversion-start");
        inversionStart.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Inversion.Start s) {
                return s == null ? "" : s == Inversion.Start.PRIOR ? "random code (prior)" : "En(x) (encoder)";
            }

            @Override
            public Inversion.Start fromString(String s) {
                return null;
            }
        });
        Button run = button("Invert", "search for the code whose image is closest to the example (Adam on z)",
                this::runInversion);
        run.setId("latent-invert");
        Button cancel = button("Cancel", "stop the search; the best code so far is kept", vm::cancelInversion);
        cancel.setId("latent-inversion-cancel");
        run.disableProperty().bind(vm.invertingProperty());
        cancel.disableProperty().bind(vm.invertingProperty().not());
        Button load = button("Load code", "put the code found into the sliders", vm::loadInverted);
        load.setId("latent-inversion-load");
        FlowPane controls = new FlowPane(6, 6, new Label("example #"), inversionIndex, new Label("start"),
                inversionStart, new Label("steps"), inversionSteps, new Label("lr"), inversionRate, new Label("λ"),
                inversionLambda, run, cancel, load);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox pictures = new HBox(12, captioned("target x", inversionTarget), captioned("decoded z, as it runs",
                inversionCurrent), captioned("nearest training image to it", inversionNearest));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(vm.inversionLoss());
        data.addSeries(vm.inversionError());
        JFreeChart chart = ChartFactory.createXYLineChart("inversion objective", "step", "value", data,
                PlotOrientation.VERTICAL, true, false, false);
        LogAxis log = new LogAxis("value (log scale)");
        log.setSmallestValue(1e-6);
        ((XYPlot) chart.getPlot()).setRangeAxis(log);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("latent-inversion-chart");
        viewer.setMinHeight(200);
        Label result = new Label();
        result.setId("latent-inversion-result");
        result.setWrapText(true);
        result.textProperty().bind(vm.inversionTextProperty());
        VBox box = new VBox(8, controls, pictures, result, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private void runInversion() {
        var index = intField(inversionIndex, 0, Integer.MAX_VALUE);
        var steps = intField(inversionSteps, 1, 100_000);
        var lr = doubleField(inversionRate);
        var lambda = doubleField(inversionLambda);
        if (index.isEmpty() || steps.isEmpty() || lr.isEmpty() || lambda.isEmpty()) {
            return;
        }
        InversionSettings settings;
        try {
            settings = new InversionSettings(steps.get(), lr.get(), lambda.get(), 0);
        } catch (IllegalArgumentException e) {
            vm.reportError(e.getMessage());
            return;
        }
        vm.invert(index.get(), inversionStart.getValue(), settings);
    }

    private Node encodedTab() {
        encoded.setOnHover(i -> {
            LatentStudioViewModel.EncodedView v = vm.encodedViewProperty().get();
            Loaded l = vm.loadedProperty().get();
            if (i < 0 || v == null || l == null) {
                return;
            }
            int index = v.set().indices()[i];
            float[] x = l.examples().example(index);
            hoverImage.setImage(ImageGridCanvas.picture(toDisplay(l, x), l.shape()));
            int label = v.set().labels()[i];
            hoverLabel.setText(l.exampleNoun() + " #" + index + (label >= 0 ? ", label " + l.className(label) : "")
                    + String.format(Locale.ROOT, "%nat (%.3g, %.3g)", v.points()[i][0], v.points()[i][1]));
        });
        encoded.setOnPick(vm::pickEncoded);
        hoverLabel.setWrapText(true);
        hoverLabel.setId("latent-encoded-label");
        legend.setPrefWrapLength(150);
        Label hint = new Label("The cross marks the current code. Click a point to load its code.");
        hint.setWrapText(true);
        hint.getStyleClass().add("legend");
        Button invertMany = button("Find codes by inversion", "a GAN has no encoder: find codes for 500 of its"
                + " examples by inverting G on them at once (200 Adam steps)", () -> vm.invertExamples(500, 200));
        invertMany.setId("latent-invert-examples");
        invertMany.setWrapText(true);
        Button cancel = button("Cancel", "stop finding codes", vm::cancelInversion);
        cancel.visibleProperty().bind(vm.invertingProperty().and(invertMany.visibleProperty()));
        invertMany.disableProperty().bind(vm.invertingProperty());
        invertMany.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Loaded l = vm.loadedProperty().get();
            return l != null && !l.hasEncoder();
        }, vm.loadedProperty()));
        invertMany.managedProperty().bind(invertMany.visibleProperty());
        cancel.managedProperty().bind(invertMany.visibleProperty());
        VBox side = new VBox(8, title("Example"), hoverImage, hoverLabel, invertMany, cancel, title("Labels"), legend,
                hint);
        side.setPrefWidth(190);
        side.setMinWidth(170);
        HBox box = new HBox(8, encoded, side);
        HBox.setHgrow(encoded, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private static float[] toDisplay(Loaded l, float[] x) {
        // examples are data values in the model's range: a GAN's in [-1, 1], an autoencoder's in [0, 1]
        float[] out = x.clone();
        if (l.kind() == ModelKind.GAN_GENERATOR) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (out[i] + 1) / 2;
            }
        }
        return out;
    }

    // ---- model changes

    private void onLoaded(Loaded l) {
        animate.setSelected(false);
        if (l == null) {
            modelLabel.setText("no model open");
            return;
        }
        modelLabel.setText(l.name() + " — " + l.kind() + ", code of " + l.codeSize() + ", " + l.shape());
        modelLabel.setTooltip(new Tooltip(l.description()));
        buildSliders(l);
        syncSliders();
        imagePixels = null;
        mapDimX.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                l.codeSize() - 1, 0));
        mapDimY.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0,
                l.codeSize() - 1, Math.min(1, l.codeSize() - 1)));
        LatentStudioViewModel.MapSpec spec = vm.defaultMap(l);
        mapPlane.getSelectionModel().select(spec.principalPlane() ? 1 : 0);
        mapRange.getSelectionModel().select(spec.quantiles() ? 1 : 0);
        int last = l.examples().size() - 1;
        for (TextField f : List.of(exampleIndex, indexA, indexB, analogyA, analogyB, analogyC, inversionIndex)) {
            f.setTooltip(new Tooltip(l.exampleNoun() + " index, 0 to " + last));
        }
        inversionStart.setValue(l.hasEncoder() ? Inversion.Start.ENCODER : Inversion.Start.PRIOR);
        classFrom.getItems().setAll(l.classes());
        classTo.getItems().setAll(l.classes());
        if (l.classes().size() >= 2) {
            classFrom.setValue(l.classes().get(0));
            classTo.setValue(l.classes().get(1));
        }
        legend.getChildren().clear();
        for (int c : l.classes()) {
            Region swatch = new Region();
            swatch.setMinSize(10, 10);
            swatch.setStyle("-fx-background-color: " + web(EncodedCanvas.PALETTE[c % EncodedCanvas.PALETTE.length])
                    + ";");
            HBox item = new HBox(4, swatch, new Label(l.className(c)));
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        if (l.encoded() == null) {
            hoverLabel.setText("A GAN has no encoder: find codes for its examples by inversion to see them here.");
            encoded.setEmptyText("No codes of examples yet: press \"Find codes by inversion\".");
        } else {
            hoverLabel.setText("hover over a point to see its example; click to load its code");
        }
        hoverImage.setImage(null);
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private void drawFrame(LatentStudioViewModel.Frame f) {
        if (f == null) {
            image.setImage(null);
            return;
        }
        if (imagePixels == null || imagePixels.getWidth() != f.width() || imagePixels.getHeight() != f.height()) {
            imagePixels = new WritableImage(f.width(), f.height());
            image.setImage(imagePixels);
        }
        imagePixels.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getIntArgbInstance(),
                f.argb(), 0, f.width());
    }

    private void show(ImageView view, float[] display) {
        Loaded l = vm.loadedProperty().get();
        view.setImage(display == null || l == null ? null : ImageGridCanvas.picture(display, l.shape()));
    }

    // ---- small helpers

    private java.util.Optional<Path> save(String name, String what, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File f = fc.showSaveDialog(owner);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }

    private java.util.Optional<Integer> intField(TextField f, int min, int max) {
        f.getStyleClass().remove("field-error");
        try {
            int v = Integer.parseInt(f.getText().trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return java.util.Optional.of(v);
        } catch (NumberFormatException e) {
            f.getStyleClass().add("field-error");
            f.setTooltip(new Tooltip("a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Double> doubleField(TextField f) {
        f.getStyleClass().remove("field-error");
        try {
            double v = Double.parseDouble(f.getText().trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return java.util.Optional.of(v);
        } catch (NumberFormatException e) {
            f.getStyleClass().add("field-error");
            return java.util.Optional.empty();
        }
    }

    private static TextField field(String text, double width, String id) {
        TextField f = new TextField(text);
        f.setPrefWidth(width);
        f.setId(id);
        return f;
    }

    private static ImageView bigView(String id, double size) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setFitWidth(size);
        v.setFitHeight(size);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }

    private static Node captioned(String caption, ImageView view) {
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("view-pane");
        frame.setMinSize(view.getFitWidth() + 4, view.getFitHeight() + 4);
        frame.setMaxSize(view.getFitWidth() + 4, view.getFitHeight() + 4);
        Label l = new Label(caption);
        l.getStyleClass().add("legend");
        return new VBox(2, l, frame);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Trains a quick model as the toolbar would, showing the preset and iterations in its fields. */
    public void trainQuick(String preset, int iterations) {
        if (!quickPreset.getItems().contains(preset)) {
            quickPreset.getItems().add(preset);
        }
        quickPreset.setValue(preset);
        quickIterations.setText(Integer.toString(iterations));
        vm.trainQuick(preset, iterations);
    }

    /** The tab pane (for tests and the window: select a tab). */
    public TabPane tabs() {
        return tabs;
    }
}
