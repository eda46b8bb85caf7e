package org.latentlab.analysis.relu;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReluRegressionTest {

    @Test
    void theGradientMatchesCentralDifferencesInDouble() {
        ReluNet net = ReluNet.random(new int[] {2, 5, 4, 1}, 0.3, new Random(2));
        double[][] xs = ReluRegression.grid2(-1, 1, 6);
        double[] ys = new FitTarget("sin(2x) * y", 2).values(xs);
        ReluRegression r = new ReluRegression(net, xs, ys, 0.01);
        r.lossAndGradient();
        double[] g = r.gradient();
        double[] p = net.parameters();
        double h = 1e-6;
        for (int k = 0; k < p.length; k++) {
            double[] q = p.clone();
            q[k] += h;
            r.setParameters(q);
            double up = r.lossAndGradient();
            q[k] -= 2 * h;
            r.setParameters(q);
            double down = r.lossAndGradient();
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "parameter " + k);
        }
    }

    @Test
    void aSmallNetFitsTheSquareOnTheUnitInterval() {
        double[][] xs = ReluRegression.grid1(0, 1, 64);
        double[] ys = new FitTarget("x^2", 1).values(xs);
        ReluNet fit = ReluRegression.fit(ReluNet.sizes(1, 2, 8), xs, ys, 0.01, 2000, 1);
        double sup = Constructions.supErrorToSquare(fit, 0, 1);
        assertTrue(sup < 0.02, "sup |net - x^2| on [0, 1] after 2000 Adam steps: " + sup);
        ReluNet start = ReluNet.random(ReluNet.sizes(1, 2, 8), 0.1, new Random(1));
        assertTrue(sup < Constructions.supErrorToSquare(start, 0, 1) / 5, "training reduced the error");
    }
}
