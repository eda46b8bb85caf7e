package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Random;

/**
 * D's side of {@link GanTrainer}'s game: D's loss on a real and a generated batch from its raw scores, the mean over
 * the real batch plus the mean over the generated one (as PacGAN's packs when packing), with WGAN-GP's penalty at
 * interpolates (Gulrajani et al. 2017) and R1's at the real examples (Mescheder et al. 2018); D's variant may replace
 * the score loss (the energy-based GAN). A D with layers that couple the batch sees the two batches separately.
 * Owned by the trainer on its thread; draws the penalty's interpolation points from the trainer's generator.
 */
final class DiscriminatorLoss {

    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork d;
    private final StepArrays step;
    private final DataType dataType;
    private final Random rng;
    private final boolean discriminatorCouplesBatch;
    /** WGAN-GP's penalty at interpolates, or null for the other losses. */
    private final CriticPenalty gradientPenalty;
    private final GanVariant variant;
    private final GanTrainer.StepStats last;
    private final GanVariant.Step check;
    /** The settings of the current step. */
    private GanSettings settings;
    /** Views of batch norm's running statistics in D's gradient; made on first use. */
    private List<INDArray> runningStatisticViews;
    /** D's packed input of the last gradient and its real packs (what the exact unrolled gradient records). */
    private INDArray lastInput;
    private int lastRealPacks;

    DiscriminatorLoss(MultiLayerNetwork discriminator, TrainingNetwork d, StepArrays step, Random rng,
                      boolean discriminatorCouplesBatch, GanLoss loss, GanVariant variant, GanTrainer.StepStats last,
                      GanVariant.Step check) {
        this.discriminator = discriminator;
        this.d = d;
        this.step = step;
        this.dataType = discriminator.params().dataType();
        this.rng = rng;
        this.discriminatorCouplesBatch = discriminatorCouplesBatch;
        this.gradientPenalty = loss != GanLoss.WGAN_GP ? null
                : d.onEngine() ? new EngineGradientPenalty(d) : new GradientPenalty(discriminator);
        this.variant = variant;
        this.last = last;
        this.check = check;
    }

