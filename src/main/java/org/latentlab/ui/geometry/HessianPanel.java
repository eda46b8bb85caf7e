package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
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
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.stage.Window;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.AnalysisInfo;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.HessianDensity;
import org.latentlab.experiment.geometry.HessianFull;
import org.latentlab.experiment.geometry.HessianTop;
import org.latentlab.experiment.geometry.HessianTrace;
import org.latentlab.experiment.geometry.LossSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Hessian of a real network's loss at a checkpoint of a run (opened, or a small preset trained here into a run
 * folder): the top eigenvalues by Lanczos with the trace by Hutchinson, and the spectrum, exact for up to
 * {@link ExactHessian#MAX_PARAMETERS} parameters and otherwise as a density by stochastic Lanczos quadrature. The
 * computations are {@link GeometryJobs}'s, kept beside the checkpoint (a second look is read back); each runs on
 * the worker with a progress bar and Cancel.
 */
final class HessianPanel extends BorderPane {

    private final TaskBar tasks = new TaskBar("hessian");
    private final ModelSource source;
    private final ComboBox<GeometryModels.Part> part = LossPartChooser.create("hessian-part",
            "for a GAN: whose loss, over whose parameters; autoencoders have one loss");
    private final TextField examples = new TextField("256");
    private final TextField topK = new TextField("5");
    private final TextArea report = new TextArea();
    private final SpectrumCanvas chart = new SpectrumCanvas();
    private GeometryJobs jobs;
    private int parameters;

    HessianPanel(Window owner, Path runsRoot) {
        source = new ModelSource(owner, "hessian", List.of("ring8-ae-2d", "mnist-ae", "mnist-vae-2d"), 400, 2, tasks,
                runsRoot, this::openRun);
        part.setDisable(true);
        examples.setPrefColumnCount(5);
        examples.setId("hessian-examples");
        topK.setPrefColumnCount(3);
        topK.setId("hessian-k");
        Button top = new Button("Top eigenvalues");
        top.setId("hessian-top");
        top.setTooltip(new Tooltip("the k largest eigenvalues by Lanczos, and the trace by Hutchinson's estimator"));
        top.setOnAction(e -> computeTop());
        Button spectrum = new Button("Spectrum");
        spectrum.setId("hessian-spectrum");
        spectrum.setTooltip(new Tooltip("every eigenvalue from the exact Hessian up to " + ExactHessian.MAX_PARAMETERS
                + " parameters, otherwise the density by stochastic Lanczos quadrature"));
        spectrum.setOnAction(e -> computeSpectrum());
        report.setEditable(false);
        report.setId("hessian-report");
        report.setWrapText(true);
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        chart.setId("hessian-chart");

        Label explain = new Label("The Hessian ∇²L of a network's loss at a checkpoint: its largest eigenvalue is the"
                + " sharpest curvature, and negative eigenvalues are directions in which the loss still goes down"
                + " (a saddle; the fraction of them is the critical point's index). Computed from Hessian-vector products in"
                + " double precision, as PyHessian does.");
        explain.getStyleClass().add("description");
        explain.setWrapText(true);
        HBox row2 = new HBox(8, new Label("Loss"), part, new Label("examples"), examples, top, new Label("k"), topK,
                spectrum);
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox topBox = new VBox(6, explain, source, row2, tasks);
        topBox.setPadding(new Insets(6));
        setTop(topBox);
        setCenter(chart);
        VBox side = new VBox(6, new Label("Results"), report);
        VBox.setVgrow(report, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setPrefWidth(420);
        setRight(side);
    }

    /** Opens a run or checkpoint folder for analysis. */
    void openRun(Path dir) {
        openRun(dir, null);
    }

    /** Opens the folder, then computes the spectrum (the launch argument's way in). */
    void openAndSpectrum(Path dir) {
        openRun(dir, this::computeSpectrum);
    }

    private void openRun(Path dir, Runnable then) {
        GeometryJobs old = jobs;
        tasks.run(m -> {
            m.progress(0, "opening " + dir.getFileName());
            if (old != null) {
                old.close();
            }
            GeometryJobs j = GeometryJobs.open(dir);
            return new Object[] {j, parameterCount(j.model())};
        }, r -> {
            jobs = (GeometryJobs) r[0];
            parameters = (int) r[1];
            SavedModel model = jobs.model();
            boolean gan = model.kind() == Family.GAN;
            part.setDisable(!gan);
            source.show(model.name() + " (" + model.kind().name().toLowerCase(Locale.ROOT) + "), "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName());
            report.setText("Opened " + model + ".\n" + (gan ? "Choose D's or G's loss: the Hessian is taken over that"
                    + " network's parameters, the other one fixed.\n" : ""));
            chart.clear();
            if (then != null) {
                then.run();
            }
        });
    }

    /** The parameters the loss is a function of (the analysed network's for a GAN), to choose exact or density. */
    private int parameterCount(SavedModel model) {
        return switch (model.kind()) {
            case AUTOENCODER, VAE -> (int) (model.encoder().numParams() + model.decoder().numParams());
            case GAN -> (int) Math.max(model.discriminator().numParams(), model.generator().numParams());
            case RBM -> throw new LabException(model.runDir().getFileName() + " is an RBM run: its energy is not a"
                    + " network loss; open an autoencoder, VAE or GAN run");
        };
    }

    private LossSpec lossSpec() {
        int n;
        try {
            n = Integer.parseInt(examples.getText().trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 10_000) {
            throw new LabException("examples: a whole number from 1 to 10000");
        }
        return new LossSpec(n, part.getValue(), 1);
    }

    void computeTop() {
        if (!ready()) {
            return;
        }
        int k;
        LossSpec loss;
        try {
            k = Integer.parseInt(topK.getText().trim());
            if (k < 1 || k > 50) {
                throw new NumberFormatException();
            }
            loss = lossSpec();
        } catch (NumberFormatException e) {
            tasks.say("k: a whole number from 1 to 50");
            return;
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        tasks.run(m -> new Object[] {j.hessianTop(loss, k, m), j.hessianTrace(loss,
                GeometryJobs.DEFAULT_TRACE_SAMPLES, m)}, r -> {
            HessianTop top = (HessianTop) r[0];
            HessianTrace trace = (HessianTrace) r[1];
            StringBuilder b = new StringBuilder(report.getText());
            b.append(header(top.info()));
            b.append(String.format(Locale.ROOT, "Top %d eigenvalues (Lanczos, %d products%s, %.1f s):%n", k,
                    top.products(), top.converged() ? "" : ", not all converged", top.info().seconds()));
            for (int i = 0; i < top.size(); i++) {
                b.append(String.format(Locale.ROOT, "  λ%-2d = %s   (residual %.1e)%n", i + 1,
                        fmt(top.eigenvalues()[i]), top.residuals()[i]));
            }
            b.append(trace.summary()).append('\n');
            report.setText(b.toString());
        });
    }

    void computeSpectrum() {
        if (!ready()) {
            return;
        }
        LossSpec loss;
        try {
            loss = lossSpec();
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        boolean exact = parameters <= ExactHessian.MAX_PARAMETERS;
        tasks.run(m -> exact ? j.hessianFull(loss, m) : j.hessianDensity(loss, GeometryJobs.DEFAULT_DENSITY_RUNS,
                GeometryJobs.DEFAULT_DENSITY_STEPS, m), r -> {
            StringBuilder b = new StringBuilder(report.getText());
            if (r instanceof HessianFull f) {
                HessianSpectrum s = f.spectrum();
                chart.showExact(s);
                b.append(header(f.info()));
                b.append(String.format(Locale.ROOT, "Exact spectrum, %d eigenvalues: min %s, max %s%n", s.size(),
                        fmt(s.min()), fmt(s.max())));
                b.append(String.format(Locale.ROOT, "  negative: %.2f %% (λ < −%.0e · max|λ|)%n",
                        100 * f.negativeFraction(), GeometryJobs.NEGATIVE_TOLERANCE));
                b.append("  trace ").append(fmt(f.trace())).append('\n');
            } else if (r instanceof HessianDensity d) {
                SpectralDensity q = d.quadrature();
                chart.showDensity(q);
                b.append(header(d.info()));
                b.append(d.summary());
            }
            report.setText(b.toString());
        });
    }

    private static String header(AnalysisInfo info) {
        return String.format(Locale.ROOT, "%n%s at iteration %d: loss %s on %d examples, %d parameters%n",
                info.objective(), info.iteration(), fmt(info.loss()), info.examples(), info.parameters());
    }

    private boolean ready() {
        if (jobs == null) {
            tasks.say("first train a small model here or open a run");
            return false;
        }
        return true;
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.4e", v)
                : String.format(Locale.ROOT, "%.5f", v);
    }

    SpectrumCanvas chart() {
        return chart;
    }

    ProgressBar progressBar() {
        return tasks.progressBar();
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
                g.fillText("λ = 0", x + 4, top + 12); // above the plot: the axis labels sit below it
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
