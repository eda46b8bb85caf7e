package org.latentlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ClassifierScoreTest {

    private static double[] oneHot(int classCount, int c) {
        double[] row = new double[classCount];
        row[c] = 1;
        return row;
    }

    @Test
    void confidentPredictionsSpreadEvenlyScoreTheClassCount() {
        int classes = 7;
        double[][] rows = new double[10 * classes * 3][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = oneHot(classes, i % classes);
        }
        ClassifierScoreResult r = ClassifierScore.of(rows);
        assertEquals(classes, r.mean(), 1e-12);
        assertEquals(0, r.standardDeviation(), 1e-12);
        assertEquals(ClassifierScore.DEFAULT_SPLITS, r.splits());
        assertEquals(210, r.sampleCount());
        assertEquals(classes, r.classCount());
    }

    @Test
    void identicalPredictionsScoreOne() {
        double[][] rows = new double[50][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {0.2, 0.5, 0.3};
        }
        assertEquals(1, ClassifierScore.of(rows, 5).mean(), 1e-12);
    }

    @Test
    void oneSplitEqualsTheExponentialOfTheMutualInformation() {
        // E_x KL(p(y|x) || p(y)) = H(p(y)) - E_x H(p(y|x))
        Random random = new Random(6);
        int classes = 5;
        double[][] rows = new double[40][classes];
        for (double[] row : rows) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                row[c] = Math.pow(random.nextDouble(), 3);
                sum += row[c];
            }
            for (int c = 0; c < classes; c++) {
                row[c] /= sum;
            }
        }
        double[] marginal = new double[classes];
        double conditionalEntropy = 0;
        for (double[] row : rows) {
            for (int c = 0; c < classes; c++) {
                marginal[c] += row[c] / rows.length;
                conditionalEntropy -= row[c] * Math.log(row[c]) / rows.length;
            }
        }
        double marginalEntropy = 0;
        for (double q : marginal) {
            marginalEntropy -= q * Math.log(q);
        }
        ClassifierScoreResult r = ClassifierScore.of(rows, 1);
        assertEquals(Math.exp(marginalEntropy - conditionalEntropy), r.mean(), 1e-12);
        assertTrue(r.mean() >= 1 && r.mean() <= classes);
    }

    @Test
    void theSpreadIsOverSplits() {
        // split 1: one-hot over 4 classes evenly (score 4); split 2: one repeated prediction (score 1)
        double[][] rows = new double[16][];
        for (int i = 0; i < 8; i++) {
            rows[i] = oneHot(4, i % 4);
            rows[8 + i] = new double[] {0.1, 0.2, 0.3, 0.4};
        }
        ClassifierScoreResult r = ClassifierScore.of(rows, 2);
        assertEquals(2.5, r.mean(), 1e-12);
        assertEquals(1.5, r.standardDeviation(), 1e-12);
    }

    @Test
    void logitsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierScore.of(new double[][] {{2.0, -1.0}}, 1));
        assertTrue(e.getMessage().contains("softmax"), e.getMessage());
    }
}
