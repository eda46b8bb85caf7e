package org.latentlab.experiment.relu;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;

/** The lecture's two charts, for the window and for the commands' PNGs. */
public final class ReluCharts {

    /** Blue, red, orange, green: the series colours of both charts. */
    public static final Color[] COLOURS = {new Color(78, 121, 167), new Color(225, 87, 89),
            new Color(255, 159, 28), new Color(89, 161, 79)};

    private ReluCharts() {
    }

    /** Pieces (log scale) against depth: at initialisation, after training, the sawtooth's 2^L. */
    public static JFreeChart piecesVersusDepth(PieceSweep s) {
        XYSeries init = new XYSeries("random init (mean of " + s.seeds() + ")");
        XYSeries trained = new XYSeries("after training on " + s.target());
        XYSeries saw = new XYSeries("Telgarsky sawtooth, 2^L (width 2)");
        for (PieceSweep.Row r : s.rows()) {
            init.add(r.depth(), r.initPieces());
            trained.add(r.depth(), r.trainedPieces());
            saw.add(r.depth(), r.sawtoothPieces());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(init);
        data.addSeries(trained);
        data.addSeries(saw);
        JFreeChart c = ChartFactory.createXYLineChart("Linear pieces on [0, 1] against depth, ~" + s.budget()
                        + " parameters", "hidden layers L", "pieces", data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = c.getXYPlot();
        LogAxis y = new LogAxis("pieces (log scale)");
        y.setBase(2);
        y.setSmallestValue(1);
        y.setTickUnit(new NumberTickUnit(1));
        y.setNumberFormatOverride(new DecimalFormat("0"));
        plot.setRangeAxis(y);
        plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        style(c);
        return c;
    }

    /** Sup error (log scale) against parameters: constructions and trained nets, deep and shallow. */
    public static JFreeChart deepVersusShallow(DeepVsShallow d) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (DeepVsShallow.Kind k : DeepVsShallow.Kind.values()) {
            XYSeries s = new XYSeries(k.label());
            for (DeepVsShallow.Row r : d.of(k)) {
                s.add(r.parameters(), r.supError());
            }
            data.addSeries(s);
        }
        JFreeChart c = ChartFactory.createXYLineChart("x² on [0, 1]: sup error against parameters", "parameters",
                "sup |net − x²|", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        LogAxis y = new LogAxis("sup |net − x²| (log scale)");
        y.setBase(10);
        y.setSmallestValue(1e-12);
        y.setTickUnit(new NumberTickUnit(1));
        y.setNumberFormatOverride(new DecimalFormat("0.#E0"));
        plot.setRangeAxis(y);
        style(c);
        return c;
    }

    private static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        XYPlot plot = c.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < COLOURS.length; i++) {
            r.setSeriesPaint(i, COLOURS[i]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
    }
}
