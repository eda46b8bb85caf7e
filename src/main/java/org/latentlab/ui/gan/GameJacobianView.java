package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.latentlab.analysis.game.GameSpectrum;
import org.latentlab.analysis.game.JacobianEigenvalue;
import org.latentlab.ui.common.ChartStyle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;

/**
 * The "Game Jacobian" panel: Compute and Cancel with a progress bar, the top eigenvalues in the complex plane
 * (divergent ones, Re λ &lt; 0, in red), one line per eigenvalue with its reading, and the caption with the sign
 * convention. Layout and binding only; the job is the {@link GameJacobianViewModel}'s.
 */
final class GameJacobianView extends VBox {

    private final XYSeries contracting = new XYSeries("Re λ > 0", false, true);
    private final XYSeries divergent = new XYSeries("Re λ ≤ 0", false, true);

    GameJacobianView(GameJacobianViewModel vm) {
        super(8);
        setId("gameJacobianView");
        Button compute = new Button("Compute at this point");
        compute.setId("jacobianComputeButton");
        compute.disableProperty().bind(vm.canRunProperty().not());
        compute.setOnAction(e -> vm.compute());
        Button cancel = new Button("Cancel");
        cancel.setId("jacobianCancelButton");
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("jacobianProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        Label message = new Label();
        message.setId("jacobianMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        HBox controls = new HBox(8, compute, cancel, bar);
        controls.setAlignment(Pos.CENTER_LEFT);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(contracting);
        data.addSeries(divergent);
        JFreeChart chart = ChartFactory.createScatterPlot("Top eigenvalues of the game's Jacobian", "Re λ", "Im λ",
                data, PlotOrientation.VERTICAL, true, true, false);
        ChartStyle.apply(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setSeriesPaint(0, ChartStyle.BLUE);
        r.setSeriesPaint(1, ChartStyle.RED);
        plot.setRenderer(r);
        ValueMarker vertical = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        ValueMarker horizontal = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addDomainMarker(vertical);
        plot.addRangeMarker(horizontal);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("jacobianChart");
        viewer.setMinSize(360, 300);
        viewer.setPrefSize(560, 420);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        Label readings = new Label();
        readings.setId("jacobianReadings");
        readings.setStyle("-fx-font-family: monospace;");
        readings.textProperty().bind(vm.readingsProperty());
        Label caption = new Label(GameJacobianViewModel.CAPTION);
        caption.setId("jacobianCaption");
        caption.setWrapText(true);
        caption.getStyleClass().add("legend");
        getChildren().addAll(GanBenchView.titled("The game's Jacobian at the paused point"), controls, message,
                viewer, readings, caption);
        setPadding(new Insets(10));
        vm.spectrumProperty().addListener((o, a, s) -> show(s));
        show(vm.spectrumProperty().get());
    }

    private void show(GameSpectrum s) {
        contracting.clear();
        divergent.clear();
        if (s != null) {
            for (JacobianEigenvalue e : s.eigenvalues()) {
                (e.re() > 0 ? contracting : divergent).add(e.re(), e.im());
            }
        }
    }

    /** Points plotted (tests). */
    int pointCount() {
        return contracting.getItemCount() + divergent.getItemCount();
    }
}
