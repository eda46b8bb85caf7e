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
 * It stops early
 * <ul>
 *   <li>when it has converged: ‖∇L‖ ≤ {@link CriticalPoint#GRADIENT_TOLERANCE}, the very rule by which
 *       {@link CriticalPoint} calls a point critical, so a path that says "converged" ends on a critical point and
 *       one that ran out of steps with a larger gradient does not (one rule, {@link #CONVERGENCE_RULE});</li>
 *   <li>when it has diverged: the loss is no longer finite, or θ has run more than {@link #ESCAPE_FACTOR} times
 *       max(1, ‖θ₀‖) away from the origin (far outside any view of a toy surface); {@link #divergence()} says
 *       whether the loss rose (the step overshoots: compared with 2/λ_max at the start) or fell without end (the
 *       loss is unbounded below that way, which no step size cures);</li>
 *   <li>when Newton meets a singular Hessian.</li>
 * </ul>
 *
 * @param method     the optimiser
 * @param stepSize   η
 * @param points     θ₀ (the start), θ₁, …
 * @param losses     L at each point (the last may be non-finite when diverged)
 * @param stop       why the path ends
 * @param divergence why it diverged, when {@code stop} is {@link Stop#DIVERGED}; null otherwise
 */
public record OptimizerPath(Method method, double stepSize, List<double[]> points, double[] losses, Stop stop,
                            Divergence divergence) {

    /** The optimisers. */
    public enum Method { GRADIENT_DESCENT, MOMENTUM, ADAM, NEWTON }

    /** Why a path ended. */
    public enum Stop { STEPS_DONE, CONVERGED, DIVERGED, SINGULAR_HESSIAN }

    /** A path has diverged once ‖θ‖ exceeds this times max(1, ‖θ₀‖). */
    public static final double ESCAPE_FACTOR = 100;
    /** Converged: ‖∇L‖ at most this; the same number {@link CriticalPoint} calls zero. */
    public static final double CONVERGENCE_GRADIENT = CriticalPoint.GRADIENT_TOLERANCE;
    /** The stopping and critical-point rule in words, for screens and the command line. */
    public static final String CONVERGENCE_RULE = "converged = critical point: |∇L| ≤ "
            + CriticalPoint.GRADIENT_TOLERANCE;
    public static final double MOMENTUM = 0.9;

    /**
     * Why a path diverged.
     *
     * @param overshoot    true when the loss rose (|steps| too large for the curvature), false when it fell
     *                     without end or became non-finite going down
     * @param startLoss    L(θ₀)
     * @param endLoss      L at the last point
     * @param endNorm      ‖θ‖ at the last point
     * @param lambdaMax    the largest Hessian eigenvalue at θ₀ (NaN when it could not be computed)
     * @param stableStep   the largest step size that is stable on a quadratic with that curvature (2/λ_max for
     *                     gradient descent, 2(1 + μ)/λ_max with momentum μ, 2 for Newton); NaN for Adam or when
     *                     λ_max ≤ 0
     */
    public record Divergence(boolean overshoot, double startLoss, double endLoss, double endNorm, double lambdaMax,
                             double stableStep) {
    }

    public OptimizerPath {
        points = List.copyOf(points);
        if ((stop == Stop.DIVERGED) != (divergence != null)) {
            throw new IllegalArgumentException("a diverged path, and only one, says why it diverged");
        }
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
        if (!Double.isFinite(loss) || !Vectors.allFinite(objective.gradient(theta))) {
            throw new IllegalArgumentException("L = " + objective.describe() + " is not defined (not finite) at "
                    + java.util.Arrays.toString(start) + ": start somewhere else");
        }
        double escape = ESCAPE_FACTOR * Math.max(1, Vectors.norm(start));
        Stop stop = Stop.STEPS_DONE;
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
            if (!Double.isFinite(loss) || !(Vectors.norm(theta) <= escape)) {
                stop = Stop.DIVERGED;
            }
            monitor.progress((double) t / steps, method + ": step " + t + " of " + steps);
        }
        if (stop == Stop.STEPS_DONE && Vectors.allFinite(theta)
                && Vectors.norm(objective.gradient(theta)) <= CONVERGENCE_GRADIENT) {
            stop = Stop.CONVERGED; // the last step landed on a critical point
        }
        double[] l = new double[losses.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = losses.get(i);
        }
        Divergence why = stop == Stop.DIVERGED ? diagnose(objective, start, method, l, theta) : null;
        return new OptimizerPath(method, stepSize, points, l, stop, why);
    }

    private static Divergence diagnose(Objective objective, double[] start, Method method, double[] losses,
                                       double[] end) {
        double first = losses[0];
        double last = losses[losses.length - 1];
        // the loss rose (or blew up to +∞ / NaN): the steps overshoot; it fell to −∞: unbounded below
        boolean overshoot = !(last < first);
        double lambdaMax = Double.NaN;
        try {
            lambdaMax = ExactHessian.compute(objective, start, Monitor.NONE).spectrum(false).max();
        } catch (RuntimeException notComputable) {
            // leave NaN: the hint then says only "smaller η"
        }
        double stable = Double.NaN;
        if (lambdaMax > 0) {
            stable = switch (method) {
                case GRADIENT_DESCENT -> 2 / lambdaMax;
                case MOMENTUM -> 2 * (1 + MOMENTUM) / lambdaMax;
                case NEWTON -> 2;
                case ADAM -> Double.NaN;
            };
        }
        return new Divergence(overshoot, first, last, Vectors.norm(end), lambdaMax, stable);
    }

    /** Why the path ended, in a sentence: the stop, with the gradient at the end or the divergence's cause. */
    public String explain(Objective objective) {
        double[] last = end();
        return switch (stop) {
            case CONVERGED -> "converged after " + steps() + " steps: |∇L| ≤ " + CONVERGENCE_GRADIENT
                    + " (a critical point)";
            case STEPS_DONE -> String.format(java.util.Locale.ROOT, "stopped after %d steps without converging:"
                    + " |∇L| = %.3g at the end, above the %.0e that makes a critical point; more steps or another η",
                    steps(), Vectors.norm(objective.gradient(last)), CONVERGENCE_GRADIENT);
            case SINGULAR_HESSIAN -> "stopped after " + steps() + " steps: the Hessian is singular here, so the"
                    + " Newton step H⁻¹∇L is not defined";
            case DIVERGED -> divergenceText();
        };
    }

    private String divergenceText() {
        Divergence d = divergence;
        String where = Double.isFinite(d.endNorm()) ? String.format(java.util.Locale.ROOT, "|θ| = %.4g", d.endNorm())
                : "non-finite θ";
        String head = String.format(java.util.Locale.ROOT, "diverged after %d steps: ran off to %s, L from %.4g to"
                + " %.4g. ", steps(), where, d.startLoss(), d.endLoss());
        if (!d.overshoot()) {
            return head + "The loss kept falling: L is unbounded below along this path, and no step size stops"
                    + " that (a smaller η only slows it).";
        }
        if (Double.isFinite(d.stableStep())) {
            String rule = switch (method) {
                case GRADIENT_DESCENT -> "2/λ_max";
                case MOMENTUM -> "2(1+μ)/λ_max";
                default -> "2";
            };
            String when = stepSize > d.stableStep() ? "η = " + fmt(stepSize) + " exceeds " + rule + " = "
                    + fmt(d.stableStep()) : "η = " + fmt(stepSize) + " is below " + rule + " = "
                    + fmt(d.stableStep()) + " at the start, but the curvature grows along the path";
            return head + "The loss rose: the steps overshoot. " + when + " (λ_max = " + fmt(d.lambdaMax())
                    + " at the start); take a smaller step size η.";
        }
        return head + "The loss rose: the steps overshoot; take a smaller step size η.";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
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
