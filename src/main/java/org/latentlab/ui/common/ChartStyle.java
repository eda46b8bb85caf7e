package org.latentlab.ui.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;

/**
 * The look of the lab's JFreeChart charts: a white plot with light grey grid lines, one title and label font, and
 * the series colours every screen uses for the same meaning (blue: the main series; red: the highlighted or
 * negative part; orange: a trajectory). Charts are built with JFreeChart's factories, then passed through
 * {@link #apply} and shown in a {@link #viewer}.
 */
public final class ChartStyle {

    /** The main series. */
    public static final Color BLUE = new Color(78, 121, 167);
    /** The highlighted part, or what is negative. */
    public static final Color RED = new Color(225, 87, 89);
    /** A path or trajectory. */
    public static final Color ORANGE = new Color(255, 159, 28);
    public static final Color GRID = Color.LIGHT_GRAY;
    public static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 13);
    public static final Font SMALL_TITLE_FONT = new Font("SansSerif", Font.PLAIN, 11);
    public static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 12);
    public static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font("SansSerif", Font.PLAIN, 10);

    private ChartStyle() {
    }

    /** The lab's look on an XY chart: title and legend fonts, a white plot, light grid lines, axis fonts. */
    public static JFreeChart apply(JFreeChart chart) {
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE_FONT);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LEGEND_FONT);
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(GRID);
            plot.setRangeGridlinePaint(GRID);
            plot.getDomainAxis().setLabelFont(LABEL_FONT);
            plot.getDomainAxis().setTickLabelFont(TICK_FONT);
            plot.getRangeAxis().setLabelFont(LABEL_FONT);
            plot.getRangeAxis().setTickLabelFont(TICK_FONT);
        }
        return chart;
    }

    /** Replaces the title, keeping the lab's title font (JFreeChart's {@code setTitle(String)} would not). */
    public static void title(JFreeChart chart, String text) {
        chart.setTitle(new TextTitle(text, TITLE_FONT));
    }

    /** A small, plain title (for charts in narrow columns). */
    public static void smallTitle(JFreeChart chart, String text) {
        chart.setTitle(new TextTitle(text, SMALL_TITLE_FONT));
    }

    /** Lines with round points, in {@code colour}. */
    public static XYLineAndShapeRenderer lines(Color colour, double pointDiameter) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, pointDiameter > 0);
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        if (pointDiameter > 0) {
            r.setSeriesShape(0, new Ellipse2D.Double(-pointDiameter / 2, -pointDiameter / 2, pointDiameter,
                    pointDiameter));
        }
        return r;
    }

    /** Flat bars (no gradient, no shadow) in the given series colours. */
    public static XYBarRenderer flatBars(Color... seriesColours) {
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        for (int i = 0; i < seriesColours.length; i++) {
            r.setSeriesPaint(i, seriesColours[i]);
        }
        return r;
    }

    /** A dashed grey vertical or horizontal line at {@code at}, labelled. */
    public static ValueMarker marker(double at, String label) {
        ValueMarker m = new ValueMarker(at);
        m.setPaint(Color.GRAY);
        m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(LABEL_FONT);
        m.setLabelPaint(Color.DARK_GRAY);
        // right of the line, inside the plot, so that the label is not cut at the plot's edge
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(6, 4, 4, 4));
        return m;
    }

    /** The chart in a viewer with the node id {@code id} (for tests and the README). */
    public static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        return v;
    }
}
