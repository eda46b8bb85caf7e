package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.experiment.KeptGanRun;
import org.latentlab.experiment.RunCurve;
import org.latentlab.train.Metric;
import org.latentlab.ui.common.ChartStyle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Compare tab's charts: the kept runs overlaid, each in its own colour, one chart per quantity: modes covered,
 * % high-quality samples and reverse KL of the mode histogram for toy mixtures, the diversity of a fixed batch for
 * images, and both losses (D solid, G dashed). A chart no kept run has data for is left out. The runs are named in
 * the tab's one legend, not in each chart.
 */
final class GanCompareCharts extends GridPane {

    private static final BasicStroke SOLID = new BasicStroke(1.6f);
    private static final BasicStroke THIN = new BasicStroke(1.0f);
    private static final BasicStroke DASHED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            1f, new float[] {5f, 3f}, 0f);

    /**
     * One chart: its node id, title, axis label, the curves of a run it draws (one, or D's and G's), the factor
     * they are drawn at, whether the axis starts at zero, and a line under the title (or null).
     */
    private record Spec(String id, String title, String axis, Function<KeptGanRun, List<RunCurve>> curves,
                        double scale, boolean fromZero, String subtitle) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("compareModesChart", "Modes covered", "modes",
                    r -> List.of(r.curve(Metric.MODES_COVERED)), 1, true, null),
            new Spec("compareQualityChart", "High-quality samples (within 3σ of a mode)", "% of samples",
                    r -> List.of(r.curve(Metric.HIGH_QUALITY_FRACTION)), 100, true, null),
            new Spec("compareReverseKlChart", "Reverse KL (G's mode histogram ‖ uniform)", "nats",
                    r -> List.of(r.curve(Metric.REVERSE_KL)), 1, false, null),
            new Spec("compareDiversityChart", "Diversity of a fixed batch (mean pairwise distance)", "distance",
                    r -> List.of(r.curve(Metric.DIVERSITY)), 1, false, null),
            new Spec("compareLossChart", "Losses", "loss",
                    r -> List.of(r.discriminatorLoss(), r.generatorLoss()), 1, false,
                    "solid: D's loss, dashed: G's loss"));

    private final List<JFreeChart> shown = new ArrayList<>();
    private final List<String> shownIds = new ArrayList<>();

    GanCompareCharts() {
        setHgap(6);
        setVgap(6);
        setPadding(new Insets(4));
        setId("compareCharts");
    }

    /** Draws the kept runs (FX thread; the curves are immutable copies). */
    void show(List<GanComparisonViewModel.Compared> runs) {
        getChildren().clear();
        getColumnConstraints().clear();
        getRowConstraints().clear();
        shown.clear();
        shownIds.clear();
        for (Spec spec : SPECS) {
            if (runs.stream().anyMatch(c -> spec.curves().apply(c.run()).stream().anyMatch(k -> !k.isEmpty()))) {
                shown.add(chart(spec, runs));
                shownIds.add(spec.id());
            }
        }
        int columns = shown.size() > 2 ? 2 : Math.max(1, shown.size());
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        int rows = (shown.size() + columns - 1) / columns;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < shown.size(); i++) {
            ChartViewer v = ChartStyle.viewer(shown.get(i), shownIds.get(i));
            v.setMinSize(200, 150);
            v.setPrefSize(420, 240);
            add(v, i % columns, i / columns);
        }
    }

    private static JFreeChart chart(Spec spec, List<GanComparisonViewModel.Compared> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int s = 0;
        for (GanComparisonViewModel.Compared c : runs) {
            List<RunCurve> curves = spec.curves().apply(c.run());
            boolean pair = curves.size() > 1;
            for (int k = 0; k < curves.size(); k++) {
                String key = c.run().label() + (pair ? (k == 0 ? " (D)" : " (G)") : "");
                data.addSeries(series(key, curves.get(k), spec.scale()));
                Color colour = RunColours.awt(c.colour());
                // losses are noisy and overlap: drawn thin and see-through, so that no run hides another
                r.setSeriesPaint(s, pair ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150)
                        : colour);
                r.setSeriesStroke(s, k == 0 ? (pair ? THIN : SOLID) : DASHED);
                s++;
            }
        }
        JFreeChart chart = ChartStyle.apply(ChartFactory.createXYLineChart(spec.title(), "iteration", spec.axis(),
                data, PlotOrientation.VERTICAL, false, true, false));
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(r);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(spec.fromZero());
        if (spec.subtitle() != null) {
            chart.addSubtitle(new TextTitle(spec.subtitle(), ChartStyle.SMALL_TITLE_FONT));
        }
        return chart;
    }

    private static XYSeries series(String key, RunCurve curve, double scale) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < curve.size(); i++) {
            series.add(curve.x(i), scale * curve.y(i), false);
        }
        return series;
    }

    /** The charts shown, stacked in one picture, {@code width} wide and {@code height} per chart. */
    BufferedImage picture(int width, int height) {
        BufferedImage out = new BufferedImage(width, Math.max(1, shown.size()) * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < shown.size(); i++) {
            g.drawImage(shown.get(i).createBufferedImage(width, height), 0, i * height, null);
        }
        g.dispose();
        return out;
    }
}
