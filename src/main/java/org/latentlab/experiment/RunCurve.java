package org.latentlab.experiment;

import java.util.Arrays;

/**
 * One curve of a run, copied out of its statuses: points (x, y) in the order they came, x the iteration (a single D
 * or G step made by hand lies between two iterations). Immutable: the arrays are copies that nobody writes.
 */
public record RunCurve(double[] x, double[] y) {

    public static final RunCurve EMPTY = new RunCurve(new double[0], new double[0]);

    public RunCurve {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many y values as x values");
        }
        x = x.clone();
        y = y.clone();
    }

    public int size() {
        return x.length;
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunCurve c && Arrays.equals(x, c.x) && Arrays.equals(y, c.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "curve of " + x.length + " points" + (x.length == 0 ? "" : " from " + x[0] + " to " + x[x.length - 1]);
    }

    /**
     * A curve as it grows, point by point. A point at the x of the newest one replaces it (a status repeated at a
     * pause). A run longer than {@code capacity} points is thinned to every other point, and from then on only every
     * second point offered is kept (then every fourth, …), so a long run keeps its whole course at an even, coarser
     * step instead of losing its beginning; the newest point always ends the curve.
     */
    public static final class Builder {
        private final int capacity;
        private double[] xs;
        private double[] ys;
        private int n;
        private int stride = 1;
        private long offered;
        private boolean hasNewest;
        private double newestX;
        private double newestY;

        public Builder(int capacity) {
            if (capacity < 4) {
                throw new IllegalArgumentException("a curve keeps at least 4 points, not " + capacity);
            }
            this.capacity = capacity;
            xs = new double[Math.min(capacity, 256)];
            ys = new double[xs.length];
        }

        /** Adds (x, y); a non-finite value cannot be drawn and is skipped. */
        public void add(double x, double y) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                return;
            }
            if (hasNewest && x == newestX) {
                newestY = y;
                if (n > 0 && xs[n - 1] == x) {
                    ys[n - 1] = y;
                }
                return;
            }
            hasNewest = true;
            newestX = x;
            newestY = y;
            long k = offered++;
            if (k % stride != 0) {
                return;
            }
            if (n == capacity) {
                thin();
                if (k % stride != 0) {
                    return;
                }
            }
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, Math.min(capacity, 2 * xs.length));
                ys = Arrays.copyOf(ys, xs.length);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        /** Keeps the points at even places (those offered at multiples of twice the stride) and doubles the stride. */
        private void thin() {
            int m = 0;
            for (int i = 0; i < n; i += 2) {
                xs[m] = xs[i];
                ys[m] = ys[i];
                m++;
            }
            n = m;
            stride *= 2;
        }

        public void clear() {
            n = 0;
            stride = 1;
            offered = 0;
            hasNewest = false;
        }

        /** The curve so far: the kept points, then the newest if it was not kept. */
        public RunCurve build() {
            boolean extra = hasNewest && (n == 0 || xs[n - 1] != newestX);
            double[] x = Arrays.copyOf(xs, n + (extra ? 1 : 0));
            double[] y = Arrays.copyOf(ys, x.length);
            if (extra) {
                x[n] = newestX;
                y[n] = newestY;
            }
            return new RunCurve(x, y);
        }
    }
}
