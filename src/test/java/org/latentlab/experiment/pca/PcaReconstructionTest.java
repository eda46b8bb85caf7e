package org.latentlab.experiment.pca;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.PrincipalComponents;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PCA reconstruction against its closed form (Eckart &amp; Young 1936): for centred data Xc = U S Vᵀ, the best
 * rank-k approximation is U_k S_k V_kᵀ, so reconstructing every row from k components must give mean + U_k S_k
 * V_kᵀ, computed here from the SVD of the data matrix itself (not of the covariance PCA is fitted on).
 */
class PcaReconstructionTest {

    private static double[][] random(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                // different scales per column, so the spectrum has no ties
                x[i][j] = r.nextGaussian() * (1 + j) + 0.3 * j;
            }
        }
        return x;
    }

    private static double[] mean(double[][] x) {
        double[] m = new double[x[0].length];
        for (double[] row : x) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / x.length;
            }
        }
        return m;
    }

    /** mean + U_k S_k V_kᵀ from the SVD of the centred data. */
    private static double[][] truncatedSvd(double[][] x, int k) {
        double[] m = mean(x);
        double[][] c = new double[x.length][m.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m.length; j++) {
                c[i][j] = x[i][j] - m[j];
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(MatrixUtils.createRealMatrix(c));
        RealMatrix u = svd.getU().getSubMatrix(0, x.length - 1, 0, k - 1);
        RealMatrix s = svd.getS().getSubMatrix(0, k - 1, 0, k - 1);
        RealMatrix v = svd.getV().getSubMatrix(0, m.length - 1, 0, k - 1);
        double[][] out = u.multiply(s).multiply(v.transpose()).getData();
        for (double[] row : out) {
            for (int j = 0; j < m.length; j++) {
                row[j] += m[j];
            }
        }
        return out;
    }

    @Test
    void reconstructionEqualsTheTruncatedSvd() {
        double[][] x = random(30, 7, 11);
        for (int k = 1; k <= 7; k++) {
            PrincipalComponents pca = PrincipalComponents.fit(x, k);
            double[][] byPca = PcaComparison.reconstruct(pca, x);
            double[][] bySvd = truncatedSvd(x, k);
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < x[i].length; j++) {
                    assertEquals(bySvd[i][j], byPca[i][j], 1e-9, "k = " + k + ", row " + i + ", column " + j);
                }
            }
        }
    }

    @Test
    void theErrorIsTheDiscardedSingularValues() {
        // Eckart-Young: the summed squared error of the rank-k approximation is the sum of the discarded s_i²
        double[][] x = random(25, 6, 5);
        int k = 2;
        double[][] byPca = PcaComparison.reconstruct(PrincipalComponents.fit(x, k), x);
        double[] m = mean(x);
        double[][] c = new double[x.length][m.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < m.length; j++) {
                c[i][j] = x[i][j] - m[j];
            }
        }
        double[] s = new SingularValueDecomposition(MatrixUtils.createRealMatrix(c)).getSingularValues();
        double discarded = 0;
        for (int i = k; i < s.length; i++) {
            discarded += s[i] * s[i];
        }
        double mse = HeldOutImages.meanSquaredError(byPca, x);
        assertEquals(discarded / (x.length * m.length), mse, 1e-9);
    }

    @Test
    void kEqualToTheRankReconstructsExactly() {
        // rows = mean + a·p + b·q + c·r: centred rank 3 in 8 dimensions
        Random r = new Random(3);
        double[][] basis = random(3, 8, 17);
        double[][] x = new double[20][8];
        for (int i = 0; i < x.length; i++) {
            double[] w = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int j = 0; j < 8; j++) {
                x[i][j] = 0.5 + j + w[0] * basis[0][j] + w[1] * basis[1][j] + w[2] * basis[2][j];
            }
        }
        double[][] exact = PcaComparison.reconstruct(PrincipalComponents.fit(x, 3), x);
        assertEquals(0, HeldOutImages.meanSquaredError(exact, x), 1e-20);
        double[][] less = PcaComparison.reconstruct(PrincipalComponents.fit(x, 2), x);
        assertTrue(HeldOutImages.meanSquaredError(less, x) > 1e-3, "rank 2 cannot hold rank-3 data");
    }

    @Test
    void projectionsAreOrderedByVariance() {
        double[][] x = random(200, 5, 23);
        PrincipalComponents pca = PrincipalComponents.fit(x, 5);
        double[][] y = pca.project(x);
        double previous = Double.POSITIVE_INFINITY;
        for (int c = 0; c < 5; c++) {
            double s = 0;
            double s2 = 0;
            for (double[] row : y) {
                s += row[c];
                s2 += row[c] * row[c];
            }
            double mean = s / y.length;
            double variance = (s2 - y.length * mean * mean) / (y.length - 1);
            assertEquals(0, mean, 1e-9, "projections are centred");
            assertEquals(pca.variances()[c], variance, 1e-9, "component " + c + "'s variance");
            assertTrue(variance < previous, "component " + c + " holds less variance than the one before");
            previous = variance;
        }
    }

    @Test
    void meanSquaredErrorIsPerPixel() {
        double[][] a = {{0, 0}, {1, 1}};
        double[][] b = {{1, 0}, {1, 3}};
        // (1 + 0 + 0 + 4) / 4
        assertEquals(1.25, HeldOutImages.meanSquaredError(a, b), 0);
    }
}
