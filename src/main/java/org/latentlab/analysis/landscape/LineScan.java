package org.latentlab.analysis.landscape;

import org.latentlab.analysis.Objective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The loss along the line θ(α) = (1 − α)·θ₀ + α·θ₁ (Goodfellow, Vinyals &amp; Saxe 2015, "Qualitatively
 * characterizing neural network optimization problems": from the initial to the final parameters; Li et al. 2018
 * §3: between two solutions). The default range α ∈ [−0.5, 1.5] shows a little beyond both ends.
 *
 * @param alpha the positions, ascending
 * @param loss  L(θ(α)) at each
 */
public record LineScan(double[] alpha, double[] loss) {

    public static final double DEFAULT_FROM = -0.5;
    public static final double DEFAULT_TO = 1.5;

    public LineScan {
        if (alpha.length != loss.length) {
            throw new IllegalArgumentException("one loss per position");
        }
    }

    /** The loss at {@code points} equally spaced α in [−0.5, 1.5]. */
    public static LineScan between(Objective objective, double[] theta0, double[] theta1, int points,
                                   Monitor monitor) {
        return between(objective, theta0, theta1, DEFAULT_FROM, DEFAULT_TO, points, monitor);
    }

    /** The loss at {@code points} equally spaced α in [from, to]. */
    public static LineScan between(Objective objective, double[] theta0, double[] theta1, double from, double to,
                                   int points, Monitor monitor) {
        if (theta0.length != objective.dimension() || theta1.length != objective.dimension()) {
            throw new LabException("both end points must have the model's " + objective.dimension() + " parameters");
        }
        if (points < 2 || !(to > from)) {
            throw new IllegalArgumentException("a line scan needs at least 2 points and to > from");
        }
        double[] alpha = new double[points];
        double[] loss = new double[points];
        double[] p = new double[theta0.length];
        for (int i = 0; i < points; i++) {
            monitor.checkCancelled();
            double t = from + (to - from) * i / (points - 1);
            alpha[i] = t;
            for (int k = 0; k < p.length; k++) {
                p[k] = (1 - t) * theta0[k] + t * theta1[k];
            }
            loss[i] = objective.loss(p);
            monitor.progress((i + 1.0) / points, "line: " + (i + 1) + " of " + points + " points");
        }
        return new LineScan(alpha, loss);
    }

    /** Writes {@code alpha,loss} rows with a header, atomically. */
    public void writeCsv(Path file) {
        org.latentlab.core.AtomicFiles.write(file, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("alpha,loss\n");
            for (int i = 0; i < alpha.length; i++) {
                w.write(alpha[i] + "," + loss[i] + "\n");
            }
            w.flush();
        });
    }

    @Override
    public String toString() {
        return "LineScan " + alpha.length + " points over [" + alpha[0] + ", " + alpha[alpha.length - 1] + "]";
    }
}
