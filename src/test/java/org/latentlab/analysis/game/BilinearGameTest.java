package org.latentlab.analysis.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** min_x max_y xy: simultaneous steps spiral out by √(1 + η²) a step, alternating steps orbit on an ellipse. */
class BilinearGameTest {

    @Test
    void simultaneousStepsGrowTheRadiusBySqrtOnePlusEtaSquared() {
        for (double eta : new double[] {0.01, 0.1, 0.5}) {
            GamePath path = BilinearGame.simultaneous(1.0, 0.5, eta, 200);
            double growth = Math.sqrt(1 + eta * eta);
            for (int t = 0; t < path.steps(); t++) {
                assertEquals(growth, path.radius(t + 1) / path.radius(t), 1e-13, "η = " + eta + ", step " + t);
            }
            assertEquals(path.radius(0) * Math.pow(growth, 200), path.radius(200), 1e-10 * path.radius(200));
            assertEquals(growth, BilinearGame.simultaneousGrowth(eta), 0.0);
        }
    }

    @Test
    void alternatingStepsKeepTheirInvariantAndStayBounded() {
        for (double eta : new double[] {0.01, 0.3, 1.5}) {
            GamePath path = BilinearGame.alternating(1.0, 0.5, eta, 20_000);
            double[] x = path.x();
            double[] y = path.y();
            double q0 = BilinearGame.alternatingInvariant(x[0], y[0], eta);
            // x² + y² − ηxy ≥ (1 − η/2)(x² + y²), so the radius is at most √(Q / (1 − η/2)).
            double bound = Math.sqrt(q0 / (1 - eta / 2));
            for (int t = 0; t <= path.steps(); t++) {
                assertEquals(q0, BilinearGame.alternatingInvariant(x[t], y[t], eta), 1e-10 * q0);
                assertTrue(path.radius(t) <= bound * (1 + 1e-12), "radius " + path.radius(t) + " > " + bound);
            }
        }
    }

    @Test
    void alternatingStepsDivergeForEtaAboveTwo() {
        // The map's eigenvalues are −4 and −1/4; (1, 0) is on neither eigenvector.
        GamePath path = BilinearGame.alternating(1.0, 0.0, 2.5, 50);
        assertTrue(path.radius(50) > 1e6 * path.radius(0));
    }

    @Test
    void theGamesJacobianHasEigenvaluesPlusMinusIAndTheSimultaneousGain() {
        VectorField field = new CentralDifferenceField(BilinearGame::field, new double[] {0.3, -0.7});
        GameSpectrum spectrum = Arnoldi.topEigenvalues(field, 2, 2, 1e-10, 1);
        assertEquals(2, spectrum.eigenvalues().size());
        JacobianEigenvalue plus = spectrum.eigenvalues().get(0);
        JacobianEigenvalue minus = spectrum.eigenvalues().get(1);
        assertEquals(0.0, plus.re(), 1e-9);
        assertEquals(1.0, plus.im(), 1e-9);
        assertEquals(0.0, minus.re(), 1e-9);
        assertEquals(-1.0, minus.im(), 1e-9);
        assertTrue(plus.rotational());
        // A descent step multiplies the eigen-direction by |1 − ηλ| = √(1 + η²): the spiral of simultaneous steps.
        assertEquals(BilinearGame.simultaneousGrowth(0.2), plus.stepGain(0.2), 1e-9);
    }
}
