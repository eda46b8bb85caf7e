package org.latentlab.experiment.sbn;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.train.sbn.WakeSleepStatus;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The pictures of a wake-sleep run, drawn without a screen: the held-out learning curve, the first layer's weights
 * as 28x28 filters (each scaled by its own largest magnitude: mid-grey 0, white positive, black negative) and the
 * generative samples (grey levels are pixel probabilities). The command writes them as PNG; the Studies tab shows
 * the same pictures.
 */
public final class WakeSleepPictures {

    /** Image side in pixels (28 for MNIST). */
    public static final int SIDE = 28;
    private static final int GAP = 2;
    private static final int BACKGROUND = 0xFF303038;

    private WakeSleepPictures() {
    }

    /** The learning curve: the held-out bound (nats per image) against iterations. */
    public static JFreeChart curve(WakeSleepStatus s) {
        XYSeries bound = new XYSeries("held-out lower bound, log p(x,h) − log q(h|x)", false, true);
        XYSeries recon = new XYSeries("held-out reconstruction, log p(x | h₁) with h₁ from R", false, true);
        for (WakeSleepStatus.Point p : s.curve()) {
            bound.add(p.iteration(), p.bound());
            recon.add(p.iteration(), -p.reconstruction());
        }
        XYSeriesCollection data = new XYSeriesCollection(bound);
        data.addSeries(recon);
        JFreeChart chart = ChartFactory.createXYLineChart("wake-sleep on MNIST: held-out measures (higher is better)",
                "iteration", "nats per image", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(78, 121, 167));
        r.setSeriesPaint(1, new Color(255, 159, 28));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(1.5f));
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Signed weights as filters, {@code columns} to a row, each scaled by its own largest magnitude. */
    public static BufferedImage filters(float[][] weights, int columns, int scale) {
        float[][] shown = new float[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            float max = 1e-12f;
            for (float w : weights[k]) {
                max = Math.max(max, Math.abs(w));
            }
            shown[k] = new float[weights[k].length];
            for (int j = 0; j < shown[k].length; j++) {
                shown[k][j] = 0.5f + 0.5f * weights[k][j] / max;
            }
        }
        return grid(shown, columns, scale);
    }

    /** Images with values in [0, 1], {@code columns} to a row, each pixel {@code scale x scale}. */
    public static BufferedImage grid(float[][] images, int columns, int scale) {
        int rows = (images.length + columns - 1) / columns;
        int cell = SIDE * scale + GAP;
        BufferedImage img = new BufferedImage(columns * cell + GAP, rows * cell + GAP, BufferedImage.TYPE_INT_RGB);
        int[] bg = new int[img.getWidth() * img.getHeight()];
        Arrays.fill(bg, BACKGROUND);
        img.setRGB(0, 0, img.getWidth(), img.getHeight(), bg, 0, img.getWidth());
        for (int k = 0; k < images.length; k++) {
            int ox = GAP + (k % columns) * cell;
            int oy = GAP + (k / columns) * cell;
            for (int y = 0; y < SIDE * scale; y++) {
                for (int x = 0; x < SIDE * scale; x++) {
                    float v = images[k][(y / scale) * SIDE + x / scale];
                    int g = Math.max(0, Math.min(255, Math.round(v * 255)));
                    img.setRGB(ox + x, oy + y, 0xFF000000 | g << 16 | g << 8 | g);
                }
            }
        }
        return img;
    }
}
