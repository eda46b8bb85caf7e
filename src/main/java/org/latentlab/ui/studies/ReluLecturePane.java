package org.latentlab.ui.studies;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.latentlab.experiment.relu.DeepVsShallow;
import org.latentlab.experiment.relu.PieceSweep;
import org.latentlab.experiment.relu.ReluCharts;
import org.latentlab.experiment.relu.ReluPresets;
import org.latentlab.ui.common.ChartStyle;

import java.util.Locale;

/**
 * The lecture "What depth buys": a fit trained live on the left (the curve with its exact kinks, or the plane cut
 * into its exact linear regions), and on the right the two counts of the lecture, pieces against depth at equal
 * parameter count and deep against shallow for x², each a chart over a table.
 */
public final class ReluLecturePane extends BorderPane {

    private final ReluLectureViewModel model;
    private final ReluFitCanvas canvas = new ReluFitCanvas();
    private final BorderPane chart = new BorderPane();
    private final GridPane table = new GridPane();
    private final AnimationTimer frames;

    public ReluLecturePane(StudyContext context) {
        this(new ReluLectureViewModel(context.runner()));
    }

    ReluLecturePane(ReluLectureViewModel model) {
        this.model = model;
        setId("relu-lecture-pane");
        ChoiceBox<String> preset = new ChoiceBox<>();
        preset.getItems().addAll(ReluPresets.NAMES);
        preset.valueProperty().bindBidirectional(model.preset());
        preset.setId("relu-preset");
        TextField function = new TextField();
        function.setId("relu-function");
        function.textProperty().bindBidirectional(model.function());
        function.setPrefColumnCount(12);
        function.setTooltip(new Tooltip("a formula in x (x and y for the 2-D presets), e.g. x^2, abs(x), sin(5x),"
                + " or 'sawtooth K'"));
        Spinner<Integer> depth = spinner("relu-depth", 1, 12, model.depth().get());
        depth.getValueFactory().valueProperty().addListener((o, a, b) -> model.depth().set(b));
        model.depth().addListener((o, a, b) -> depth.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> width = spinner("relu-width", 1, 64, model.width().get());
        width.getValueFactory().valueProperty().addListener((o, a, b) -> model.width().set(b));
        model.width().addListener((o, a, b) -> width.getValueFactory().setValue(b.intValue()));
        Spinner<Integer> steps = spinner("relu-steps", 100, 100_000, model.iterations().get());
        steps.getValueFactory().valueProperty().addListener((o, a, b) -> model.iterations().set(b));
        model.iterations().addListener((o, a, b) -> steps.getValueFactory().setValue(b.intValue()));
        steps.setPrefWidth(95);
        Button start = button("relu-start", "Start", model::start);
        Button stop = button("relu-stop", "Stop", model::stop);
        start.disableProperty().bind(model.running());
        stop.disableProperty().bind(model.running().not());
        HBox form = new HBox(6, preset, new Label("f ="), function, new Label("depth"), depth, new Label("width"),
                width, new Label("steps"), steps, start, stop);
        form.setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(160);
        Label status = new Label();
        status.setId("relu-status");
        status.textProperty().bind(model.status());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox line = new HBox(8, bar, status);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, form, line);
        top.setPadding(new Insets(6));
        setTop(top);

        canvas.setEmptyText("Start trains the chosen ReLU net on its target");
        Button pieces = button("relu-sweep", "Pieces vs depth", model::runSweep);
        Button dvs = button("relu-deep-vs-shallow", "Deep vs shallow for x²", model::runDeepVsShallow);
        pieces.disableProperty().bind(model.running());
        dvs.disableProperty().bind(model.running());
        Label intro = new Label("A ReLU net is piecewise linear: each unit switches along a line (a point, in 1-D),"
                + " and the pieces multiply through the layers. Telgarsky (2016) composes a two-unit tent map L"
                + " times to get 2^L pieces from 6L − 1 parameters; Montúfar et al. (2014) count regions growing"
                + " exponentially with depth at a fixed number of units; Yarotsky (2017) builds x² to error"
                + " 2^(−2m−2) with m layers. 'Pieces vs depth' counts what random and trained nets of equal"
                + " parameter count actually have (Hanin and Rolnick 2019: far fewer); 'Deep vs shallow' sets"
                + " the constructions beside trained nets.");
        intro.setWrapText(true);
        intro.setId("relu-intro");
        BorderPane.setAlignment(intro, Pos.TOP_LEFT);
        chart.setCenter(intro);
        chart.setMinHeight(260);
        VBox.setVgrow(chart, Priority.ALWAYS);
        table.setId("relu-table");
        table.setHgap(10);
        table.setVgap(2);
        HBox buttons = new HBox(8, pieces, dvs);
        VBox right = new VBox(6, buttons, chart, table);
        right.setPadding(new Insets(6));
        right.setPrefWidth(560);
        right.setMinWidth(380);
        HBox.setHgrow(canvas, Priority.ALWAYS);
        HBox centre = new HBox(6, canvas, right);
        centre.setPadding(new Insets(0, 6, 6, 6));
        setCenter(centre);

        model.fit().addListener((o, a, s) -> canvas.show(s));
        model.sweep().addListener((o, a, s) -> showSweep(s));
        model.deepVsShallow().addListener((o, a, d) -> showDeepVsShallow(d));
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.drain();
            }
        };
        frames.start();
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
    }

    private void showSweep(PieceSweep s) {
        if (s == null) {
            return;
        }
        setChart(ReluCharts.piecesVersusDepth(s), "relu-sweep-chart");
        table.getChildren().clear();
        head("depth", "width", "params", "pieces at init", "after training", "2-D regions", "2^L");
        int row = 1;
        for (PieceSweep.Row r : s.rows()) {
            cells(row++, Integer.toString(r.depth()), Integer.toString(r.width()), Integer.toString(r.parameters()),
                    String.format(Locale.ROOT, "%.1f ± %.1f", r.initPieces(), r.initSd()),
                    String.format(Locale.ROOT, "%.1f ± %.1f", r.trainedPieces(), r.trainedSd()),
                    String.format(Locale.ROOT, "%.0f", r.initRegions2d()), Long.toString(r.sawtoothPieces()));
        }
        note(row, String.format(Locale.ROOT, "mean ± sd over %d initialisations; trained %,d Adam steps on %s;"
                + " 2-D: regions of [−1, 1]² at init, same depth", s.seeds(), s.iterations(), s.target()));
    }

    private void showDeepVsShallow(DeepVsShallow d) {
        if (d == null) {
            return;
        }
        setChart(ReluCharts.deepVersusShallow(d), "relu-dvs-chart");
        table.getChildren().clear();
        head("net", "L × W", "params", "pieces", "sup error", "closed form");
        int row = 1;
        for (DeepVsShallow.Row r : d.rows()) {
            if (r.width() > 64 || r.depth() > 6) {
                continue;
            }
            cells(row++, shortLabel(r.kind()), r.depth() + " × " + r.width(), Integer.toString(r.parameters()),
                    Integer.toString(r.pieces()), String.format(Locale.ROOT, "%.2e", r.supError()),
                    Double.isNaN(r.bound()) ? "" : String.format(Locale.ROOT, "%.2e", r.bound()));
        }
        note(row, "sup over [0, 1], exact from the linear pieces; built: Yarotsky's deep square and the one-layer"
                + " interpolant (up to 6 layers or 64 units here, the chart has all); trained: best of 2"
                + " initialisations, 3,000 Adam steps");
    }

    private static String shortLabel(DeepVsShallow.Kind k) {
        return switch (k) {
            case DEEP_CONSTRUCTED -> "deep, built";
            case SHALLOW_CONSTRUCTED -> "one layer, built";
            case DEEP_TRAINED -> "deep, trained";
            case SHALLOW_TRAINED -> "one layer, trained";
        };
    }

    private void setChart(JFreeChart c, String id) {
        c.getLegend().setItemFont(ChartStyle.LEGEND_FONT);
        chart.setCenter(ChartStyle.viewer(c, id));
    }

    private void head(String... names) {
        for (int i = 0; i < names.length; i++) {
            Label h = new Label(names[i]);
            h.setMinWidth(Region.USE_PREF_SIZE);
            h.setStyle("-fx-font-weight: bold");
            table.add(h, i, 0);
        }
    }

    private void cells(int row, String... values) {
        for (int i = 0; i < values.length; i++) {
            Label cell = new Label(values[i]);
            cell.setMinWidth(Region.USE_PREF_SIZE);
            table.add(cell, i, row);
        }
    }

    private void note(int row, String text) {
        Label n = new Label(text);
        n.setWrapText(true);
        n.setMaxWidth(540);
        n.setStyle("-fx-text-fill: #555");
        table.add(n, 0, row, 7, 1);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(68);
        return s;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** For tests: the pane's view model. */
    ReluLectureViewModel model() {
        return model;
    }
}
