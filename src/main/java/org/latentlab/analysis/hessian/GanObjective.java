package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.ElementwiseLoss;
import org.latentlab.engine.ExactCurvature;
import org.latentlab.engine.LossHead;
import org.latentlab.train.FDivergence;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;
import java.util.Optional;

/**
 * One player's loss in a GAN as a function of that player's parameters, the other player fixed, on fixed batches:
 * <ul>
 *   <li>{@link #discriminator}: L_D(θ_D) on a real batch and the generator's samples of a fixed noise batch (G
 *       fixed, its samples computed once);</li>
 *   <li>{@link #generator}: L_G(θ_G) on a fixed noise batch, D fixed.</li>
 * </ul>
 * The losses and gradients are the {@link GanTrainer}'s own ({@code discriminatorGradient},
 * {@code generatorGradient}), so every {@link GanLoss} and label smoothing are covered exactly as trained. Build the
 * trainer over DOUBLE copies of G and D ({@link DoubleNetworks#copy}), not over a running trainer's networks. The
 * loss alone costs a gradient evaluation here (the trainer computes them together).
 *
 * <p>Not supported, because they make the loss random: instance noise, dropout, and for D the WGAN-GP penalty (its
 * interpolation points are drawn anew at every call); nor the remedies for mode collapse (packing, feature matching,
 * historical averaging, R1), whose losses this objective does not compute, nor for D spectral normalisation, whose
 * training moves D's raw weights through their power iteration rather than the parameters D runs with (G's loss
 * against the normalised D, which D's network holds, is analysed as it is).
 */
public final class GanObjective extends NetworkObjective {

    private final GanTrainer trainer;
    private final boolean ofDiscriminator;
    private final INDArray real;
    private final INDArray fake;
    private final INDArray z;
    private double[] lastTheta;
    private double lastLoss;
    private double[] lastGradient;

    private GanObjective(GanTrainer trainer, boolean ofDiscriminator, INDArray real, INDArray z) {
        super(List.of(ofDiscriminator ? trainer.discriminator() : trainer.generator()));
        requireDeterministic(trainer.generator(), trainer.discriminator());
        if (trainer.settings().instanceNoise() > 0) {
            throw new LabException("instance noise makes the GAN loss random, so it has no Hessian: analyse a run"
                    + " without instance noise");
        }
        GanSettings remedies = trainer.settings();
        if (ofDiscriminator && remedies.spectralNorm()) {
            throw new LabException("this run uses spectral normalisation, which trains D's raw weights and runs D"
                    + " with them divided by their estimated σ, and D's Hessian here is in the parameters D runs"
                    + " with: analyse G's loss, or a run without it");
        }
        if (remedies.packing() > 1 || remedies.matchesFeatures() || remedies.historicalAveraging() > 0
                || remedies.r1Gamma() > 0) {
            throw new LabException("the Hessian here is of the plain GAN loss; this run uses "
                    + (remedies.packing() > 1 ? "packing" : remedies.matchesFeatures() ? "feature matching"
                    : remedies.historicalAveraging() > 0 ? "historical averaging" : "R1")
                    + ", which it does not include: analyse a run without it");
        }
        if (ofDiscriminator && trainer.settings().loss() == GanLoss.WGAN_GP) {
            throw new LabException("the WGAN-GP penalty draws new interpolation points at every evaluation, so D's"
                    + " loss has no Hessian here; the generator's loss can be analysed");
        }
        this.trainer = trainer;
        this.ofDiscriminator = ofDiscriminator;
        this.real = real == null ? null : doubles(real);
        this.z = doubles(z);
        INDArray g = trainer.generator().output(this.z, true);
        this.fake = ofDiscriminator ? (g.rank() == 2 ? g : g.reshape(g.size(0), g.length() / g.size(0))) : null;
    }

    /** D's loss as a function of D's parameters, G fixed: real examples and G's samples of the codes {@code z}. */
    public static GanObjective discriminator(GanTrainer trainer, INDArray real, INDArray z) {
        return new GanObjective(trainer, true, real, z);
    }

    /** G's loss as a function of G's parameters, D fixed, on the codes {@code z}. */
    public static GanObjective generator(GanTrainer trainer, INDArray z) {
        return new GanObjective(trainer, false, null, z);
    }

    private void evaluate(double[] theta) {
        if (lastTheta != null && java.util.Arrays.equals(lastTheta, theta)) {
            return;
        }
        load(theta);
        INDArray g;
        if (ofDiscriminator) {
            g = trainer.discriminatorGradient(real, fake);
            lastLoss = trainer.lastStats().discriminatorLoss;
        } else {
            g = trainer.generatorGradient(z);
            lastLoss = trainer.lastStats().generatorLoss;
        }
        lastGradient = collect(1, g);
        lastTheta = theta.clone();
    }

    @Override
    public double loss(double[] theta) {
        evaluate(theta);
        return lastLoss;
    }

    @Override
    public double[] gradient(double[] theta) {
        evaluate(theta);
        return lastGradient.clone();
    }

