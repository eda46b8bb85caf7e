package org.latentlab.analysis.toy;

/** The rectangle [xMin, xMax] × [yMin, yMax] a surface is first shown on. */
public record ViewRange(double xMin, double xMax, double yMin, double yMax) {

    public ViewRange {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("a view needs max > min on both axes");
        }
    }

    /** The square [−r, r]². */
    public static ViewRange square(double r) {
        return new ViewRange(-r, r, -r, r);
    }

    @Override
    public String toString() {
        return "[" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "]";
    }
}
