package org.latentlab.analysis.game;

import java.util.Arrays;

/**
 * Eigenvectors of a small real matrix for a known, possibly complex, eigenvalue λ, by inverse iteration in complex
 * arithmetic: y ← (H − λI)⁻¹ y, normalised, three times from a vector of ones, by Gaussian elimination with partial
 * pivoting. H − λI is singular (λ is an eigenvalue), so a pivot smaller than 1e-14·‖H‖ is replaced by that
 * amount; the near-singular solve then returns a large multiple of the eigenvector, which is what inverse
 * iteration wants (Wilkinson 1965, "The algebraic eigenvalue problem", ch. 9).
 */
final class RitzVectors {

    private static final int ITERATIONS = 3;

    private RitzVectors() {
    }

    /** {yRe, yIm}: the unit eigenvector (2-norm) of the m × m matrix h (rows) for the eigenvalue re + i·im. */
    static double[][] eigenvector(double[][] h, double re, double im) {
        int m = h.length;
        double norm = 0;
        for (double[] row : h) {
            for (double v : row) {
                norm += v * v;
            }
        }
        double guard = 1e-14 * Math.max(Math.sqrt(norm), Math.hypot(re, im)) + Double.MIN_NORMAL;
        double[] yr = new double[m];
        double[] yi = new double[m];
        Arrays.fill(yr, 1 / Math.sqrt(m));
        for (int it = 0; it < ITERATIONS; it++) {
            double[][] ar = new double[m][m];
            double[][] ai = new double[m][m];
            for (int i = 0; i < m; i++) {
                ar[i] = h[i].clone();
                ar[i][i] -= re;
                ai[i][i] = -im;
            }
            double[][] y = solve(ar, ai, yr, yi, guard);
            yr = y[0];
            yi = y[1];
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += yr[i] * yr[i] + yi[i] * yi[i];
            }
            s = Math.sqrt(s);
            for (int i = 0; i < m; i++) {
                yr[i] /= s;
                yi[i] /= s;
            }
        }
        return new double[][] {yr, yi};
    }

    /** Solves (ar + i·ai) x = br0 + i·bi0; ar and ai are overwritten, the right-hand side is not. */
    private static double[][] solve(double[][] ar, double[][] ai, double[] br0, double[] bi0, double guard) {
        int m = ar.length;
        double[] br = br0.clone();
        double[] bi = bi0.clone();
        for (int col = 0; col < m; col++) {
            int pivot = col;
            double best = -1;
            for (int r = col; r < m; r++) {
                double mag = Math.hypot(ar[r][col], ai[r][col]);
                if (mag > best) {
                    best = mag;
                    pivot = r;
                }
            }
            swap(ar, ai, br, bi, col, pivot);
            if (best < guard) {
                ar[col][col] = guard;
                ai[col][col] = 0;
            }
            double pr = ar[col][col];
            double pi = ai[col][col];
            double pm = pr * pr + pi * pi;
            for (int r = col + 1; r < m; r++) {
                // factor = a[r][col] / a[col][col]
                double fr = (ar[r][col] * pr + ai[r][col] * pi) / pm;
                double fi = (ai[r][col] * pr - ar[r][col] * pi) / pm;
                if (fr == 0 && fi == 0) {
                    continue;
                }
                for (int c = col; c < m; c++) {
                    ar[r][c] -= fr * ar[col][c] - fi * ai[col][c];
                    ai[r][c] -= fr * ai[col][c] + fi * ar[col][c];
                }
                br[r] -= fr * br[col] - fi * bi[col];
                bi[r] -= fr * bi[col] + fi * br[col];
            }
        }
        double[] xr = new double[m];
        double[] xi = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double sr = br[r];
            double si = bi[r];
            for (int c = r + 1; c < m; c++) {
                sr -= ar[r][c] * xr[c] - ai[r][c] * xi[c];
                si -= ar[r][c] * xi[c] + ai[r][c] * xr[c];
            }
            double pr = ar[r][r];
            double pi = ai[r][r];
            double pm = pr * pr + pi * pi;
            xr[r] = (sr * pr + si * pi) / pm;
            xi[r] = (si * pr - sr * pi) / pm;
        }
        return new double[][] {xr, xi};
    }

    private static void swap(double[][] ar, double[][] ai, double[] br, double[] bi, int a, int b) {
        if (a == b) {
            return;
        }
        double[] t = ar[a];
        ar[a] = ar[b];
        ar[b] = t;
        t = ai[a];
        ai[a] = ai[b];
        ai[b] = t;
        double s = br[a];
        br[a] = br[b];
        br[b] = s;
        s = bi[a];
        bi[a] = bi[b];
        bi[b] = s;
    }
}
