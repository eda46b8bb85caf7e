package org.latentlab.experiment.geometry;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loss along the straight line θ(α) = (1 − α)·θ₀ + α·θ₁ from θ₀ (the initial parameters, or another checkpoint)
 * to θ₁, the checkpoint analysed (Goodfellow, Vinyals &amp; Saxe 2015; between two solutions: Li et al. 2018 §3).
 *
 * @param info      what was analysed (its loss is the loss at θ₁)
 * @param start     what θ₀ is, for a person ("initialisation recreated from the spec, seed 1", "checkpoint iter-500")
 * @param end       what θ₁ is
 * @param alpha     the positions, ascending
 * @param loss      L(θ(α)) at each
 * @param startLoss L(θ₀), α = 0
 * @param endLoss   L(θ₁), α = 1
 * @param distance  ‖θ₁ − θ₀‖
 */
public record LineResult(AnalysisInfo info, String start, String end, double[] alpha, double[] loss,
                         double startLoss, double endLoss, double distance) {

    public LineResult {
        if (info == null || start == null || end == null || alpha == null || loss == null) {
            throw new IllegalArgumentException("a line result needs info, both ends and the samples");
        }
        if (alpha.length != loss.length || alpha.length < 2) {
            throw new IllegalArgumentException("one loss per position, at least two");
        }
    }

    /** Writes {@code alpha,loss} rows under two comment lines naming the ends, atomically. */
    public void writeCsv(Path file) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < alpha.length; i++) {
            rows.add(List.of(alpha[i], loss[i]));
        }
        try {
            CsvTable.write(file, List.of("line from " + oneLine(start) + " (alpha 0) to " + oneLine(end)
                    + " (alpha 1), distance " + distance, oneLine(info.objective()) + ", run " + info.run()),
                    List.of("alpha", "loss"), rows);
        } catch (LabException e) {
            throw new LabException("could not write the line to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The smallest loss on the line and where it is. */
    public double[] minimum() {
        int best = 0;
        for (int i = 1; i < loss.length; i++) {
            if (loss[i] < loss[best] || Double.isNaN(loss[best])) {
                best = i;
            }
        }
        return new double[] {alpha[best], loss[best]};
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "line from %s to %s: L(0) = %.6g, L(1) = %.6g, %d points", start, end,
                startLoss, endLoss, alpha.length);
    }
}
