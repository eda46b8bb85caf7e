package org.latentlab.experiment.relu;

import org.latentlab.analysis.relu.FitTarget;
import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.LinearRegions;
import org.latentlab.analysis.relu.ReluNet;
import org.latentlab.analysis.relu.ReluRegression;
import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Linear pieces against depth at (nearly) equal parameter count (Montúfar, Pascanu, Cho and Bengio 2014, "On the
 * number of linear regions of deep neural networks"): for each depth the width whose net of one input has the
 * parameter count closest to the budget; pieces on [0, 1] counted exactly at He initialisation and after training
 * on the target, means over random initialisations; activation regions of the square [-1, 1]² at initialisation for
 * the net of two inputs of the same shape; and Telgarsky's sawtooth of the same depth (2^L pieces from 6L − 1
 * parameters) as what depth can buy.
 *
 * @param budget     the parameter count aimed at
 * @param target     the function the nets are trained on
 * @param iterations Adam steps per training
 * @param seeds      random initialisations per depth
 * @param rows       one row per depth
 */
public record PieceSweep(int budget, String target, int iterations, int seeds, List<Row> rows) {

    /**
     * One depth.
     *
     * @param depth          hidden layers
     * @param width          units per layer
     * @param parameters     parameters of the net of one input
     * @param initPieces     mean pieces at initialisation
     * @param initSd         their standard deviation
     * @param trainedPieces  mean pieces after training
     * @param trainedSd      their standard deviation
     * @param trainedMse     mean training loss at the end
     * @param initRegions2d  mean regions of [-1, 1]² at initialisation (two inputs)
     * @param sawtoothPieces 2^depth
     */
    public record Row(int depth, int width, int parameters, double initPieces, double initSd, double trainedPieces,
                      double trainedSd, double trainedMse, double initRegions2d, long sawtoothPieces) {
    }

    public PieceSweep {
        rows = List.copyOf(rows);
    }

    /** The width at this depth whose parameter count (given inputs) is closest to the budget. */
    public static int widthFor(int inputs, int depth, int budget) {
        int best = 1;
        for (int w = 1; w <= 4096; w++) {
            if (Math.abs(ReluNet.parameterCount(ReluNet.sizes(inputs, depth, w)) - budget)
                    < Math.abs(ReluNet.parameterCount(ReluNet.sizes(inputs, depth, best)) - budget)) {
                best = w;
            }
        }
        return best;
    }

    /** Runs the sweep over depths 1..maxDepth. */
    public static PieceSweep run(int budget, int maxDepth, String target, int iterations, int seeds,
                                 Monitor monitor) {
        FitTarget f = new FitTarget(target, 1);
        double[][] xs = ReluRegression.grid1(0, 1, 256);
        double[] ys = f.values(xs);
        List<Row> rows = new ArrayList<>();
        for (int depth = 1; depth <= maxDepth; depth++) {
            int width = widthFor(1, depth, budget);
            int[] sizes = ReluNet.sizes(1, depth, width);
            int width2 = widthFor(2, depth, budget);
            double[] init = new double[seeds];
            double[] trained = new double[seeds];
            double mse = 0;
            double regions = 0;
            for (int s = 0; s < seeds; s++) {
                monitor.checkCancelled();
                monitor.progress(((depth - 1) * seeds + s) / (double) (maxDepth * seeds), String.format(Locale.ROOT,
                        "depth %d of %d, initialisation %d of %d", depth, maxDepth, s + 1, seeds));
                ReluNet start = ReluNet.random(sizes, 0.1, new Random(1000L * depth + s));
                init[s] = LinearPieces.of(start, 0, 1).pieces();
                ReluRegression r = new ReluRegression(start, xs, ys, 0.005);
                for (int i = 0; i < iterations; i++) {
                    r.step();
                }
                mse += r.lossAndGradient() / seeds;
                trained[s] = LinearPieces.of(r.net(), 0, 1).pieces();
                ReluNet plane = ReluNet.random(ReluNet.sizes(2, depth, width2), 0.1, new Random(2000L * depth + s));
                regions += LinearRegions.of(plane, -1, 1, -1, 1).count() / (double) seeds;
            }
            rows.add(new Row(depth, width, ReluNet.parameterCount(sizes), mean(init), sd(init), mean(trained),
                    sd(trained), mse, regions, 1L << Math.min(depth, 62)));
        }
        monitor.progress(1, "done");
        return new PieceSweep(budget, target, iterations, seeds, rows);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
