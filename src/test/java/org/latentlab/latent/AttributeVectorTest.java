package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Attribute vectors, analogies and the fitted prior against hand-computed means and covariances. */
class AttributeVectorTest {

    private static final double[][] CODES = {{1, 0}, {3, 2}, {10, 10}, {0, 4}, {2, 6}, {4, 8}};
    private static final int[] LABELS = {0, 0, 7, 1, 1, 1};

    @Test
    void theVectorIsTheDifferenceOfTheClassMeans() {
        AttributeVector v = AttributeVector.between(CODES, LABELS, 0, 1);
        // mean of class 0: (2, 1); of class 1: (2, 6)
        assertArrayEquals(new double[] {0, 5}, v.vector(), 1e-15);
        assertEquals(2, v.fromCount());
        assertEquals(3, v.toCount());
        assertEquals("0 → 1", v.name());
        AttributeVector back = AttributeVector.between(CODES, LABELS, 1, 0, l -> l == 0 ? "zero" : "one");
        assertArrayEquals(new double[] {0, -5}, back.vector(), 1e-15);
        assertEquals("one → zero: |v| = 5.00 from 3 and 2 codes", back.toString());
    }

    @Test
    void applyingItMovesTheFromMeanOntoTheToMean() {
        AttributeVector v = AttributeVector.between(CODES, LABELS, 0, 1);
        assertArrayEquals(new double[] {2, 6}, v.apply(new double[] {2, 1}, 1), 1e-15);
        assertArrayEquals(new double[] {2, -1.5}, v.apply(new double[] {2, 1}, -0.5), 1e-15);
        AttributeVector byHand = AttributeVector.fromGroups("smile", new double[][] {{1, 0}, {3, 2}},
                new double[][] {{0, 4}, {2, 6}, {4, 8}});
        assertArrayEquals(v.vector(), byHand.vector(), 1e-15);
    }

    @Test
    void missingClassesAreRefusedWithTheLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttributeVector.between(CODES, LABELS, 0, 4));
        assertEquals("no example has label 4", e.getMessage());
    }

    @Test
    void analogyIsAMinusBPlusC() {
        assertArrayEquals(new double[] {4, -1, 3}, LatentArithmetic.analogy(new double[] {1, 1, 1},
                new double[] {0, 2, 1}, new double[] {3, 0, 3}), 0.0);
    }

    @Test
    void aFittedPriorHasTheCodesMeanAndCovariance() {
        Random rng = new Random(5);
        // z = (1, -2) + L ε with L = [[2, 0], [1.5, 0.5]]: Σ = [[4, 3], [3, 2.5]]
        double[][] codes = new double[20000][];
        for (int i = 0; i < codes.length; i++) {
            double e0 = rng.nextGaussian();
            double e1 = rng.nextGaussian();
            codes[i] = new double[] {1 + 2 * e0, -2 + 1.5 * e0 + 0.5 * e1};
        }
        CodePrior prior = CodePrior.fit(codes);
        assertArrayEquals(new double[] {1, -2}, prior.mean(), 0.05);
        assertArrayEquals(new double[] {2, Math.sqrt(2.5)}, prior.marginalStd(), 0.05);
        double[][] draws = prior.sample(20000, new Random(6));
        PrincipalComponents fromDraws = PrincipalComponents.fit(draws, 2);
        PrincipalComponents fromCodes = PrincipalComponents.fit(codes, 2);
        assertArrayEquals(fromCodes.variances(), fromDraws.variances(), 0.15);
        assertEquals(1, Math.abs(LatentArithmetic.dot(fromCodes.component(0), fromDraws.component(0))), 1e-3);
    }

    @Test
    void theStandardNormalPriorDrawsAsTheGanNoiseDoes() {
        CodePrior prior = CodePrior.standardNormal(3);
        Random a = new Random(9);
        Random b = new Random(9);
        double[][] z = prior.sample(2, a);
        for (double[] row : z) {
            for (double v : row) {
                assertEquals(b.nextGaussian(), v, 0.0);
            }
        }
    }
}
