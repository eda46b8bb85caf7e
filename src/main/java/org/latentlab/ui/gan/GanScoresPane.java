package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.metrics.ScoreLine;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

/**
 * The bench's live scores of an image GAN: the interval between cards, what the scores are doing, a chart per score
 * (each line solid for G's samples and dashed for real images in their place: the real-versus-real baseline), the
 * newest card as a table (with the scores not charted), and the nearest-neighbour gallery. Layout and binding only;
 * the state is the {@link GanScoresViewModel}'s.
 */
final class GanScoresPane extends VBox {

    private static final Color[] COLOURS = {new Color(20, 140, 70), new Color(78, 121, 167)};

    private final GanScoresViewModel vm;
    private final Label cardTable = new Label();

    GanScoresPane(GanScoresViewModel vm) {
        super(4);
        this.vm = vm;
        setId("scoresPane");
        setPadding(new Insets(6, 10, 6, 6));
        GridPane charts = new GridPane();
        charts.setHgap(4);
        charts.setVgap(4);
        List<GanScoreCurves.Panel> panels = vm.curves().panels();
        for (int i = 0; i < panels.size(); i++) {
            JFreeChart chart = chart(panels.get(i));
            if (panels.get(i).id().equals(GanScoreCurves.MODES_ID)) {
                ChartStyle.smallTitle(chart, vm.modesTitleProperty().get());
                vm.modesTitleProperty().addListener((o, a, title) -> ChartStyle.smallTitle(chart, title));
            }
            ChartViewer v = ChartStyle.viewer(chart, panels.get(i).id());
            v.setMinSize(120, 120);
            v.setPrefSize(300, 220);
            charts.add(v, i % 3, i / 3);
        }
        cardTable.setId("lastCardLabel");
        cardTable.getStyleClass().add("score-table");
        cardTable.setStyle("-fx-font-family: monospace; -fx-font-size: 10px;");
        cardTable.setAlignment(Pos.TOP_LEFT);
        cardTable.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        cardTable.setText("The newest card: every score of G\nbeside real images in its place\n"
                + "(hover for notes and timings).");
        charts.add(cardTable, 2, 1);
        for (int c = 0; c < 3; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            cc.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 2; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setVgrow(Priority.ALWAYS);
            charts.getRowConstraints().add(rc);
        }
        VBox.setVgrow(charts, Priority.ALWAYS);
        Label key = new Label("Solid: G's samples. Dashed: as many real images in their place (the real-versus-real"
                + " baseline).");
        key.setTooltip(new Tooltip("What a perfect generator would score at this sample size: the Fréchet distance,"
                + " for one, never reaches 0 on a finite sample."));
        key.setId("scoresKeyLabel");
        key.setWrapText(true);
        getChildren().addAll(toolbar(), status(), key, charts, new NearestGalleryPane(vm));
        vm.lastCardProperty().addListener((o, a, card) -> showCard(card));
    }

    private HBox toolbar() {
        TextField interval = Controls.field("scoreIntervalField", "", 70);
        interval.textProperty().bindBidirectional(vm.intervalTextProperty());
        interval.setOnAction(e -> vm.applyInterval());
        interval.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                vm.applyInterval();
            }
        });
        vm.intervalInvalidProperty().addListener((o, a, bad) -> {
            interval.getStyleClass().remove("field-error");
            if (bad) {
                interval.getStyleClass().add("field-error");
            }
        });
        Button gallery = Controls.idButton("galleryButton", "Nearest neighbours",
                "Copy a few of G's samples now and show their nearest training images (memorisation check)",
                vm::requestGallery);
        gallery.disableProperty().bind(vm.readyProperty().not());
        interval.setMinWidth(Region.USE_PREF_SIZE);
        Label every = new Label("A score card every");
        Label what = new Label(String.format(Locale.ROOT, "iterations, %d samples of fixed codes", 
                ScoringSetup.SAMPLE_SIZE));
        what.setTooltip(new Tooltip("G's samples are copied between two iterations; the scores are computed on a"
                + " worker, so training goes on meanwhile. A card due while the last is computed is skipped."));
        every.setMinWidth(Region.USE_PREF_SIZE);
        what.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, every, interval, what, spacer, gallery);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Label status() {
        Label status = new Label();
        status.setId("scoresStatusLabel");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(vm.statusProperty());
        return status;
    }

    private static JFreeChart chart(GanScoreCurves.Panel panel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (GanScoreCurves.Line line : panel.lines()) {
            Color c = COLOURS[i % COLOURS.length];
            data.addSeries(line.value());
            data.addSeries(line.baseline());
            int s = 2 * i;
            r.setSeriesPaint(s, c);
            r.setSeriesStroke(s, new BasicStroke(1.8f));
            r.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            r.setSeriesPaint(s + 1, c);
            r.setSeriesStroke(s + 1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {6f, 4f}, 0f));
            r.setSeriesShapesVisible(s + 1, false);
            i++;
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "iteration", panel.axis(), data,
                PlotOrientation.VERTICAL, false, true, false);
        ChartStyle.apply(chart);
        ChartStyle.smallTitle(chart, panel.title());
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private void showCard(GanScoresViewModel.Card card) {
        if (card == null) {
            cardTable.setText("");
            cardTable.setTooltip(null);
            return;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "it %,d: %d samples, %.1f s"
                        + "%n%-16s %8s %8s%n", card.iteration(), card.result().lines().get(0).sampleSize(),
                card.seconds(), "", "G", "real"));
        StringBuilder notes = new StringBuilder();
        for (ScoreLine l : card.result().lines()) {
            text.append(String.format(Locale.ROOT, "%-16s %8.3g %8.3g%n", shortName(l.name()), l.value(),
                    l.baseline()));
            notes.append(String.format(Locale.ROOT, "%s (%s is better; %.2f s): %s%n", l.name(), l.better(),
                    l.seconds(), l.note()));
        }
        cardTable.setText(text.toString().stripTrailing());
        notes.append(String.format(Locale.ROOT, "classifier features and probabilities: %.2f s",
                card.result().featureSeconds()));
        Tooltip tip = new Tooltip(notes.toString());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        cardTable.setTooltip(tip);
    }

    /** A score's name cut to the table's first column. */
    private static String shortName(String name) {
        return name.length() <= 16 ? name : name.substring(0, 15) + ".";
    }
}
