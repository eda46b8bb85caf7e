package org.latentlab.analysis.toy;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * The path an optimiser takes on an {@link Objective} from a start point: the points θ₀, θ₁, … with their losses,
 * and why it stopped. Written for the toy surfaces, where the bench draws it over the contours, but any objective
 * works (Newton needs the full Hessian, so only small ones).
 * <ul>
 *   <li>{@link Method#GRADIENT_DESCENT}: θ ← θ − η ∇L;</li>
 *   <li>{@link Method#MOMENTUM}: heavy ball (Polyak 1964), v ← μ v − η ∇L, θ ← θ + v, μ = 0.9;</li>
 *   <li>{@link Method#ADAM}: Kingma &amp; Ba 2015 with β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and bias correction;</li>
 *   <li>{@link Method#NEWTON}: θ ← θ − η H⁻¹∇L, the Hessian from {@link ExactHessian}; it is attracted to any
 *       critical point, saddles included (Dauphin et al. 2014), which is what the bench shows, and stops where the
 *       Hessian is singular (x² + y⁴ near y = 0).</li>
 * </ul>
 * It stops early when the loss becomes non-finite or |θ| exceeds {@link #DIVERGENCE_NORM} (diverged), when the
 * gradient vanishes (‖∇L‖ ≤ {@link #CONVERGENCE_GRADIENT}) or when Newton meets a singular Hessian.
 *
 * @param method the optimiser
 * @param points θ₀ (the start), θ₁, …
 * @param losses L at each point (the last may be non-finite when diverged)
 * @param stop   why the path ends
 */
public record OptimizerPath(Method method, List<double[]> points, double[] losses, Stop stop) {

    /** The optimisers. */
    public enum Method { GRADIENT_DESCENT, MOMENTUM, ADAM, NEWTON }

    /** Why a path ended. */
    public enum Stop { STEPS_DONE, CONVERGED, DIVERGED, SINGULAR_HESSIAN }

    public static final double DIVERGENCE_NORM = 1e6;
    public static final double CONVERGENCE_GRADIENT = 1e-8;
    public static final double MOMENTUM = 0.9;

    public OptimizerPath {
        points = List.copyOf(points);
    }

    /** Runs {@code method} with step size (learning rate) η for at most {@code steps} steps from {@code start}. */
    public static OptimizerPath run(Objective objective, double[] start, Method method, double stepSize, int steps,
                                    Monitor monitor) {
        if (start.length != objective.dimension()) {
            throw new IllegalArgumentException("the start point has " + start.length + " values, the objective "
                    + objective.dimension());
        }
        if (!(stepSize > 0) || steps < 0) {
            throw new IllegalArgumentException("the step size must be positive and the steps at least 0");
        }
        int n = start.length;
        List<double[]> points = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        double[] theta = start.clone();
        points.add(theta.clone());
        double loss = objective.loss(theta);
        losses.add(loss);
        double[] v = new double[n];
        double[] m = new double[n];
        double[] s = new double[n];
        Stop stop = Stop.STEPS_DONE;
        if (!Double.isFinite(loss)) {
            stop = Stop.DIVERGED;
        }
        for (int t = 1; t <= steps && stop == Stop.STEPS_DONE; t++) {
            monitor.checkCancelled();
            double[] g = objective.gradient(theta);
            if (Vectors.norm(g) <= CONVERGENCE_GRADIENT) {
                stop = Stop.CONVERGED;
                break;
            }
            switch (method) {
                case GRADIENT_DESCENT -> Vectors.addScaledInPlace(theta, -stepSize, g);
                case MOMENTUM -> {
                    for (int i = 0; i < n; i++) {
                        v[i] = MOMENTUM * v[i] - stepSize * g[i];
                        theta[i] += v[i];
                    }
                }
                case ADAM -> {
                    double b1 = 0.9;
                    double b2 = 0.999;
                    for (int i = 0; i < n; i++) {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i];
                        double mHat = m[i] / (1 - Math.pow(b1, t));
                        double sHat = s[i] / (1 - Math.pow(b2, t));
                        theta[i] -= stepSize * mHat / (Math.sqrt(sHat) + 1e-8);
                    }
                }
                case NEWTON -> {
                    double[] step = newtonStep(objective, theta, g);
                    if (step == null) {
                        stop = Stop.SINGULAR_HESSIAN;
                        continue;
                    }
                    Vectors.addScaledInPlace(theta, -stepSize, step);
                }
            }
            loss = objective.loss(theta);
            points.add(theta.clone());
            losses.add(loss);
            if (!Double.isFinite(loss) || !(Vectors.norm(theta) <= DIVERGENCE_NORM)) {
                stop = Stop.DIVERGED;
            }
            monitor.progress((double) t / steps, method + ": step " + t + " of " + steps);
        }
        double[] l = new double[losses.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = losses.get(i);
        }
        return new OptimizerPath(method, points, l, stop);
    }

    /**
     * H⁻¹ g through the eigendecomposition of H, or null when H is singular: an eigenvalue that
     * {@link CriticalPoint} counts as zero (|λ| ≤ 1e-6 · max(1, max |λ|), above the finite differences' noise).
     */
    private static double[] newtonStep(Objective objective, double[] theta, double[] g) {
        HessianSpectrum s = ExactHessian.compute(objective, theta, Monitor.NONE).spectrum(true);
        double zero = CriticalPoint.EIGENVALUE_TOLERANCE * Math.max(1, Math.max(Math.abs(s.min()), Math.abs(s.max())));
        double[] step = new double[theta.length];
        for (int k = 0; k < s.size(); k++) {
            double lambda = s.eigenvalues()[k];
            if (!(Math.abs(lambda) > zero)) {
                return null;
            }
            double[] u = s.eigenvectors()[k];
            Vectors.addScaledInPlace(step, Vectors.dot(u, g) / lambda, u);
        }
        return step;
    }

    /** The last point. */
    public double[] end() {
        return points.get(points.size() - 1).clone();
    }

    /** The number of steps taken. */
    public int steps() {
        return points.size() - 1;
    }

    @Override
    public String toString() {
        return method + " path of " + steps() + " steps from " + java.util.Arrays.toString(points.get(0)) + " to "
                + java.util.Arrays.toString(points.get(points.size() - 1)) + ", loss " + losses[0] + " -> "
                + losses[losses.length - 1] + " (" + stop + ")";
    }
}
