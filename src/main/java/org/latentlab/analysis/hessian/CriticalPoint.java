package org.latentlab.analysis.hessian;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import java.util.Arrays;

/**
 * The second-order picture at a point θ of any {@link Objective}: gradient, Hessian (by {@link ExactHessian}, the
 * same path as for networks), its eigenvalues and eigenvectors, whether θ is critical (‖∇L‖ ≤ gradient tolerance)
 * and the verdict of the second-derivative test:
 * <ul>
 *   <li>{@link Verdict#SADDLE} when the Hessian has eigenvalues of both signs (even if some are zero: the
 *       saddle of (1 − w₁w₂w₃)² at (0, 0, k) has 0, −2k, 2k);</li>
 *   <li>{@link Verdict#LOCAL_MINIMUM} / {@link Verdict#LOCAL_MAXIMUM} when all are positive / negative;</li>
 *   <li>{@link Verdict#DEGENERATE} when no two have opposite signs and at least one is zero within tolerance: the
 *       test cannot decide (x² + y⁴ at 0 is a minimum, x² − y⁴ and the monkey saddle x³ − 3xy² at 0 are saddles,
 *       −x⁴ − y⁴ is a maximum, and all four are DEGENERATE here).</li>
 * </ul>
 * The verdict describes the curvature wherever θ is; it names a critical point only when {@link #critical()}.
 * Where L, its gradient or its Hessian is not finite (1/x at x = 0) there is no such picture, and {@link #at}
 * refuses with a {@link LabException} instead of reporting the zeros a solver makes of NaN.
 *
 * @param point        θ
 * @param loss         L(θ)
 * @param gradient     ∇L(θ)
 * @param hessian      the symmetrised Hessian
 * @param eigenvalues  ascending
 * @param eigenvectors {@code eigenvectors[i]} belongs to {@code eigenvalues[i]}
 * @param critical     ‖∇L(θ)‖ ≤ the gradient tolerance
 * @param verdict      the second-derivative test
 */
public record CriticalPoint(double[] point, double loss, double[] gradient, double[][] hessian,
                            double[] eigenvalues, double[][] eigenvectors, boolean critical, Verdict verdict) {

    /** What the eigenvalues of the Hessian say. */
    public enum Verdict { LOCAL_MINIMUM, LOCAL_MAXIMUM, SADDLE, DEGENERATE }

    /** Default: ‖∇L‖ at most this counts as zero. */
    public static final double GRADIENT_TOLERANCE = 1e-6;

    /** Default: |λ| at most this times max(1, max |λ|) counts as zero. */
    public static final double EIGENVALUE_TOLERANCE = 1e-6;

    /** The analysis at θ with the default tolerances. */
    public static CriticalPoint at(Objective objective, double[] theta) {
        return at(objective, theta, GRADIENT_TOLERANCE, EIGENVALUE_TOLERANCE, Monitor.NONE);
    }

    /**
     * The analysis at θ.
     *
     * @param gradientTolerance   the largest ‖∇L‖ that counts as a critical point
     * @param eigenvalueTolerance |λ| ≤ this · max(1, max |λ|) counts as a zero eigenvalue
     */
    public static CriticalPoint at(Objective objective, double[] theta, double gradientTolerance,
                                   double eigenvalueTolerance, Monitor monitor) {
        double loss = objective.loss(theta);
        double[] g = objective.gradient(theta);
        if (!Double.isFinite(loss) || !Vectors.allFinite(g)) {
            throw new LabException("L = " + objective.describe() + " is not defined (not finite) at "
                    + Arrays.toString(theta) + ": L = " + loss + ", ∇L = " + Arrays.toString(g)
                    + ", and the Hessian is not finite there: no eigenvalues, no verdict");
        }
        ExactHessian h = ExactHessian.compute(objective, theta, monitor);
        for (double[] row : h.matrix()) {
            if (!Vectors.allFinite(row)) {
                throw new LabException("the Hessian of L = " + objective.describe() + " is not finite at "
                        + Arrays.toString(theta) + " (L is not twice differentiable there, or overflows"
                        + " nearby): no eigenvalues or verdict");
            }
        }
        HessianSpectrum s = h.spectrum(true);
        boolean critical = Vectors.norm(g) <= gradientTolerance;
        return new CriticalPoint(theta.clone(), loss, g, h.matrix(), s.eigenvalues(), s.eigenvectors(), critical,
                verdict(s.eigenvalues(), eigenvalueTolerance));
    }

    /** The second-derivative test on a set of eigenvalues. */
    public static Verdict verdict(double[] eigenvalues, double relativeTolerance) {
        double largest = 1;
        for (double v : eigenvalues) {
            largest = Math.max(largest, Math.abs(v));
        }
        double zero = relativeTolerance * largest;
        boolean positive = false;
        boolean negative = false;
        boolean flat = false;
        for (double v : eigenvalues) {
            if (v > zero) {
                positive = true;
            } else if (v < -zero) {
                negative = true;
            } else {
                flat = true;
            }
        }
        if (positive && negative) {
            return Verdict.SADDLE;
        }
        if (flat) {
            return Verdict.DEGENERATE;
        }
        return positive ? Verdict.LOCAL_MINIMUM : Verdict.LOCAL_MAXIMUM;
    }

    /** ‖∇L(θ)‖. */
    public double gradientNorm() {
        return Vectors.norm(gradient);
    }

    @Override
    public String toString() {
        return (critical ? "critical point, " : "not critical (|g| = " + gradientNorm() + "), ") + verdict
                + " at " + Arrays.toString(point) + ": L = " + loss + ", eigenvalues " + Arrays.toString(eigenvalues);
    }
}
