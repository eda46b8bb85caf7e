package org.latentlab.ui.studies;

import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.experiment.sbn.WakeSleepPictures;
import org.latentlab.train.sbn.WakeSleepStatus;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.NumberField;

import java.util.List;

/**
 * The wake-sleep study: (a) a sigmoid belief net learning MNIST by wake-sleep, its held-out bound drawn as it
 * trains, the first layer's generative and recognition filters side by side and dreams of the generative model;
 * (b) the explaining-away net, its effect clampable, the exact posterior of the causes beside the recognition net's
 * factorised q. The pictures are redrawn once a frame from the newest status.
 */
public final class WakeSleepPane extends HBox {

    private static final double BAR = 60;
    private final WakeSleepViewModel vm;
    private final ChartViewer chart;
    private final ImageView generative = image("wake-sleep-generative");
    private final ImageView recognition = image("wake-sleep-recognition");
    private final ImageView samples = image("wake-sleep-samples");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final javafx.scene.control.Button train;
    private final javafx.scene.control.Button stop;
    private final WakeSleepNetCanvas net = new WakeSleepNetCanvas(460, 250);
    private final GridPane table = new GridPane();
    private final Label lesson = new Label();
    private WakeSleepStatus shown;

    public WakeSleepPane(StudyContext context) {
        this(new WakeSleepViewModel(context.runner()));
    }

    WakeSleepPane(WakeSleepViewModel vm) {
        super(18);
        this.vm = vm;
        setPadding(new Insets(10));
        train = Controls.idButton("wake-sleep-train", "Train", "wake-sleep on 9,000 MNIST images, measured on"
                + " 1,000 held-out ones", this::train);
        stop = Controls.idButton("wake-sleep-stop", "Stop", "stop the run; the pictures keep its last measurement",
                vm::stop);
        progress.setId("wake-sleep-progress");
        progress.setPrefWidth(150);
        message.setId("wake-sleep-message");
        message.setWrapText(true);
        HBox controls = new HBox(8, train, stop, new Label("iterations"),
                new NumberField("wake-sleep-iterations", 6, vm.iterationsText()), new Label("learning rate"),
                new NumberField("wake-sleep-rate", 4, vm.learningRateText()), progress);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        JFreeChart c = ChartStyle.apply(WakeSleepPictures.curve(new WakeSleepStatus(0, 1, List.of(), new float[0][],
                new float[0][], new float[0][], 0)));
        ChartStyle.smallTitle(c, "held-out measures, nats per image (higher is better)");
        chart = ChartStyle.viewer(c, "wake-sleep-curve");
        chart.setPrefSize(430, 270);
        chart.setMinHeight(240);
        VBox sampleBox = new VBox(4, Controls.sectionTitle("dreams (top-down)"), samples);
        HBox top = new HBox(10, chart, sampleBox);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox filters = new HBox(14, titled("generative weights G₁ (hidden → pixels)", generative),
                titled("recognition weights R₁ (pixels → hidden)", recognition));
        Label filterHint = new Label("The 100 first-layer units (white positive, black negative, grey 0). Wake trains G"
                + " on what R infers; sleep trains R on what G dreams.");
        filterHint.setWrapText(true);
        filterHint.getStyleClass().add("description");
        VBox mnist = new VBox(8, Controls.sectionTitle("(a) Wake-sleep on MNIST: a 784-100-20 sigmoid belief net"),
                controls, message, top, filters, filterHint);
        mnist.setPrefWidth(660);
        mnist.setMinWidth(620);

        ToggleButton clamp = new ToggleButton("house jumps: clamped ON");
        clamp.setId("wake-sleep-clamp");
        clamp.setSelected(vm.effectOn());
        clamp.selectedProperty().addListener((o, a, on) -> {
            vm.setEffectOn(on);
            clamp.setText("house jumps: clamped " + (on ? "ON" : "OFF"));
            drawExplaining();
        });
        table.setId("wake-sleep-posterior");
        table.setHgap(10);
        table.setVgap(4);
        lesson.setId("wake-sleep-lesson");
        lesson.setWrapText(true);
        lesson.setMaxWidth(470);
        Label intro = new Label("Two rare, independent causes; either one makes the house jump. Which causes"
                + " explain a jump? Exact: every joint state listed (Bayes' rule). Recognition net: q(h₁|v) q(h₂|v),"
                + " each factor at the sleep phase's optimum, the exact marginal.");
        intro.setWrapText(true);
        intro.setMaxWidth(470);
        intro.getStyleClass().add("description");
        VBox explaining = new VBox(8, Controls.sectionTitle("(b) Explaining away (Hinton's lecture example)"), intro,
                net, clamp, table, lesson);
        explaining.setPrefWidth(480);
        explaining.setMinWidth(480);
        getChildren().addAll(mnist, explaining);
        HBox.setHgrow(mnist, Priority.ALWAYS);
        drawExplaining();
        refresh();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                refresh();
            }
        }.start();
    }

    private void train() {
        vm.train();
        refresh();
    }

    /** Draws the newest status, if it changed, and the run's line. */
    void refresh() {
        message.setText(vm.message());
        progress.setProgress(vm.progress());
        train.setDisable(vm.running());
        stop.setDisable(!vm.running());
        WakeSleepStatus s = vm.latest();
        if (s == null || s == shown) {
            return;
        }
        shown = s;
        JFreeChart c = ChartStyle.apply(WakeSleepPictures.curve(s));
        ChartStyle.smallTitle(c, "held-out measures, nats per image (higher is better)");
        chart.setChart(c);
        generative.setImage(SwingFXUtils.toFXImage(WakeSleepPictures.filters(s.generativeFilters(), 10, 1), null));
        recognition.setImage(SwingFXUtils.toFXImage(WakeSleepPictures.filters(s.recognitionFilters(), 10, 1),
                null));
        samples.setImage(SwingFXUtils.toFXImage(WakeSleepPictures.grid(s.samples(), 6, 1), null));
    }

    private void drawExplaining() {
        net.draw(vm.explainingAway(), vm.posterior());
        table.getChildren().clear();
        String[] heads = {"earthquake", "truck", "exact p(h|v)", "", "factorised q", ""};
        for (int k = 0; k < heads.length; k++) {
            Label l = new Label(heads[k]);
            l.getStyleClass().add("section-title");
            table.add(l, k, 0);
        }
        List<WakeSleepViewModel.Row> rows = vm.rows();
        for (int r = 0; r < rows.size(); r++) {
            WakeSleepViewModel.Row row = rows.get(r);
            table.add(new Label(row.earthquake() ? "on" : "off"), 0, r + 1);
            table.add(new Label(row.truck() ? "on" : "off"), 1, r + 1);
            Label exact = new Label(row.exactText());
            exact.setId("wake-sleep-exact-" + r);
            table.add(exact, 2, r + 1);
            table.add(bar(row.exact(), Color.rgb(78, 121, 167)), 3, r + 1);
            Label q = new Label(row.factorisedText());
            q.setId("wake-sleep-q-" + r);
            table.add(q, 4, r + 1);
            table.add(bar(row.factorised(), Color.rgb(255, 159, 28)), 5, r + 1);
        }
        lesson.setText(vm.lesson());
    }

    private static Rectangle bar(double p, Color colour) {
        return new Rectangle(Math.max(1, p * BAR), 12, colour);
    }

    private static VBox titled(String title, ImageView view) {
        return new VBox(4, new Label(title), view);
    }

    private static ImageView image(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setPreserveRatio(true);
        v.setSmooth(false);
        return v;
    }
}
