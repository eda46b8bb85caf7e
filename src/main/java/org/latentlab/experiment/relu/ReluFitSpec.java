package org.latentlab.experiment.relu;

import org.latentlab.analysis.relu.FitTarget;
import org.latentlab.analysis.relu.ReluNet;
import org.latentlab.analysis.relu.ReluRegression;

import java.util.Locale;

/**
 * One regression of the lecture, as its preset files write it: the function, its input range, the net and the
 * training. Validated here, so a file or a form that names an impossible fit fails with a message.
 *
 * @param name         the preset's name
 * @param description  what it shows
 * @param function     a formula in x (or x and y), or {@code sawtooth K}
 * @param inputs       1 (a curve) or 2 (a surface)
 * @param lo           the range's low end (each input)
 * @param hi           the range's high end
 * @param depth        hidden layers
 * @param width        units per hidden layer
 * @param samples      training points (a curve) or points per side (a surface)
 * @param iterations   full-batch Adam steps
 * @param learningRate Adam's step size
 * @param seed         the initial weights' seed
 */
public record ReluFitSpec(String name, String description, String function, int inputs, double lo, double hi,
                          int depth, int width, int samples, int iterations, double learningRate, long seed) {

    public ReluFitSpec {
        if (name == null || !name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a fit's name is lower-case letters, digits and dashes, not '" + name
                    + "'");
        }
        description = description == null ? "" : description;
        new FitTarget(function, inputs);
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the range needs lo < hi, not [" + lo + ", " + hi + "]");
        }
        if (depth < 1 || depth > 12) {
            throw new IllegalArgumentException("depth is 1 to 12 hidden layers, not " + depth);
        }
        if (width < 1 || width > 128) {
            throw new IllegalArgumentException("width is 1 to 128 units, not " + width);
        }
        int most = inputs == 1 ? 4096 : 128;
        if (samples < 2 || samples > most) {
            throw new IllegalArgumentException("samples is 2 to " + most + (inputs == 1 ? "" : " per side")
                    + ", not " + samples);
        }
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("iterations is 1 to 1,000,000, not " + iterations);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("the learning rate is between 0 and 1, not " + learningRate);
        }
    }

    public FitTarget target() {
        return new FitTarget(function, inputs);
    }

    public int[] sizes() {
        return ReluNet.sizes(inputs, depth, width);
    }

    /** The training inputs: evenly spaced points on [lo, hi], or a grid on [lo, hi]². */
    public double[][] trainingInputs() {
        return inputs == 1 ? ReluRegression.grid1(lo, hi, samples) : ReluRegression.grid2(lo, hi, samples);
    }

    public ReluFitSpec withFunction(String f) {
        return new ReluFitSpec(name, description, f, inputs, lo, hi, depth, width, samples, iterations,
                learningRate, seed);
    }

    public ReluFitSpec withNet(int newDepth, int newWidth) {
        return new ReluFitSpec(name, description, function, inputs, lo, hi, newDepth, newWidth, samples, iterations,
                learningRate, seed);
    }

    public ReluFitSpec withIterations(int n) {
        return new ReluFitSpec(name, description, function, inputs, lo, hi, depth, width, samples, n, learningRate,
                seed);
    }

    public ReluFitSpec withSeed(long s) {
        return new ReluFitSpec(name, description, function, inputs, lo, hi, depth, width, samples, iterations,
                learningRate, s);
    }

    /** Reads like the experiment: {@code x^2 on [0, 1] by MLP 1-8-8-1 relu, 3000 Adam steps}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s on [%s, %s]%s by %s, %d Adam steps", function, num(lo), num(hi),
                inputs == 2 ? "²" : "", new ReluNet(sizes(), new double[ReluNet.parameterCount(sizes())]),
                iterations);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }
}
