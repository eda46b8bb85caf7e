package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.latentlab.analysis.hessian.EigenPairs;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Hutchinson;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;

import java.io.File;
import java.util.Locale;

/**
 * The Hessian of a real network's loss at a saved checkpoint (or at a small autoencoder trained here): the top
 * eigenvalues by Lanczos, the trace by Hutchinson, and the spectrum, exact for up to
 * {@link ExactHessian#MAX_PARAMETERS} parameters and otherwise as a density by stochastic Lanczos quadrature. Every
 * computation runs on the worker with a progress bar and Cancel.
 */
final class HessianPanel extends BorderPane {

    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField examples = new TextField("256");
    private final TextField topK = new TextField("5");
    private final Label source = new Label("no model yet: train a small one here or open a run folder");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private final TextArea report = new TextArea();
    private final SpectrumCanvas chart = new SpectrumCanvas();
    private NetworkObjective objective;
    private double[] theta;
    private MonitoredTask<?> running;

    HessianPanel(Window owner) {
        preset.getItems().addAll("ring8-ae-2d", "mnist-ae", "mnist-vae-2d");
        preset.getSelectionModel().select(0);
        examples.setPrefColumnCount(5);
        topK.setPrefColumnCount(3);
        Button train = new Button("Train small model");
        train.setId("hessian-train");
        train.setOnAction(e -> trainPreset());
        Button open = new Button("Open run…");
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("A run folder or one of its checkpoints");
            File dir = chooser.showDialog(owner);
            if (dir != null) {
                openRun(dir.toPath());
            }
        });
        Button top = new Button("Top eigenvalues");
        top.setId("hessian-top");
        top.setOnAction(e -> computeTop());
        Button spectrum = new Button("Spectrum");
        spectrum.setId("hessian-spectrum");
        spectrum.setOnAction(e -> computeSpectrum());
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        progress.setId("hessian-progress");
        progress.setPrefWidth(220);
        report.setEditable(false);
        report.setId("hessian-report");
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        chart.setId("hessian-chart");

        HBox row1 = new HBox(8, new Label("Model"), preset, train, new Label("or"), open, new Label("examples"),
                examples, source);
        HBox row2 = new HBox(8, top, new Label("k"), topK, spectrum, cancel, progress, message);
        row1.setAlignment(Pos.CENTER_LEFT);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox topBox = new VBox(6, row1, row2);
        topBox.setPadding(new Insets(6));
        setTop(topBox);
        setCenter(chart);
        VBox side = new VBox(6, new Label("Results"), report);
        VBox.setVgrow(report, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setPrefWidth(420);
        setRight(side);
    }

    private int exampleCount() {
        int n = Integer.parseInt(examples.getText().trim());
        if (n < 1 || n > 10_000) {
            throw new NumberFormatException();
        }
        return n;
    }

    void trainPreset() {
        String name = preset.getValue();
        int n;
        try {
            n = exampleCount();
        } catch (NumberFormatException e) {
            message.setText("examples: a whole number from 1 to 10000");
            return;
        }
        run(new MonitoredTask<>(m -> GeometryModels.trainedPreset(name, 400, n, 1, m)), o -> {
            setObjective(o, name + " trained 400 iterations here");
        });
    }

    void openRun(java.nio.file.Path dir) {
        int n;
        try {
            n = exampleCount();
        } catch (NumberFormatException e) {
            message.setText("examples: a whole number from 1 to 10000");
            return;
        }
        run(new MonitoredTask<>(m -> {
            SavedModel model = SavedModel.open(dir);
            return new Object[] {GeometryModels.objective(model, n, GeometryModels.Part.DISCRIMINATOR, 1),
                    model.toString()};
        }), r -> setObjective((NetworkObjective) r[0], (String) r[1]));
    }

    private void setObjective(NetworkObjective o, String label) {
        if (objective != null) {
            objective.close();
        }
        objective = o;
        theta = o.initialPoint();
        source.setText(label + " — " + o.describe() + ", " + o.dimension() + " parameters");
        report.setText("Loss at the checkpoint: " + fmt(o.loss(theta)) + "\n");
        chart.clear();
    }

    void computeTop() {
        if (!ready()) {
            return;
        }
        int k;
        try {
            k = Integer.parseInt(topK.getText().trim());
            if (k < 1 || k > 50) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            message.setText("k: a whole number from 1 to 50");
            return;
        }
        NetworkObjective o = objective;
        double[] at = theta;
        run(new MonitoredTask<>(m -> {
            HessianVectorProduct hvp = new HessianVectorProduct(o, at);
            long t0 = System.nanoTime();
            EigenPairs top = new Lanczos(hvp, 1).topEigenvalues(k, Math.min(o.dimension(), Math.max(3 * k, 40)),
                    1e-4, m);
            Hutchinson.TraceEstimate trace = new Hutchinson(hvp, 2).trace(30, m);
            return new Object[] {top, trace, (System.nanoTime() - t0) / 1e9};
        }), r -> {
            EigenPairs top = (EigenPairs) r[0];
            Hutchinson.TraceEstimate trace = (Hutchinson.TraceEstimate) r[1];
            StringBuilder b = new StringBuilder(report.getText());
            b.append(String.format(Locale.ROOT, "%nTop %d eigenvalues (Lanczos, %.1f s):%n", k, (double) r[2]));
            for (int i = 0; i < top.size(); i++) {
                b.append(String.format(Locale.ROOT, "  λ%-2d = %s   (residual %.1e)%n", i + 1,
                        fmt(top.eigenvalues()[i]), top.residuals()[i]));
            }
            b.append(String.format(Locale.ROOT, "Trace (Hutchinson, %d samples): %s ± %s%n", trace.samples(),
                    fmt(trace.trace()), fmt(trace.standardError())));
            report.setText(b.toString());
        });
    }

    void computeSpectrum() {
        if (!ready()) {
            return;
        }
        NetworkObjective o = objective;
        double[] at = theta;
        boolean exact = o.dimension() <= ExactHessian.MAX_PARAMETERS;
        run(new MonitoredTask<>(m -> {
            HessianVectorProduct hvp = new HessianVectorProduct(o, at);
            if (exact) {
                return ExactHessian.compute(hvp, m).spectrum(false);
            }
            return SpectralDensity.estimate(hvp, 3, Math.min(80, o.dimension()), 1, m);
        }), r -> {
            StringBuilder b = new StringBuilder(report.getText());
            if (r instanceof HessianSpectrum s) {
                chart.showExact(s);
                b.append(String.format(Locale.ROOT, "%nExact spectrum, %d eigenvalues: min %s, max %s%n",
                        s.size(), fmt(s.min()), fmt(s.max())));
                b.append(String.format(Locale.ROOT, "  negative: %.2f %% (|λ| > 1e-6·max|λ|)%n",
                        100 * s.negativeFraction(1e-6)));
                b.append("  trace ").append(fmt(s.trace())).append('\n');
            } else if (r instanceof SpectralDensity d) {
                chart.showDensity(d);
                b.append(String.format(Locale.ROOT, "%nSpectral density (stochastic Lanczos quadrature, %d runs):%n"
                        + "  support about [%s, %s]%n  negative mass: %.2f %%%n", d.runs().size(), fmt(d.minNode()),
                        fmt(d.maxNode()), 100 * d.negativeFraction(1e-3)));
            }
            report.setText(b.toString());
        });
    }

    private boolean ready() {
        if (objective == null) {
            message.setText("first train a small model or open a run");
            return false;
        }
        if (running != null && running.isRunning()) {
            message.setText("one computation at a time: wait or Cancel");
            return false;
        }
        return true;
    }

    private <T> void run(MonitoredTask<T> task, java.util.function.Consumer<T> done) {
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        message.textProperty().bind(task.messageProperty());
        cancel.setDisable(false);
        Runnable unbind = () -> {
            progress.progressProperty().unbind();
            message.textProperty().unbind();
            cancel.setDisable(true);
        };
        task.setOnSucceeded(e -> {
            unbind.run();
            progress.setProgress(1);
            message.setText("done");
            try {
                done.accept(task.getValue());
            } catch (RuntimeException ex) {
                message.setText(ex.getMessage());
            }
        });
        task.setOnFailed(e -> {
            unbind.run();
            progress.setProgress(0);
            Throwable t = task.getException();
            message.setText(t instanceof org.latentlab.core.Monitor.Cancelled ? "cancelled" : String.valueOf(
                    t.getMessage()));
        });
        task.setOnCancelled(e -> {
            unbind.run();
            progress.setProgress(0);
            message.setText("cancelled");
        });
        task.submit();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.4e", v)
                : String.format(Locale.ROOT, "%.5f", v);
    }

    SpectrumCanvas chart() {
        return chart;
    }

    ProgressBar progressBar() {
        return progress;
    }

    TextArea report() {
        return report;
    }

    /** A histogram of eigenvalues with log-scaled counts, or an SLQ density on a log scale. */
    static final class SpectrumCanvas extends Pane {
        private final Canvas canvas = new Canvas();
        private HessianSpectrum.Histogram histogram;
        private SpectralDensity.Curve curve;

        SpectrumCanvas() {
            getChildren().add(canvas);
            setMinSize(300, 200);
        }

        void clear() {
            histogram = null;
            curve = null;
            redraw();
        }

        void showExact(HessianSpectrum s) {
            histogram = s.histogram(60);
            curve = null;
            redraw();
        }

        void showDensity(SpectralDensity d) {
            curve = d.curve(400, 0.01);
            histogram = null;
            redraw();
        }

        boolean hasContent() {
            return histogram != null || curve != null;
        }

        @Override
        protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            redraw();
        }

        private void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, w, h);
            double left = 60;
            double bottom = h - 40;
            double top = 30;
            double right = w - 20;
            g.setFont(Font.font(13));
            g.setFill(Color.BLACK);
            if (histogram == null && curve == null) {
                g.fillText("The spectrum appears here.", left, top + 20);
                return;
            }
            g.setStroke(Color.GRAY);
            g.strokeLine(left, bottom, right, bottom);
            g.strokeLine(left, top, left, bottom);
            if (histogram != null) {
                g.fillText("Hessian eigenvalues (exact), count per bin on a log scale", left, 20);
                double[] e = histogram.edges();
                long[] c = histogram.counts();
                double maxLog = 0;
                for (long v : c) {
                    maxLog = Math.max(maxLog, Math.log10(1 + v));
                }
                double lo = e[0];
                double hi = e[e.length - 1];
                for (int i = 0; i < c.length; i++) {
                    double x0 = left + (e[i] - lo) / (hi - lo) * (right - left);
                    double x1 = left + (e[i + 1] - lo) / (hi - lo) * (right - left);
                    double bh = maxLog == 0 ? 0 : Math.log10(1 + c[i]) / maxLog * (bottom - top);
                    g.setFill(e[i + 1] <= 0 ? Color.web("#e8554e") : Color.web("#4e79a7"));
                    g.fillRect(x0, bottom - bh, Math.max(1, x1 - x0 - 1), bh);
                }
                axisLabels(g, lo, hi, left, right, bottom, "log10(1 + count)");
                zeroLine(g, lo, hi, left, right, top, bottom);
            } else {
                g.fillText("Hessian spectral density (stochastic Lanczos quadrature), log scale", left, 20);
                double[] x = curve.x();
                double[] d = curve.density();
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (double v : d) {
                    if (v > 0) {
                        max = Math.max(max, Math.log10(v));
                        min = Math.min(min, Math.log10(v));
                    }
                }
                min = Math.max(min, max - 8);
                double lo = x[0];
                double hi = x[x.length - 1];
                g.setStroke(Color.web("#4e79a7"));
                g.setLineWidth(2);
                double[] prev = null;
                for (int i = 0; i < x.length; i++) {
                    double v = d[i] > 0 ? Math.max(min, Math.log10(d[i])) : min;
                    double px = left + (x[i] - lo) / (hi - lo) * (right - left);
                    double py = bottom - (v - min) / Math.max(1e-12, max - min) * (bottom - top);
                    if (prev != null) {
                        g.strokeLine(prev[0], prev[1], px, py);
                    }
                    prev = new double[] {px, py};
                }
                g.setLineWidth(1);
                axisLabels(g, lo, hi, left, right, bottom, "log10 density");
                zeroLine(g, lo, hi, left, right, top, bottom);
            }
        }

        private static void zeroLine(GraphicsContext g, double lo, double hi, double left, double right, double top,
                                     double bottom) {
            if (lo < 0 && hi > 0) {
                double x = left + (0 - lo) / (hi - lo) * (right - left);
                g.setStroke(Color.DARKGRAY);
                g.setLineDashes(4);
                g.strokeLine(x, top, x, bottom);
                g.setLineDashes(null);
                g.setFill(Color.DIMGRAY);
                g.fillText("0", x - 3, bottom + 14);
            }
        }

        private static void axisLabels(GraphicsContext g, double lo, double hi, double left, double right,
                                       double bottom, String yLabel) {
            g.setFill(Color.BLACK);
            g.setFont(Font.font(11));
            g.fillText(fmt(lo), left, bottom + 14);
            g.fillText(fmt(hi), right - 60, bottom + 14);
            g.fillText("eigenvalue λ", (left + right) / 2 - 30, bottom + 30);
            g.save();
            g.translate(14, bottom - 20);
            g.rotate(-90);
            g.fillText(yLabel, 0, 0);
            g.restore();
        }
    }
}
