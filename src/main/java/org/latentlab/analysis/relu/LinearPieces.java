package org.latentlab.analysis.relu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The exact linear pieces of a ReLU net of one input on an interval [lo, hi]. On a stretch where the activation
 * pattern is fixed, every unit's pre-activation is an affine function α x + β of the input, carried forward layer
 * by layer with the inactive units set to zero; the pattern holds until the first root of one of them ahead. The
 * walk starts at lo, takes the pattern just ahead of the current point, moves to the nearest root where a unit
 * switches, and repeats until hi (Raghu et al. 2017, section 2.1; Hanin and Rolnick 2019, section 3). Pieces
 * shorter than {@code 1e-9 (hi - lo)} are not resolved.
 *
 * @param lo       left end
 * @param hi       right end
 * @param segments the stretches of fixed activation pattern, left to right, touching
 */
public record LinearPieces(double lo, double hi, List<Segment> segments) {

    /** A stretch [from, to] on which the net is {@code slope · x + intercept} with one activation pattern. */
    public record Segment(double from, double to, double slope, double intercept, BitSet pattern) {

        public double at(double x) {
            return slope * x + intercept;
        }
    }

    public LinearPieces {
        segments = List.copyOf(segments);
    }

    /** Walks {@code net} (one input) from lo to hi. */
    public static LinearPieces of(ReluNet net, double lo, double hi) {
        if (net.inputs() != 1) {
            throw new IllegalArgumentException("linear pieces along a line need a net of one input, not " + net);
        }
        if (!(hi > lo)) {
            throw new IllegalArgumentException("the interval needs lo < hi, not [" + lo + ", " + hi + "]");
        }
        double ahead = 1e-9 * (hi - lo);
        int[] sizes = net.sizes();
        List<Segment> out = new ArrayList<>();
        double t = lo;
        while (t < hi) {
            double probe = t + ahead;
            double next = hi;
            BitSet pattern = new BitSet();
            int unit = 0;
            double[] alpha = {1};
            double[] beta = {0};
            for (int l = 1; l < sizes.length; l++) {
                boolean hidden = l < sizes.length - 1;
                double[] a = new double[sizes[l]];
                double[] b = new double[sizes[l]];
                for (int j = 0; j < sizes[l]; j++) {
                    double sa = 0;
                    double sb = net.bias(l, j);
                    for (int i = 0; i < alpha.length; i++) {
                        double w = net.weight(l, j, i);
                        sa += w * alpha[i];
                        sb += w * beta[i];
                    }
                    if (hidden) {
                        boolean active = sa * probe + sb > 0;
                        if (sa != 0) {
                            double root = -sb / sa;
                            if (root > probe && root < next) {
                                next = root;
                            }
                        }
                        if (active) {
                            pattern.set(unit + j);
                        } else {
                            sa = 0;
                            sb = 0;
                        }
                    }
                    a[j] = sa;
                    b[j] = sb;
                }
                unit += hidden ? sizes[l] : 0;
                alpha = a;
                beta = b;
            }
            Segment s = new Segment(t, next, alpha[0], beta[0], pattern);
            if (!out.isEmpty() && out.get(out.size() - 1).pattern().equals(pattern)) {
                Segment last = out.remove(out.size() - 1);
                s = new Segment(last.from(), next, s.slope(), s.intercept(), pattern);
            }
            out.add(s);
            t = next;
        }
        return new LinearPieces(lo, hi, out);
    }

    /** Stretches of one activation pattern (activation regions along the line). */
    public int activationRegions() {
        return segments.size();
    }

    /** Where the activation pattern changes, inside (lo, hi). */
    public double[] patternBreaks() {
        double[] x = new double[segments.size() - 1];
        for (int i = 1; i < segments.size(); i++) {
            x[i - 1] = segments.get(i).from();
        }
        return x;
    }

    /**
     * Where the function's slope changes, inside (lo, hi): the pattern breaks at which the slopes either side
     * differ by more than {@code 1e-9} relative (a unit can switch without changing the output, e.g. when its
     * outgoing weights are zero).
     */
    public double[] kinks() {
        List<Double> k = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            double s0 = segments.get(i - 1).slope();
            double s1 = segments.get(i).slope();
            if (Math.abs(s1 - s0) > 1e-9 * Math.max(1, Math.max(Math.abs(s0), Math.abs(s1)))) {
                k.add(segments.get(i).from());
            }
        }
        return k.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Linear pieces of the function: kinks + 1. */
    public int pieces() {
        return kinks().length + 1;
    }

    /** The function as an exact polyline: lo, every kink, hi, with the net's values there. */
    public double[][] polyline() {
        double[] k = kinks();
        double[] xs = new double[k.length + 2];
        xs[0] = lo;
        System.arraycopy(k, 0, xs, 1, k.length);
        xs[xs.length - 1] = hi;
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = valueAt(xs[i]);
        }
        return new double[][] {xs, ys};
    }

    /** The net's value at x in [lo, hi], from the segment that holds it. */
    public double valueAt(double x) {
        for (Segment s : segments) {
            if (x <= s.to()) {
                return s.at(x);
            }
        }
        return segments.get(segments.size() - 1).at(x);
    }
}
