package org.latentlab.metrics;

import org.junit.jupiter.api.Test;
import org.latentlab.core.Monitor;
import org.latentlab.testing.CentreJudge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The score card on "images" of 4 values drawn around 3 class centres, judged by a nearest-centre classifier whose
 * features are the pixels themselves: with the generated set equal to the reference every score equals its baseline;
 * each line is the metric it names on the right sets; a generator stuck on one centre reads as collapsed on every
 * score that can see it.
 */
class ScoreCardTest {

    private static final double[][] CENTRES = {{0, 0, 0, 0}, {3, 0, 3, 0}, {0, 3, 0, 3}};

    /** Softmax of minus squared distances to the centres; features: the pixels. */
    private static final CentreJudge JUDGE = new CentreJudge(CENTRES, 1);

    private static ScoreCard.Images sample(int n, long seed, int onlyClass) {
        return new ScoreCard.Images(JUDGE.sample(n, seed, onlyClass, 0.3), n);
    }

    private final ScoreCard.Images reference = sample(200, 1, -1);
    private final ScoreCard.Images test = sample(300, 2, -1);
    private final ScoreCard.Images validation = sample(100, 3, -1);

    @Test
    void theReferenceInTheGeneratorsPlaceScoresItsOwnBaseline() {
        ScoreCard.Result r = ScoreCard.evaluate(JUDGE, reference, reference, test, validation, 7, Monitor.NONE);
        assertEquals(ScoreCard.NAMES, r.lines().stream().map(ScoreLine::name).toList());
        for (ScoreLine line : r.lines()) {
            assertEquals(line.baseline(), line.value(), 0, line.name());
            assertEquals(200, line.sampleSize());
        }
    }

    @Test
    void eachLineIsTheMetricItNamesOnTheRightSets() {
        ScoreCard.Images generated = sample(200, 4, -1);
        ScoreCard.Result r = ScoreCard.evaluate(JUDGE, generated, reference, test, validation, 7, Monitor.NONE);
        double[][] fG = FeatureRows.of(generated.pixels(), 200, 4);
        double[][] fR = FeatureRows.of(reference.pixels(), 200, 4);
        double[][] fT = FeatureRows.of(test.pixels(), 300, 4);
        assertEquals(ClassifierScore.of(JUDGE.probabilities(generated.pixels(), 200)).mean(),
                r.line("classifier score").value(), 0);
        assertEquals(FrechetDistance.between(fT, fG).value(), r.line("Fréchet distance").value(), 0);
        assertEquals(FrechetDistance.between(fT, fR).value(), r.line("Fréchet distance").baseline(), 0);
        assertEquals(KernelInceptionDistance.between(fT, fG, 100, 200, 7).mean(), r.line("KID").value(), 0);
        PrecisionRecallResult pr = PrecisionRecall.between(fT, fG);
        assertEquals(pr.precision(), r.line("precision").value(), 0);
        assertEquals(pr.recall(), r.line("recall").value(), 0);
        assertEquals(ParzenWindow.evaluate(fG, FeatureRows.of(validation.pixels(), 100, 4), fT).meanLogLikelihood(),
                r.line("Parzen log-likelihood").value(), 0);
        assertEquals(3, r.line("modes covered").value(), "a sample of the data covers the three classes");
    }

    @Test
    void aGeneratorStuckOnOneCentreReadsAsCollapsed() {
        ScoreCard.Result r = ScoreCard.evaluate(JUDGE, sample(200, 5, 1), reference, test, validation, 7,
                Monitor.NONE);
        assertEquals(1, r.line("modes covered").value());
        assertEquals(3, r.line("modes covered").baseline());
        assertEquals(Math.log(3), r.line("reverse KL to uniform").value(), 1e-12);
        assertTrue(r.line("classifier score").value() < 1.05, "one class: a score of about 1");
        assertTrue(r.line("classifier score").baseline() > 2.5, "three balanced, well separated classes: about 3");
        assertTrue(r.line("recall").value() < 0.4 && r.line("recall").baseline() > 0.85, "recall sees the loss (about the third of the test set at that centre): "
                + r.line("recall"));
        assertTrue(r.line("precision").value() > 0.9, "precision does not: every sample looks real");
        assertTrue(r.line("Fréchet distance").value() > 10 * r.line("Fréchet distance").baseline());
        assertTrue(r.line("KID").value() > 10 * Math.abs(r.line("KID").baseline()));
    }

    /** Subsets as large as both sets are the sets themselves: KID is then the unbiased MMD² of the whole sets. */
    @Test
    void kidOnSetsAsLargeAsItsSubsetsIsTheWholeSetsOnce() {
        ScoreCard.Images generated = sample(200, 4, -1);
        ScoreCard.Images sameSizeTest = sample(200, 6, -1);
        ScoreCard.Result r = ScoreCard.evaluate(JUDGE, generated, reference, sameSizeTest, validation, 7,
                Monitor.NONE);
        double[][] fT = FeatureRows.of(sameSizeTest.pixels(), 200, 4);
        KernelInceptionDistanceResult once = KernelInceptionDistance.between(fT, FeatureRows.of(generated.pixels(),
                200, 4), 1, 200, 7);
        assertEquals(once.mean(), r.line("KID").value(), 0);
        assertTrue(Double.isNaN(r.line("KID").spread()), "one draw has no spread");
    }

    @Test
    void theBaselineNeedsAsManyRealImagesAsGeneratedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCard.evaluate(JUDGE, sample(100, 5, -1), reference, test, validation, 7, Monitor.NONE));
        assertTrue(e.getMessage().contains("200 against 100"), e.getMessage());
    }
}
