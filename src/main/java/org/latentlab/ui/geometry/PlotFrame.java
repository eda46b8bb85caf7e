package org.latentlab.ui.geometry;

import org.latentlab.analysis.toy.ViewRange;

/**
 * A square plot on a canvas showing {@code view} of the parameter plane: its left and top edges and its side in
 * pixels, with the mapping between parameter points and canvas positions (y grows upwards on the plot).
 */
record PlotFrame(ViewRange view, double left, double top, double side) {

    /** The canvas position of parameter point (x, y). */
    double[] toCanvas(double x, double y) {
        return new double[] {left + (x - view.xMin()) / (view.xMax() - view.xMin()) * side,
                top + side - (y - view.yMin()) / (view.yMax() - view.yMin()) * side};
    }

    /** The parameter point under canvas position (cx, cy), or null outside the plot. */
    double[] toParameters(double cx, double cy) {
        double u = (cx - left) / side;
        double v = 1 - (cy - top) / side;
        if (u < 0 || u > 1 || v < 0 || v > 1) {
            return null;
        }
        return new double[] {view.xMin() + u * (view.xMax() - view.xMin()),
                view.yMin() + v * (view.yMax() - view.yMin())};
    }

    /** Whether parameter point (x, y) lies in the view. */
    boolean contains(double x, double y) {
        return x >= view.xMin() && x <= view.xMax() && y >= view.yMin() && y <= view.yMax();
    }
}
