package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.latentlab.experiment.ManifoldSensitivity;

import java.util.Locale;

/**
 * One autoencoder's side of the tangent comparison: which model it is, the singular values of its encoder Jacobian
 * at the chosen digit, the top right-singular vectors as signed images (the tangent vectors of the manifold as
 * this encoder sees it), the input moved along one of them (x + t·v) with its reconstruction, and the histogram of
 * ‖∂c/∂x‖_F on and off the data manifold.
 */
final class TangentColumn extends VBox {

    private static final int IMAGE_SCALE = 3;

    private final Label title = new Label();
    private final HBox header = new HBox(10);
    private final Label source = new Label("no model yet");
    private final SingularValueBars bars = new SingularValueBars();
    private final TilePane tangents = new TilePane(6, 6);
    private final ImageView moved = new ImageView();
    private final ImageView decoded = new ImageView();
    private final Label movedCaption = new Label("x + t·v");
    private final JFreeChart histogram;
    private final ChartViewer histogramViewer;
    private int tangentCount;
    private long movedVersion;

    /** @param idPrefix e.g. {@code tangent-0}: node ids {@code tangent-0-bars}, {@code tangent-0-moved}, … */
    TangentColumn(String heading, String idPrefix) {
        super(6);
        setPadding(new Insets(6));
        getStyleClass().add("view-pane");
        title.setText(heading);
        title.getStyleClass().add("section-title");
        source.getStyleClass().add("description");
        source.setId(idPrefix + "-source");
        source.setWrapText(true);
        bars.setId(idPrefix + "-bars");
        tangents.setId(idPrefix + "-tangents");
        tangents.setPrefColumns(6);
        tangents.setAlignment(Pos.CENTER_LEFT);
        moved.setId(idPrefix + "-moved");
        decoded.setId(idPrefix + "-decoded");
        histogram = ChartFactory.createHistogram(null, "‖∂c/∂x‖_F", "test points", new HistogramDataset(),
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = (XYPlot) histogram.getPlot();
        XYBarRenderer r = (XYBarRenderer) plot.getRenderer();
        r.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new java.awt.Color(78, 121, 167, 170));
        r.setSeriesPaint(1, new java.awt.Color(225, 87, 89, 170));
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        plot.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
        histogram.getLegend().setItemFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
        histogramViewer = new ChartViewer(histogram);
        histogramViewer.setId(idPrefix + "-sensitivity");
        histogramViewer.setMinHeight(150);
        histogramViewer.setPrefHeight(180);
        histogram.setTitle(new org.jfree.chart.title.TextTitle("sensitivity: press Sensitivity",
                new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11)));

        VBox movedBox = new VBox(2, movedCaption, moved);
        VBox decodedBox = new VBox(2, new Label("decoded: r(x + t·v)"), decoded);
        HBox movedRow = new HBox(12, movedBox, decodedBox);
        Label tangentTitle = new Label("top tangent vectors vᵢ with σᵢ (blue −, white 0, red +)");
        header.getChildren().add(title);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, source, bars, tangentTitle, tangents, movedRow, histogramViewer);
    }

    /** A control beside the heading (the column's Open run… button). */
    void addToHeader(javafx.scene.Node node) {
        header.getChildren().add(node);
    }

    void setSource(String text) {
        source.setText(text);
    }

    void clear() {
        bars.clear();
        tangents.getChildren().clear();
        tangentCount = 0;
        moved.setImage(null);
        decoded.setImage(null);
        ((XYPlot) histogram.getPlot()).setDataset(new HistogramDataset());
        histogram.setTitle(new org.jfree.chart.title.TextTitle("sensitivity: press Sensitivity",
                new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11)));
    }

    /** The singular values and the first {@code vectors.length} right-singular vectors as h × w images. */
    void showTangents(double[] sigma, double[][] vectors, int height, int width) {
        bars.show(sigma, vectors.length);
        tangents.getChildren().clear();
        for (int i = 0; i < vectors.length; i++) {
            ImageView v = new ImageView(PixelImages.signed(vectors[i], height, width, 2));
            Label caption = new Label(String.format(Locale.ROOT, "v%d: %.3g", i + 1, sigma[i]));
            caption.setStyle("-fx-font-size: 10px;");
            tangents.getChildren().add(new VBox(1, v, caption));
        }
        tangentCount = vectors.length;
    }

    void setBarScale(double max) {
        bars.setScaleMax(max);
    }

    /** x + t·v and its reconstruction, both grey images in [0, 1]. */
    void showMoved(double t, int vector, double[] input, double[] reconstruction, int height, int width) {
        moved.setImage(PixelImages.grey(input, height, width, IMAGE_SCALE));
        decoded.setImage(PixelImages.grey(reconstruction, height, width, IMAGE_SCALE));
        movedCaption.setText(String.format(Locale.ROOT, "x + t·v%d, t = %.2f", vector + 1, t));
        movedVersion++;
    }

    /** The sensitivity histograms: on-manifold (test digits) and off-manifold values. */
    void showSensitivity(ManifoldSensitivity s) {
        double[] on = s.onManifold();
        double[] off = s.offManifold();
        HistogramDataset fresh = new HistogramDataset();
        fresh.setType(HistogramType.FREQUENCY);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {on, off}) {
            for (double x : v) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] m = s.medians();
        fresh.addSeries(String.format(Locale.ROOT, "test digits (median %.3g)", m[0]), on, 30, lo, hi);
        fresh.addSeries(String.format(Locale.ROOT, "%s (median %.3g)", s.offLabel(), m[1]), off, 30, lo, hi);
        ((XYPlot) histogram.getPlot()).setDataset(fresh);
        histogram.setTitle(new org.jfree.chart.title.TextTitle("‖∂c/∂x‖_F at " + on.length
                + " test digits and " + off.length + " points off the manifold",
                new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11)));
    }

    int tangentCount() {
        return tangentCount;
    }

    int barCount() {
        return bars.barCount();
    }

    WritableImage movedImage() {
        return (WritableImage) moved.getImage();
    }

    WritableImage decodedImage() {
        return (WritableImage) decoded.getImage();
    }

    long movedVersion() {
        return movedVersion;
    }

    boolean hasSensitivity() {
        return ((XYPlot) histogram.getPlot()).getDataset() != null
                && ((XYPlot) histogram.getPlot()).getDataset().getSeriesCount() == 2;
    }
}
