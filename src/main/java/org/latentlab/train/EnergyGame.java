package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The energy-based GAN's two losses (Zhao, Mathieu and LeCun 2017, section 2.2 and 2.4), called from
 * {@link GanTrainer}'s D and G steps when the experiment has an {@link EnergySettings} block. D is an autoencoder:
 * its output has the data's size and the energy of an example is its reconstruction error
 * E(x) = (1/d) Σₖ (D(x)ₖ − xₖ)².
 * <ul>
 *   <li>D: L_D = mean over reals of E(x) + mean over samples of [m − E(G(z))]⁺. With r = D(x) − x,
 *       ∂E/∂D(x) = 2 r / d: the reals' term pulls their reconstruction error down, the hinge pushes that of the
 *       samples whose energy is below m up, and samples beyond the margin give no gradient.</li>
 *   <li>G: L_G = mean E(G(z)) + λ_PT f_PT(Enc(G(z))). The example is both D's input and its target, so
 *       ∂E/∂x = J_Dᵀ (2 r / d) − 2 r / d; the pull-away term ({@link PullAway}) reaches x through the encoder (D up
 *       to the code layer).</li>
 * </ul>
 * Not thread-safe: the trainer's thread owns it. Arrays it returns are fresh. The energy-based GAN's
 * {@link GanVariant}: D's and G's losses replaced by these.
 */
public final class EnergyGame implements GanVariant {

    private final EnergySettings settings;
    /** The trainer's D and step arrays, and D's training passes ({@link #attach}). */
    private Game game;
    private TrainingNetwork d;
    /** D up to the code layer (a view of D's first layers), or null without the pull-away term. */
    private TrainingNetwork encoder;
    private int dataDim;
    private double lastPullAway = Double.NaN;

    /** The game of {@code settings}, played once {@link #attach} hands it the trainer's D. */
    public EnergyGame(EnergySettings settings) {
        this.settings = settings;
    }

    /** @throws LabException when the code layer of the pull-away term is missing or off the engine */
    @Override
    public void attach(Game game) {
        this.game = game;
        this.d = game.d();
        this.dataDim = game.dataDim();
        this.encoder = settings.pullAway() ? encoder(game.discriminator(), settings.codeLayer()) : null;
    }

    @Override
    public java.util.Optional<String> settingsRefusal(GanSettings settings) {
        return refusal(settings);
    }

    @Override
    public java.util.Optional<String> refusalOfCoupledBatch() {
        return java.util.Optional.of("an energy-based D's energy is each example's own reconstruction error, and"
                + " batch norm or minibatch discrimination in D makes it depend on the whole batch: remove those layers");
    }

    @Override
    public boolean discriminatorReconstructs() {
        return true;
    }

    @Override
    public INDArray generatorInput(double[] z, int n, java.util.Random rng) {
        return game.step().filled("z", n, game.latentDim(), z);
    }

    @Override
    public java.util.Optional<INDArray> ownDiscriminatorGradient(INDArray x, int realPacks, int fakePacks,
                                                                GanTrainer.StepStats stats) {
        return java.util.Optional.of(discriminatorGradient(x, realPacks, fakePacks, stats));
    }

    @Override
    public java.util.Optional<INDArray> ownGeneratorInputGradient(INDArray fake, GanTrainer.StepStats stats) {
        return java.util.Optional.of(generatorInputGradient(fake, stats));
    }

    @Override
    public INDArray score(INDArray x, java.util.function.UnaryOperator<INDArray> discriminator) {
        return energies(x, discriminator.apply(x));
    }

    @Override
    public java.util.Optional<INDArray> ownLossInputGradient(InferenceNetwork discriminator, INDArray fake) {
        return java.util.Optional.of(energyInputGradient(discriminator, fake));
    }

    @Override
    public String describe() {
        return ", " + settings.describe();
    }

    private static TrainingNetwork encoder(MultiLayerNetwork discriminator, String layer) {
        try {
            return TrainingNetwork.prefix(discriminator, layer).orElseThrow(() -> new LabException(
                    "the pull-away term needs D's encoder on the lab's engine, and D has a layer the engine does not"
                            + " run: set energy.pullAway to false"));
        } catch (IllegalArgumentException e) {
            throw new LabException("energy.codeLayer: " + e.getMessage(), e);
        }
    }

