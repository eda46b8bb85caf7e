package org.latentlab.analysis.toy;

import org.latentlab.analysis.Objective;

/**
 * A 2-D slice of an objective: parameters i and j free, all others held at their values in {@code at}. For a
 * 2-parameter objective with i = 0, j = 1 it is the objective itself; for (1 − w₁w₂w₃)² it is the surface in
 * (w₁, w₂) at fixed w₃.
 *
 * @param base    the objective sliced
 * @param id      an id for files
 * @param formula what a person reads
 * @param i       the parameter on the x axis
 * @param j       the parameter on the y axis
 * @param at      the full parameter vector supplying the fixed values (its entries i and j are ignored)
 * @param view    the default view
 */
public record Slice(Objective base, String id, String formula, int i, int j, double[] at, ViewRange view)
        implements ToySurface {

    public Slice {
        if (at.length != base.dimension() || i == j || i < 0 || j < 0 || i >= at.length || j >= at.length) {
            throw new IllegalArgumentException("a slice needs two different parameters of the objective and a"
                    + " value for every parameter");
        }
        at = at.clone();
    }

    /** The full parameter vector at slice coordinates (x, y). */
    public double[] embed(double[] xy) {
        double[] p = at.clone();
        p[i] = xy[0];
        p[j] = xy[1];
        return p;
    }

    @Override
    public double loss(double[] xy) {
        return base.loss(embed(xy));
    }

    @Override
    public double[] gradient(double[] xy) {
        double[] g = base.gradient(embed(xy));
        return new double[] {g[i], g[j]};
    }

    @Override
    public ViewRange defaultView() {
        return view;
    }

    @Override
    public String toString() {
        return id + ": " + formula;
    }
}
