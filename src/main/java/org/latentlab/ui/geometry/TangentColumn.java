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
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.ui.common.ChartStyle;

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

    /**
     * @param idPrefix e.g. {@code tangent-0}: node ids {@code tangent-0-bars}, {@code tangent-0-moved}, …
     * @param model    what the column shows
     * @param barScale the top of the singular-value axis shared by the columns
     */
    TangentColumn(String heading, String idPrefix, TangentColumnModel model,
                  javafx.beans.value.ObservableDoubleValue barScale) {
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
        histogram = ChartStyle.apply(ChartFactory.createHistogram(null, "‖∂c/∂x‖_F", "test points",
                new HistogramDataset(), PlotOrientation.VERTICAL, true, false, false));
        ((XYPlot) histogram.getPlot()).setRenderer(ChartStyle.flatBars(translucent(ChartStyle.BLUE),
                translucent(ChartStyle.RED)));
        histogramViewer = ChartStyle.viewer(histogram, idPrefix + "-sensitivity");
        histogramViewer.setMinHeight(150);
        histogramViewer.setPrefHeight(180);
        ChartStyle.smallTitle(histogram, "sensitivity: press Sensitivity");

        VBox movedBox = new VBox(2, movedCaption, moved);
        VBox decodedBox = new VBox(2, new Label("decoded: r(x + t·v)"), decoded);
        HBox movedRow = new HBox(12, movedBox, decodedBox);
        Label tangentTitle = new Label("top tangent vectors vᵢ with σᵢ (blue −, white 0, red +)");
        header.getChildren().add(title);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, source, bars, tangentTitle, tangents, movedRow, histogramViewer);

        source.textProperty().bind(model.sourceProperty());
        model.tangentsProperty().addListener((o, was, r) -> {
            if (r == null) {
                clear();
            } else {
                int[] hw = TangentViewModel.imageSize(r);
                showTangents(r.singularValues(), r.tangents(), hw[0], hw[1]);
                bars.setScaleMax(barScale.get());
            }
        });
        barScale.addListener((o, was, now) -> bars.setScaleMax(now.doubleValue()));
        model.movedProperty().addListener((o, was, m) -> {
            if (m != null) {
                showMoved(m);
            }
        });
        model.sensitivityProperty().addListener((o, was, s) -> {
            if (s != null) {
                showSensitivity(s);
            }
        });
    }

    private static java.awt.Color translucent(java.awt.Color c) {
        return new java.awt.Color(c.getRed(), c.getGreen(), c.getBlue(), 170);
    }

    /** A control beside the heading (the column's Open run… button). */
    void addToHeader(javafx.scene.Node node) {
        header.getChildren().add(node);
    }

    private void clear() {
        bars.clear();
        tangents.getChildren().clear();
        tangentCount = 0;
        moved.setImage(null);
        decoded.setImage(null);
        ((XYPlot) histogram.getPlot()).setDataset(new HistogramDataset());
        ChartStyle.smallTitle(histogram, "sensitivity: press Sensitivity");
    }

    /** The singular values and the first {@code vectors.length} right-singular vectors as h × w images. */
    private void showTangents(double[] sigma, double[][] vectors, int height, int width) {
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

    /** x + t·v and its reconstruction, both grey images in [0, 1]. */
    private void showMoved(TangentColumnModel.Moved m) {
        moved.setImage(PixelImages.grey(m.input(), m.height(), m.width(), IMAGE_SCALE));
        decoded.setImage(PixelImages.grey(m.decoded(), m.height(), m.width(), IMAGE_SCALE));
        movedCaption.setText(String.format(Locale.ROOT, "x + t·v%d, t = %.2f", m.vector() + 1, m.t()));
        movedVersion++;
    }

    /** The sensitivity histograms: on-manifold (test digits) and off-manifold values. */
    private void showSensitivity(ManifoldSensitivity s) {
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
        ChartStyle.smallTitle(histogram, "‖∂c/∂x‖_F at " + on.length + " test digits and " + off.length
                + " points off the manifold");
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
