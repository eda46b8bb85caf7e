package org.latentlab.train;

import org.latentlab.model.OptimizerSpec;

/**
 * How a GAN is trained: the objective, k discriminator steps per generator step, batch size, one optimiser per
 * network (different learning rates = TTUR), and the tricks. Validated on construction.
 *
 * @param labelSmoothing one-sided label smoothing: the real target becomes 0.9 (Salimans et al. 2016)
 * @param instanceNoise  standard deviation of Gaussian noise added to D's real and fake inputs (0 = off)
 * @param weightClip     WGAN weight clipping bound c (D's weights clipped to [−c, c] after each step)
 * @param gpLambda       WGAN-GP penalty weight λ
 */
public record GanSettings(GanLoss loss, int discriminatorSteps, int batchSize, OptimizerSpec generatorOptimizer,
                          OptimizerSpec discriminatorOptimizer, boolean labelSmoothing, double instanceNoise,
                          double weightClip, double gpLambda) {

    public static final double SMOOTHED_REAL_TARGET = 0.9;

    public GanSettings {
        if (loss == null) {
            throw new IllegalArgumentException("training.loss is missing");
        }
        if (discriminatorSteps < 1 || discriminatorSteps > 100) {
            throw new IllegalArgumentException("training.discriminatorSteps (k) must be 1..100, not "
                    + discriminatorSteps);
        }
        if (batchSize < 1 || batchSize > 65536) {
            throw new IllegalArgumentException("training.batchSize must be 1..65536, not " + batchSize);
        }
        if (generatorOptimizer == null || discriminatorOptimizer == null) {
            throw new IllegalArgumentException("training needs generatorOptimizer and discriminatorOptimizer");
        }
        if (labelSmoothing && !loss.supportsLabelSmoothing()) {
            throw new IllegalArgumentException("label smoothing applies to the minimax, nonsaturating and lsgan"
                    + " losses, not " + loss.id());
        }
        if (!(instanceNoise >= 0) || instanceNoise > 10) {
            throw new IllegalArgumentException("training.instanceNoise must be in [0, 10], not " + instanceNoise);
        }
        if (loss == GanLoss.WGAN) {
            weightClip = weightClip == 0 ? 0.01 : weightClip;
        }
        if (!(weightClip >= 0)) {
            throw new IllegalArgumentException("training.weightClip must be >= 0, not " + weightClip);
        }
        if (loss == GanLoss.WGAN_GP) {
            gpLambda = gpLambda == 0 ? 10 : gpLambda;
        }
        if (!(gpLambda >= 0)) {
            throw new IllegalArgumentException("training.gpLambda must be >= 0, not " + gpLambda);
        }
    }

    public double realTarget() {
        return labelSmoothing ? SMOOTHED_REAL_TARGET : 1.0;
    }

    public GanSettings withLearningRates(double discriminatorLr, double generatorLr) {
        return new GanSettings(loss, discriminatorSteps, batchSize, generatorOptimizer.withLearningRate(generatorLr),
                discriminatorOptimizer.withLearningRate(discriminatorLr), labelSmoothing, instanceNoise, weightClip,
                gpLambda);
    }

    public GanSettings withDiscriminatorSteps(int k) {
        return new GanSettings(loss, k, batchSize, generatorOptimizer, discriminatorOptimizer, labelSmoothing,
                instanceNoise, weightClip, gpLambda);
    }

    /** One line: "nsgan, k=1, lr D 2.0E-4, lr G 2.0E-4". */
    public String describe() {
        return loss.id() + ", k=" + discriminatorSteps + ", lr D " + discriminatorOptimizer.learningRate() + ", lr G "
                + generatorOptimizer.learningRate();
    }
}
