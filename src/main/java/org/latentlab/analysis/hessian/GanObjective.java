package org.latentlab.analysis.hessian;

import org.latentlab.core.LabException;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

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
 * interpolation points are drawn anew at every call).
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

    @Override
    public String describe() {
        return (ofDiscriminator ? "discriminator" : "generator") + " loss (" + trainer.settings().loss().id() + ", "
                + dimension() + " parameters)";
    }
}
