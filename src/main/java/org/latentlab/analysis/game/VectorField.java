package org.latentlab.analysis.game;

/**
 * A vector field v: ℝⁿ → ℝⁿ known through products with its Jacobian at one point θ: J(θ)·v with J = ∂v/∂θ. For a
 * two-player game v(θ) = (∇_{θ_D} L_D, ∇_{θ_G} L_G), each player's gradient of its own loss with respect to its
 * own parameters; J is not symmetric, so its eigenvalues may be complex (Mescheder et al. 2017, "The numerics of
 * GANs"). {@link CentralDifferenceField} builds one from a function computing v.
 */
public interface VectorField {

    /** n, the number of parameters of both players together. */
    int dimension();

    /** J·v, a fresh array of length n. */
    double[] jacobianVector(double[] v);

    /** The linear field v(θ) = Aθ, whose Jacobian is the square matrix A (rows of A, copied). */
    static VectorField linear(double[][] a) {
        int n = a.length;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("the matrix must be square, row " + i + " has " + a[i].length
                        + " values, not " + n);
            }
            rows[i] = a[i].clone();
        }
        return new VectorField() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] jacobianVector(double[] v) {
                if (v.length != n) {
                    throw new IllegalArgumentException("v has " + v.length + " values, expected " + n);
                }
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        s += rows[i][j] * v[j];
                    }
                    out[i] = s;
                }
                return out;
            }
        };
    }
}
