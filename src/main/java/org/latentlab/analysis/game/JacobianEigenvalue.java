package org.latentlab.analysis.game;

import java.util.Locale;

/**
 * One eigenvalue λ = re + i·im of a game's Jacobian J (a Ritz value of {@link Arnoldi}), its residual ‖J u − λ u‖
 * for the unit Ritz vector u = vectorRe + i·vectorIm (an estimate of how far λ may be from an exact eigenvalue),
 * and its reading.
 * <p>
 * The reading, for gradient descent on the field, θ ← θ − η v(θ) (each player descending its own loss): near a
 * stationary point a perturbation along u is multiplied by 1 − ηλ each step (Mescheder et al. 2017, "The numerics
 * of GANs"). So a large |im| relative to |re| means <b>rotation</b> (the players circle the equilibrium, as in
 * the bilinear game, whose λ = ±i); a <b>negative</b> real part means divergence for every step size; a positive
 * real part contracts only for η &lt; 2·re/|λ|² ({@link #maxStableStep}). Where the field is taken as the
 * players' ascent direction −v instead (θ ← θ + η(−v), Mescheder et al.'s convention), its Jacobian is −J and the
 * signs of the real parts flip: there positive real parts mean divergence.
 */
public record JacobianEigenvalue(double re, double im, double residual, double[] vectorRe, double[] vectorIm) {

    public JacobianEigenvalue {
        if (vectorRe.length != vectorIm.length) {
            throw new IllegalArgumentException("the Ritz vector's real and imaginary parts differ in length");
        }
        vectorRe = vectorRe.clone();
        vectorIm = vectorIm.clone();
    }

    @Override
    public double[] vectorRe() {
        return vectorRe.clone();
    }

    @Override
    public double[] vectorIm() {
        return vectorIm.clone();
    }

    /** |λ|. */
    public double modulus() {
        return Math.hypot(re, im);
    }

    /** |1 − ηλ|: the factor by which one descent step of size η scales a perturbation along this direction. */
    public double stepGain(double eta) {
        return Math.hypot(1 - eta * re, eta * im);
    }

    /** The largest step size η for which descent contracts along this direction: 2·re/|λ|², 0 when re ≤ 0. */
    public double maxStableStep() {
        double m2 = re * re + im * im;
        return re > 0 && m2 > 0 ? 2 * re / m2 : 0;
    }

    /** Whether rotation dominates: |im| > |re|. */
    public boolean rotational() {
        return Math.abs(im) > Math.abs(re);
    }

    /** Whether descent moves away along this direction for every step size: re &lt; 0. */
    public boolean divergent() {
        return re < 0;
    }

    /** A short reading for a legend: "rotation", "divergence" or both, else "contraction for η &lt; …". */
    public String reading() {
        if (divergent()) {
            return rotational() ? "rotation, divergence" : "divergence";
        }
        if (re == 0) {
            return im == 0 ? "flat" : "pure rotation (slow divergence for every η)";
        }
        String contraction = String.format(Locale.ROOT, "contraction for η < %.3g", maxStableStep());
        return rotational() ? "rotation, " + contraction : contraction;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g %s %.6gi (residual %.2g): %s", re, im < 0 ? "-" : "+",
                Math.abs(im), residual, reading());
    }
}
