package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PCA against data whose sample covariance is known exactly. */
class PrincipalComponentsTest {

    /** An orthonormal basis of R³ (a rotation), columns u, v, w. */
    private static final double[] U = normalise(new double[] {1, 2, 2});
    private static final double[] V = normalise(new double[] {2, 1, -2});
    private static final double[] W = normalise(new double[] {2, -2, 1});

    private static double[] normalise(double[] x) {
        return LatentArithmetic.add(new double[x.length], x, 1 / LatentArithmetic.norm(x));
    }

    private static double[] point(double[] centre, double a, double b, double c) {
        double[] p = centre.clone();
        for (int j = 0; j < 3; j++) {
            p[j] += a * U[j] + b * V[j] + c * W[j];
        }
        return p;
    }

    @Test
    void componentsAndVariancesOfAKnownCovariance() {
        double[] centre = {1, -2, 3};
        // ±3 along U, ±1 along V, ±0.5 along W: Σ = (2·9 UUᵀ + 2·1 VVᵀ + 2·0.25 WWᵀ) / (6 − 1)
        double[][] data = {point(centre, 3, 0, 0), point(centre, -3, 0, 0), point(centre, 0, 1, 0),
                point(centre, 0, -1, 0), point(centre, 0, 0, 0.5), point(centre, 0, 0, -0.5)};
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        assertArrayEquals(centre, pca.mean(), 1e-12);
        assertArrayEquals(new double[] {18 / 5.0, 2 / 5.0}, pca.variances(), 1e-12);
        assertEquals(20.5 / 5, pca.totalVariance(), 1e-12);
        assertArrayEquals(new double[] {18 / 20.5, 2 / 20.5}, pca.explainedVarianceRatio(), 1e-12);
        // signs: the largest coordinate of each component is positive, so U and V as written
        assertArrayEquals(U, pca.component(0), 1e-12);
        assertArrayEquals(V, pca.component(1), 1e-12);
        assertArrayEquals(new double[] {3, 0}, pca.project(data[0]), 1e-12);
        assertArrayEquals(new double[] {0, -1}, pca.project(data[3]), 1e-12);
    }

    @Test
    void pointsOnALineHaveOneComponentAndBackProjectExactly() {
        Random rng = new Random(3);
        double[] centre = {0.5, 0.5, 0.5};
        double[][] data = new double[50][];
        for (int i = 0; i < data.length; i++) {
            data[i] = point(centre, 4 * rng.nextGaussian(), 0, 0);
        }
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        assertEquals(1, pca.explainedVarianceRatio()[0], 1e-12);
        assertEquals(0, pca.variances()[1], 1e-10);
        assertEquals(1, Math.abs(LatentArithmetic.dot(pca.component(0), U)), 1e-12);
        for (double[] x : data) {
            assertArrayEquals(x, pca.reconstruct(pca.project(x)), 1e-12);
        }
    }

    @Test
    void projectionAndBackProjectionAreInverseInThePlane() {
        Random rng = new Random(4);
        double[][] data = new double[200][];
        for (int i = 0; i < data.length; i++) {
            data[i] = point(new double[3], 2 * rng.nextGaussian(), rng.nextGaussian(), 0.1 * rng.nextGaussian());
        }
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        double[] c = {0.7, -1.3};
        assertArrayEquals(c, pca.project(pca.reconstruct(c)), 1e-12);
        // the two components are orthonormal
        assertEquals(1, LatentArithmetic.norm(pca.component(0)), 1e-12);
        assertEquals(0, LatentArithmetic.dot(pca.component(0), pca.component(1)), 1e-12);
        assertEquals(true, pca.toString().startsWith("PCA 2 of 3 dimensions: "), pca.toString());
    }

    @Test
    void impossibleRequestsSayWhy() {
        double[][] data = {{1, 2}, {3, 4}};
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(data, 3));
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(new double[][] {{1, 2}}, 1));
    }
}
