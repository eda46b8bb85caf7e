package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.latentlab.experiment.randomlabels.RandomLabelsFiles;
import org.latentlab.experiment.randomlabels.RandomLabelsResult;
import org.latentlab.ui.common.ChartStyle;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The random-labels lecture (Zhang et al. 2017): Run, the length, the fraction p shuffled and the Gaussian-input run,
 * progress; then the training and held-out accuracy curves side by side, drawn as they grow, and a table of the
 * final accuracies with the iteration at which each run first fitted its training set.
 */
public final class RandomLabelsPane extends BorderPane {

    private final RandomLabelsViewModel model;
    private final GridPane table = new GridPane();
    private ChartViewer viewer;
    private final VBox results = new VBox(6);

    public RandomLabelsPane(StudyContext context) {
        this(new RandomLabelsViewModel(context.runner(), Path.of(".")));
    }

    RandomLabelsPane(RandomLabelsViewModel model) {
        this.model = model;
        setId("random-labels-pane");
        Button run = new Button("Run");
        run.setId("random-labels-run");
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.running());
        Button stop = new Button("Stop");
        stop.setId("random-labels-stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.running().not());
        ChoiceBox<RandomLabelsViewModel.Length> length = new ChoiceBox<>();
        length.getItems().addAll(RandomLabelsViewModel.Length.values());
        length.valueProperty().bindBidirectional(model.length());
        length.setId("random-labels-length");
        length.disableProperty().bind(model.running());
        ChoiceBox<Double> fraction = new ChoiceBox<>();
        fraction.getItems().addAll(RandomLabelsViewModel.FRACTIONS);
        fraction.valueProperty().bindBidirectional(model.fraction());
        fraction.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double p) {
                return p == null ? "" : String.format(Locale.ROOT, "%.0f %% of labels shuffled", 100 * p);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        fraction.setId("random-labels-fraction");
        fraction.disableProperty().bind(model.running());
        CheckBox gaussian = new CheckBox("Gaussian inputs");
        gaussian.selectedProperty().bindBidirectional(model.gaussian());
        gaussian.setId("random-labels-gaussian");
        gaussian.disableProperty().bind(model.running());
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(model.progress());
        bar.setPrefWidth(160);
        Label status = new Label();
        status.setId("random-labels-status");
        status.textProperty().bind(model.status());
        for (Control c : new Control[] {run, stop, length, fraction, gaussian}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox top = new HBox(8, run, stop, length, fraction, gaussian, bar, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        Label intro = new Label("Zhang, Bengio, Hardt, Recht & Vinyals (2017) trained networks on images whose labels"
                + " had been shuffled: the networks still reached 100 % training accuracy, by memorising, while"
                + " their held-out accuracy fell to chance. Capacity alone cannot then explain why the same network"
                + " generalises on true labels. Run trains one MLP (784-512-512-10, one initialisation) on 1,000"
                + " MNIST digits four ways: true labels, a fraction p of them shuffled among the images, all of them"
                + " shuffled, and Gaussian noise in place of the digits. Watch the left panel (accuracy on the labels"
                + " each run trains on) reach 1 for all four, later for the shuffled ones, and the right panel"
                + " (held-out digits, true labels) stay near 10 % for the runs that learnt nothing about digits."
                + " Shuffling keeps each class's count exactly; a shuffled label may fall on its own class by chance,"
                + " so the table says how many actually changed.");
        intro.setWrapText(true);
        intro.setMaxWidth(820);
        intro.setPadding(new Insets(12, 6, 6, 6));
        intro.setId("random-labels-intro");
        BorderPane.setAlignment(intro, Pos.TOP_LEFT);
        setCenter(intro);
        table.setId("random-labels-table");
        table.setHgap(14);
        table.setVgap(3);
        table.setPadding(new Insets(6));
        results.setPadding(new Insets(0, 6, 6, 6));
        model.result().addListener((o, old, r) -> show(r));
    }

    private void show(RandomLabelsResult r) {
        if (r == null || r.runs().isEmpty()) {
            return;
        }
        JFreeChart chart = styled(RandomLabelsFiles.chart(r));
        if (viewer == null) {
            viewer = ChartStyle.viewer(chart, "random-labels-curves");
            VBox.setVgrow(viewer, Priority.ALWAYS);
            results.getChildren().setAll(viewer, table);
            setCenter(results);
        } else {
            viewer.setChart(chart);
        }
        table.getChildren().clear();
        String[] heads = {"run", "training %", "held-out %", "fitted (100 %) at", "training set"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.setStyle("-fx-font-weight: bold");
            h.setMinWidth(col < heads.length - 1 ? Region.USE_PREF_SIZE : 0);
            table.add(h, col, 0);
        }
        int row = 1;
        for (RandomLabelsResult.Run run : r.runs()) {
            Label name = new Label(run.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            table.add(name, 0, row);
            table.add(new Label(String.format(Locale.ROOT, "%.1f", 100 * run.lastTrain())), 1, row);
            table.add(new Label(String.format(Locale.ROOT, "%.1f", 100 * run.lastHeldOut())), 2, row);
            boolean training = !r.finished() && run == r.runs().get(r.runs().size() - 1);
            Label fitted = new Label(training && run.fittedAt() < 0 ? "not yet (training)"
                    : RandomLabelsFiles.fitted(run, r.options().iterations()));
            fitted.setMinWidth(Region.USE_PREF_SIZE);
            table.add(fitted, 3, row);
            Label about = new Label(run.about());
            about.setMinWidth(0);
            table.add(about, 4, row);
            row++;
        }
    }

    /** The lab's fonts on the two side-by-side panels (ChartStyle.apply expects a single plot's axes). */
    private static JFreeChart styled(JFreeChart chart) {
        chart.getTitle().setFont(ChartStyle.TITLE_FONT);
        chart.getLegend().setItemFont(ChartStyle.LEGEND_FONT);
        CombinedRangeXYPlot both = (CombinedRangeXYPlot) chart.getPlot();
        both.getRangeAxis().setLabelFont(ChartStyle.LABEL_FONT);
        both.getRangeAxis().setTickLabelFont(ChartStyle.TICK_FONT);
        for (XYPlot p : both.getSubplots()) {
            p.getDomainAxis().setLabelFont(ChartStyle.LABEL_FONT);
            p.getDomainAxis().setTickLabelFont(ChartStyle.TICK_FONT);
        }
        return chart;
    }

    /** For tests: the pane's view model. */
    RandomLabelsViewModel model() {
        return model;
    }
}