    /**
     * Why the GAN settings cannot train an energy-based GAN, or empty: the losses are the energy's (set
     * {@code training.loss} to "hinge", the form of L_D's margin term), and the remedies built on one score per example
     * have nothing to act on.
     */
    public static java.util.Optional<String> refusal(GanSettings s) {
        if (s.loss() != GanLoss.HINGE) {
            return java.util.Optional.of("the energy-based GAN's losses are the energy and its hinge at the margin"
                    + " (Zhao et al. 2017, eq. 1-2): set training.loss to \"hinge\", not \"" + s.loss().id() + "\"");
        }
        if (s.r1Gamma() > 0) {
            return java.util.Optional.of("training.r1Gamma: R1 penalises the gradient of D's score, and an"
                    + " energy-based D has a reconstruction instead: set r1Gamma to 0");
        }
        if (s.matchesFeatures()) {
            return java.util.Optional.of("training.featureMatching replaces G's loss, and the energy-based GAN's G"
                    + " loss is the energy (plus the pull-away term on D's codes): set featureMatching to \"\"");
        }
        if (s.packing() > 1) {
            return java.util.Optional.of("training.packing: an energy-based D reconstructs one example, not a pack"
                    + " of " + s.packing() + ": set packing to 1");
        }
        if (s.unrollSteps() > 0 && s.unrollGradient() == UnrollGradient.EXACT) {
            return java.util.Optional.of("training.unrollGradient: the exact unrolled gradient differentiates D's"
                    + " score loss through its updates, not the energy's: use the first-order form");
        }
        return java.util.Optional.empty();
    }

    public EnergySettings settings() {
        return settings;
    }

    /** f_PT of the last G step's codes (NaN without the pull-away term). */
    public double lastPullAway() {
        return lastPullAway;
    }

    /**
     * D's loss on a batch whose first {@code n} rows are real and next {@code m} generated: leaves ∂L_D/∂θ_D in D's
     * gradient view, sets D's loss and the mean energies of the two batches in {@code stats}, returns the gradient.
     */
    INDArray discriminatorGradient(INDArray x, int n, int m, GanTrainer.StepStats stats) {
        INDArray residual = d.forward(x).sub(x);
        double[] energy = energies(residual);
        double[] slope = new double[n + m];
        double loss = 0;
        double realEnergy = 0;
        double fakeEnergy = 0;
        for (int i = 0; i < n; i++) {
            realEnergy += energy[i] / n;
            slope[i] = 2.0 / ((double) dataDim * n);
        }
        for (int j = n; j < n + m; j++) {
            fakeEnergy += energy[j] / m;
            double gap = settings.margin() - energy[j];
            if (gap > 0) {
                loss += gap / m;
                slope[j] = -2.0 / ((double) dataDim * m);
            }
        }
        loss += realEnergy;
        d.backward(residual.muliColumnVector(column(slope, residual)));
        stats.discriminatorLoss = loss;
        stats.realScore = realEnergy;
        stats.fakeScore = fakeEnergy;
        stats.penalty = Double.NaN;
        stats.criticGradientNorm = Double.NaN;
        return d.gradient();
    }

    /** G's loss on its samples {@code fake} [m, d]: sets it in {@code stats} and returns ∂L_G/∂x, [m, d]. */
    INDArray generatorInputGradient(INDArray fake, GanTrainer.StepStats stats) {
        int m = (int) fake.rows();
        INDArray residual = d.forward(fake).sub(fake);
        double[] energy = energies(residual);
        double loss = 0;
        for (double e : energy) {
            loss += e / m;
        }
        INDArray r = residual.muli(2.0 / ((double) dataDim * m));
        INDArray gradient = d.inputGradient(r).dup().subi(r);
        if (encoder != null) {
            INDArray codes = encoder.forward(fake);
            int k = (int) codes.columns();
            double[] s = codes.dup('c').reshape(codes.length()).toDoubleVector();
            double[] slope = new double[s.length];
            lastPullAway = PullAway.valueAndGradient(s, m, k, settings.pullAwayWeight(), slope);
            loss += settings.pullAwayWeight() * lastPullAway;
            gradient.addi(encoder.inputGradient(Nd4j.create(slope, new long[] {m, k}, 'c')
                    .castTo(codes.dataType())));
        }
        stats.generatorLoss = loss;
        return gradient;
    }

    /** The energies of examples given D's inference-mode reconstructions: (1/d) Σₖ (D(x)ₖ − xₖ)², a column [n, 1]. */
    public static INDArray energies(INDArray x, INDArray reconstruction) {
        INDArray r = reconstruction.reshape(x.rows(), x.length() / x.rows()).sub(x);
        return r.muli(r).mean(1).reshape(x.rows(), 1);
    }

    /**
     * ∂E/∂x at each example (for the dashboard's arrows: the pull-away term is a batch term and is left out), fresh
     * [n, d], from D's inference pass on the engine.
     */
    public static INDArray energyInputGradient(InferenceNetwork discriminator, INDArray x) {
        INDArray r = discriminator.output(x).sub(x).muli(2.0 / x.columns());
        return discriminator.inputGradient(r).dup().subi(r);
    }

    private double[] energies(INDArray residual) {
        INDArray squared = residual.mul(residual);
        return squared.mean(1).toDoubleVector();
    }

    private static INDArray column(double[] values, INDArray like) {
        return Nd4j.create(values, new long[] {values.length, 1}, 'c').castTo(like.dataType());
    }
}
