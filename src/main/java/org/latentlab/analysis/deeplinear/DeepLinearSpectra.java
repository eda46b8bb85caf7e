package org.latentlab.analysis.deeplinear;

import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Hessian spectrum of a {@link DeepLinearNet} at its {@link KnownPoint}s three ways: the closed-form eigenvalues,
 * the eigenvalues of the closed-form Hessian matrix, and those of the Hessian the geometry bench measures for any
 * objective (central differences of the gradient, {@link ExactHessian}); with the gradient's norm, which is 0 at a
 * critical point.
 */
public final class DeepLinearSpectra {

    private DeepLinearSpectra() {
    }

    /** One point's three spectra, each ascending. */
    public record Row(KnownPoint point, double gradientNorm, double[] closedForm, double[] matrix,
                      double[] finiteDifferences) {

        /** The largest gap between the closed form and either computed spectrum. */
        public double maxError() {
            double e = 0;
            for (int k = 0; k < closedForm.length; k++) {
                e = Math.max(e, Math.max(Math.abs(closedForm[k] - matrix[k]),
                        Math.abs(closedForm[k] - finiteDifferences[k])));
            }
            return e;
        }

        /** "−2, 0 (×8), 2": the eigenvalues with repeated zeros counted. */
        public String summary() {
            return summarise(closedForm);
        }
    }

    /** The three spectra at each point. */
    public static List<Row> at(DeepLinearNet net, List<KnownPoint> points) {
        List<Row> rows = new ArrayList<>();
        for (KnownPoint p : points) {
            double[] fd = DeepLinearNet.eigenvalues(ExactHessian.compute(net, p.weights(), Monitor.NONE).matrix());
            rows.add(new Row(p, Vectors.norm(net.gradient(p.weights())), p.eigenvalues(),
                    net.hessianEigenvalues(p.weights()), fd));
        }
        return rows;
    }

    /** Eigenvalues (ascending) written with the zeros counted: {@code −2, 0 (×8), 2}. */
    public static String summarise(double[] ascending) {
        StringBuilder b = new StringBuilder();
        int zeros = 0;
        for (double v : ascending) {
            if (Math.abs(v) < 1e-9) {
                zeros++;
                continue;
            }
            if (zeros > 0) {
                append(b, zeros == 1 ? "0" : "0 (×" + zeros + ")");
                zeros = 0;
            }
            append(b, number(v));
        }
        if (zeros > 0) {
            append(b, zeros == 1 ? "0" : "0 (×" + zeros + ")");
        }
        return b.toString();
    }

    /** Four significant digits, trailing zeros dropped: 20, −0.3355. */
    public static String number(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros()
                .toPlainString();
    }

    private static void append(StringBuilder b, String s) {
        if (b.length() > 0) {
            b.append(", ");
        }
        b.append(s);
    }

    /** The CSV: one line per point and eigenvalue. */
    public static String csv(DeepLinearNet net, List<Row> rows) {
        StringBuilder b = new StringBuilder("depth,point,weights,index,closed_form,matrix,finite_differences,"
                + "gradient_norm\n");
        for (Row r : rows) {
            String w = join(r.point().weights());
            for (int k = 0; k < r.closedForm().length; k++) {
                b.append(net.depth()).append(',').append(r.point().name()).append(",\"").append(w).append("\",")
                        .append(k).append(',').append(r.closedForm()[k]).append(',').append(r.matrix()[k])
                        .append(',').append(r.finiteDifferences()[k]).append(',').append(r.gradientNorm())
                        .append('\n');
            }
        }
        return b.toString();
    }

    /** The Markdown table: one row per point. */
    public static String markdown(DeepLinearNet net, List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Hessian of %s%n%n", net.describe()));
        b.append("| point | w | ‖∇L‖ | eigenvalues (closed form) | max error, matrix / finite differences |\n");
        b.append("|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %.1e | %s | %.1e |%n", r.point().name(),
                    join(r.point().weights()), r.gradientNorm(), r.summary(), r.maxError()));
        }
        return b.toString();
    }

    /**
     * The closed-form spectra for every depth 1..{@code maxDepth} (target t), one row per depth: the depth, the
     * eigenvalues at the origin, at the balanced minimum, at the saddle of weights 1 and 2 with the others 1 ("—"
     * for depth 1), each as {@link #summarise} writes them.
     */
    public static List<String[]> depthRows(int maxDepth, double target) {
        List<String[]> rows = new ArrayList<>();
        for (int d = 1; d <= maxDepth; d++) {
            DeepLinearNet net = new DeepLinearNet(d, target);
            rows.add(new String[] {Integer.toString(d), summarise(KnownPoint.origin(net).eigenvalues()),
                    summarise(KnownPoint.balancedMinimum(net).eigenvalues()),
                    d >= 2 ? summarise(KnownPoint.saddle(net, 0, 1, 1).eigenvalues()) : "—"});
        }
        return rows;
    }

    /** {@link #depthRows} as a Markdown table. */
    public static String depthTable(int maxDepth, double target) {
        StringBuilder b = new StringBuilder("| depth | origin | balanced minimum | saddle w₁ = w₂ = 0 |\n"
                + "|---|---|---|---|\n");
        for (String[] r : depthRows(maxDepth, target)) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }

    static String join(double[] w) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < w.length; k++) {
            b.append(k > 0 ? ", " : "").append(number(w[k]));
        }
        return b.append(')').toString();
    }
}
