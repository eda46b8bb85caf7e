package org.latentlab.model.edit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;

/**
 * A position on the builder's canvas, in canvas units (not pixels; the canvas zooms). Written in JSON as
 * {@code [x, y]}.
 */
public record Point(double x, double y) {

    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a position needs finite coordinates, not (" + x + ", " + y + ")");
        }
    }

    /** From JSON: {@code [x, y]}. */
    @JsonCreator
    public static Point of(List<Double> xy) {
        if (xy == null || xy.size() != 2 || xy.get(0) == null || xy.get(1) == null) {
            throw new IllegalArgumentException("a position is [x, y], not " + xy);
        }
        return new Point(xy.get(0), xy.get(1));
    }

    /** {@code [x, y]}, as written in JSON. */
    @JsonValue
    public double[] xy() {
        return new double[] {x, y};
    }

    public Point plus(double dx, double dy) {
        return new Point(x + dx, y + dy);
    }
}
