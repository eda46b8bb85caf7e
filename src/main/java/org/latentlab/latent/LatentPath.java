package org.latentlab.latent;

import java.util.ArrayList;
import java.util.List;

/**
 * A path through code space that can be scrubbed: key codes k₀, k₁, ... visited in order, each segment
 * interpolated by {@link Interpolation} and given an equal share of t ∈ [0, 1] (t = 0 is k₀, t = 1 the last key).
 * The keys are copied in and never handed out, so a path is immutable.
 */
public final class LatentPath {

    private final List<double[]> keys;
    private final Interpolation.Method method;

    private LatentPath(List<double[]> keys, Interpolation.Method method) {
        if (keys.size() < 2) {
            throw new IllegalArgumentException("a path needs at least 2 key codes, not " + keys.size());
        }
        if (method == null) {
            throw new IllegalArgumentException("a path needs an interpolation method");
        }
        List<double[]> copy = new ArrayList<>(keys.size());
        for (double[] k : keys) {
            LatentArithmetic.requireSize(k, keys.get(0).length);
            copy.add(k.clone());
        }
        this.keys = List.copyOf(copy);
        this.method = method;
    }

    /** From a to b. */
    public static LatentPath between(double[] a, double[] b, Interpolation.Method method) {
        return new LatentPath(List.of(a, b), method);
    }

    /** Through the keys in order. */
    public static LatentPath through(List<double[]> keys, Interpolation.Method method) {
        return new LatentPath(keys, method);
    }

    /** Through the keys and back to the first: an animation that loops without a jump. */
    public static LatentPath loop(List<double[]> keys, Interpolation.Method method) {
        List<double[]> closed = new ArrayList<>(keys);
        if (!keys.isEmpty()) {
            closed.add(keys.get(0));
        }
        return new LatentPath(closed, method);
    }

    /** The code at t ∈ [0, 1] (clamped). */
    public double[] at(double t) {
        double u = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        int segments = keys.size() - 1;
        double s = u * segments;
        int i = Math.min((int) Math.floor(s), segments - 1);
        return Interpolation.at(method, keys.get(i), keys.get(i + 1), s - i);
    }

    /**
     * n codes evenly spaced in t from 0 to 1 inclusive (n = 1: the first key). For a {@link #loop} pass
     * {@code inclusiveEnd = false} so that the last frame is not a repeat of the first.
     */
    public double[][] frames(int n, boolean inclusiveEnd) {
        if (n < 1) {
            throw new IllegalArgumentException("a path needs at least 1 frame, not " + n);
        }
        double[][] out = new double[n][];
        int steps = inclusiveEnd ? n - 1 : n;
        for (int i = 0; i < n; i++) {
            out[i] = at(steps == 0 ? 0 : (double) i / steps);
        }
        return out;
    }

    /** n frames from start to end, both included. */
    public double[][] frames(int n) {
        return frames(n, true);
    }

    public int keyCount() {
        return keys.size();
    }

    /** A copy of key i. */
    public double[] key(int i) {
        return keys.get(i).clone();
    }

    public Interpolation.Method method() {
        return method;
    }

    public int dimension() {
        return keys.get(0).length;
    }

    @Override
    public String toString() {
        return method.id() + " path through " + keys.size() + " codes of " + dimension() + " dimensions";
    }
}