    /**
     * D's loss on a real and a generated batch (before historical averaging's term), as {@link
     * GanTrainer#discriminatorGradient} describes it; leaves ∂L_D/∂θ_D in D's gradient view and returns that view.
     */
    INDArray gradient(INDArray real, INDArray fake, GanSettings settings, CriticPenalty r1Penalty) {
        this.settings = settings;
        int n = (int) real.rows();
        int m = (int) fake.rows();
        INDArray x = step.get("x", n + m, real.columns());
        x.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).assign(real);
        x.get(NDArrayIndex.interval(n, n + m), NDArrayIndex.all()).assign(fake);
        if (settings.instanceNoise() > 0) {
            x.addi(Nd4j.randn(dataType, x.shape()).muli(settings.instanceNoise()));
        }
        // packs of m: packs of real examples first, then packs of generated ones (m = 1: the examples themselves)
        x = Packs.pack(x, settings.packing());
        n /= settings.packing();
        m /= settings.packing();
        lastInput = x;
        lastRealPacks = n;
        java.util.Optional<INDArray> own = variant.ownDiscriminatorGradient(x, n, m, last);
        if (own.isPresent()) {
            check.requireFinite("D loss", last.discriminatorLoss);
            return own.get();
        }
        if (discriminatorCouplesBatch) {
            // batch norm must see real and generated examples in separate batches, as in the G step
            return discriminatorGradientSeparately(x, n, m);
        }
        double[] s = d.forward(x).toDoubleVector();
        double[] eps = new double[n + m];
        double[] realTerms = discriminatorTerms(s, 0, n, true, eps);
        double[] fakeTerms = discriminatorTerms(s, n, m, false, eps);
        double lossValue = realTerms[0] + fakeTerms[0];
        double realScore = realTerms[1];
        double fakeScore = fakeTerms[1];
        d.backward(step.column(eps));
        INDArray gradient = d.gradient();
        double penalty = 0;
        double meanCriticGradientNorm = Double.NaN;
        if (gradientPenalty != null) {
            int k = Math.min(n, m);
            double[] t = new double[k];
            for (int i = 0; i < k; i++) {
                t[i] = rng.nextDouble();
            }
            INDArray tCol = step.column(t);
            INDArray xHat = Packs.pack(real, settings.packing()).get(NDArrayIndex.interval(0, k), NDArrayIndex.all())
                    .mulColumnVector(tCol)
                    .addi(Packs.pack(fake, settings.packing()).get(NDArrayIndex.interval(0, k), NDArrayIndex.all())
                            .mulColumnVector(tCol.rsub(1)));
            GradientPenalty.Result result = gradientPenalty.apply(xHat, settings.gpLambda(), gradient);
            penalty = result.penalty();
            meanCriticGradientNorm = result.meanGradientNorm();
            lossValue += penalty;
        }
        if (r1Penalty != null) {
            // Mescheder et al. 2018, eq. 9: γ/2 · E ‖∇ₓ D(x)‖² at the real examples (packs), as drawn (no noise)
            GradientPenalty.Result result = r1Penalty.apply(Packs.pack(real, settings.packing()),
                    settings.r1Gamma() / 2, gradient);
            penalty += result.penalty();
            meanCriticGradientNorm = result.meanGradientNorm();
            lossValue += result.penalty();
        }
        check.requireFinite("D loss", lossValue);
        last.discriminatorLoss = lossValue;
        last.realScore = realScore;
        last.fakeScore = fakeScore;
        last.penalty = gradientPenalty != null || r1Penalty != null ? penalty : Double.NaN;
        last.criticGradientNorm = meanCriticGradientNorm;
        return gradient;
    }

    /** D's packed input of the last gradient: real packs first, then generated ones. */
    INDArray lastInput() {
        return lastInput;
    }

    /** The number of real packs in {@link #lastInput()}. */
    int lastRealPacks() {
        return lastRealPacks;
    }

    /**
     * For examples {@code from .. from+count} of the scores: writes d(mean loss)/ds into {@code eps} at the same
     * places and returns {mean loss, mean displayed score}.
     */
    private double[] discriminatorTerms(double[] s, int from, int count, boolean real, double[] eps) {
        GanLoss loss = settings.loss();
        double target = settings.realTarget();
        double lossValue = 0;
        double score = 0;
        for (int i = from; i < from + count; i++) {
            lossValue += (real ? loss.realLoss(s[i], target) : loss.fakeLoss(s[i])) / count;
            eps[i] = (real ? loss.realLossDerivative(s[i], target) : loss.fakeLossDerivative(s[i])) / count;
            score += loss.displayScore(s[i]) / count;
        }
        return new double[] {lossValue, score};
    }

    /** Batch norm's running-statistic entries of D's flat gradient (DL4J's layout), views made once. */
    private List<INDArray> runningStatistics(INDArray gradient) {
        if (runningStatisticViews == null) {
            runningStatisticViews = new java.util.ArrayList<>();
            INDArray flat = discriminator.params();
            INDArray g = gradient.reshape(gradient.length());
            discriminator.paramTable().forEach((key, value) -> {
                if (key.endsWith("_mean") || key.endsWith("_var") || key.endsWith("_log10stdev")) {
                    long from = value.offset() - flat.offset();
                    runningStatisticViews.add(g.get(NDArrayIndex.interval(from, from + value.length())));
                }
            });
        }
        return runningStatisticViews;
    }

    /** Batch norm's case: two passes of D's compiled plan, one per batch (of n and m packs), as in the G step. */
    private INDArray discriminatorGradientSeparately(INDArray x, int n, int m) {
        long width = x.columns();
        INDArray realPart = step.get("dReal", n, width).assign(x.get(NDArrayIndex.interval(0, n),
                NDArrayIndex.all()));
        INDArray fakePart = step.get("dFake", m, width).assign(x.get(NDArrayIndex.interval(n, n + m),
                NDArrayIndex.all()));
        double[] s = d.forward(realPart).toDoubleVector();
        double[] eps = new double[n];
        double[] realTerms = discriminatorTerms(s, 0, n, true, eps);
        d.backward(step.column(eps));
        INDArray realGradient = step.get("dRealGradient", 1, d.gradient().length()).assign(d.gradient());
        s = d.forward(fakePart).toDoubleVector();
        eps = new double[m];
        double[] fakeTerms = discriminatorTerms(s, 0, m, false, eps);
        double lossValue = realTerms[0] + fakeTerms[0];
        d.backward(step.column(eps));
        INDArray gradient = d.gradient();
        gradient.addi(realGradient);
        for (INDArray statistic : runningStatistics(gradient)) {
            statistic.divi(2); // batch norm's running statistics: the average of the two batches' updates
        }
        check.requireFinite("D loss", lossValue);
        last.discriminatorLoss = lossValue;
        last.realScore = realTerms[1];
        last.fakeScore = fakeTerms[1];
        last.penalty = Double.NaN;
        last.criticGradientNorm = Double.NaN;
        return gradient;
    }
}
