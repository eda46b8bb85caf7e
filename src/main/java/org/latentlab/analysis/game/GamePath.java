package org.latentlab.analysis.game;

import java.util.Locale;

/**
 * A path of the bilinear game's players: (x[t], y[t]) for t = 0..steps, the start at t = 0, under one kind of
 * gradient step with step size eta.
 */
public record GamePath(double[] x, double[] y, double eta, BilinearGame.Updates updates) {

    public GamePath {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y need the same, positive length, got " + x.length + " and "
                    + y.length);
        }
        x = x.clone();
        y = y.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of steps (points − 1). */
    public int steps() {
        return x.length - 1;
    }

    /** The distance of point t from the equilibrium (0, 0). */
    public double radius(int t) {
        return Math.hypot(x[t], y[t]);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s steps, η %s, %d steps from (%s, %s) to (%.4g, %.4g)",
                updates.label(), eta, steps(), x[0], y[0], x[steps()], y[steps()]);
    }
}