    /**
     * The same loss on the engine, exact products by the R-operator: G's loss as the chain G then D over θ_G (D's
     * parameters held where they are), D's as D on the real rows then the generated ones, each loss term written as
     * the engine's loss head with per-row targets (the f-GAN terms as an elementwise head with their second
     * derivatives). D's loss with batch normalisation in D is left to central
     * differences: the trainer normalises real and generated examples as two batches, one chain pass cannot.
     */
    @Override
    protected Optional<ExactCurvature> compileCurvature() {
        GanLoss loss = trainer.settings().loss();
        int n = (int) z.rows();
        if (!ofDiscriminator) {
            LossHead head = switch (loss) {
                case NON_SATURATING -> LossHead.sigmoidCrossEntropy(1.0 / n); // softplus(−s)
                case MINIMAX -> LossHead.sigmoidCrossEntropy(-1.0 / n); // −softplus(s)
                case WGAN, WGAN_GP, HINGE -> LossHead.linear(1.0 / n); // −s
                case LSGAN -> LossHead.squaredError(0.5 / n); // ½(s − 1)²
                case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN ->
                        fGanHead(loss, n); // −g_f(s)
            };
            double target = switch (loss) {
                case NON_SATURATING, LSGAN -> 1;
                case MINIMAX -> 0;
                case WGAN, WGAN_GP, HINGE -> -1;
                // G's non-saturating f-GAN term is the head's real one, −g_f(s)
                case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN -> 1;
            };
            return ExactCurvature.ofChains(List.of(trainer.generator(), trainer.discriminator()), head, z,
                    Nd4j.valueArrayOf(new long[] {n, 1}, target, DataType.DOUBLE), layout().runs());
        }
        if (real.rows() != n) {
            return Optional.empty();
        }
        double realTarget = trainer.settings().realTarget();
        LossHead head;
        double[] targets;
        switch (loss) {
            case MINIMAX, NON_SATURATING -> {
                head = LossHead.sigmoidCrossEntropy(1.0 / n); // t·softplus(−s) + (1 − t)·softplus(s); softplus(s)
                targets = new double[] {realTarget, 0};
            }
            case LSGAN -> {
                head = LossHead.squaredError(0.5 / n); // ½(s − t)²; ½s²
                targets = new double[] {realTarget, 0};
            }
            case WGAN -> {
                head = LossHead.linear(1.0 / n); // −s; s
                targets = new double[] {-1, 1};
            }
            case HINGE -> {
                head = LossHead.hinge(1.0 / n); // max(0, 1 − s); max(0, 1 + s)
                targets = new double[] {1, -1};
            }
            case FGAN_KL, FGAN_REVERSE_KL, FGAN_PEARSON, FGAN_HELLINGER, FGAN_JS, FGAN_GAN -> {
                head = fGanHead(loss, n); // −g_f(s); f*(g_f(s))
                targets = new double[] {1, 0};
            }
            default -> {
                return Optional.empty();
            }
        }
        INDArray y = Nd4j.create(DataType.DOUBLE, 2L * n, 1);
        y.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).assign(targets[0]);
        y.get(NDArrayIndex.interval(n, 2L * n), NDArrayIndex.all()).assign(targets[1]);
        if (couplesBatch(trainer.discriminator())) {
            // the trainer runs real and generated examples as two batches: so do the passes
            return ExactCurvature.ofBatchPair(trainer.discriminator(), head, real, fake, y, layout().runs());
        }
        return ExactCurvature.ofChains(List.of(trainer.discriminator()), head, Nd4j.vstack(real, fake), y,
                layout().runs());
    }

    /**
     * An f-GAN loss's terms as one head with their second derivatives: target 1 a real example's −g_f(s) (also G's
     * non-saturating term), target 0 a generated example's f*(g_f(s)).
     */
    private static LossHead fGanHead(GanLoss loss, int n) {
        FDivergence f = loss.fDivergence().orElseThrow();
        return LossHead.elementwise(1.0 / n, new ElementwiseLoss() {
            @Override
            public double value(double s, double target) {
                return target > 0.5 ? -f.activation(s) : f.conjugateOfActivation(s);
            }

            @Override
            public double derivative(double s, double target) {
                return target > 0.5 ? -f.activationDerivative(s) : f.conjugateOfActivationDerivative(s);
            }

            @Override
            public double secondDerivative(double s, double target) {
                return target > 0.5 ? -f.activationSecondDerivative(s) : f.conjugateOfActivationSecondDerivative(s);
            }
        }, loss.id());
    }

    /** Batch norm or minibatch discrimination: layers that couple a batch's examples. */
    private static boolean couplesBatch(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof BatchNormalization
                    || conf instanceof org.latentlab.model.MinibatchDiscriminationLayer) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return (ofDiscriminator ? "discriminator" : "generator") + " loss (" + trainer.settings().loss().id() + ", "
                + dimension() + " parameters)";
    }
}
