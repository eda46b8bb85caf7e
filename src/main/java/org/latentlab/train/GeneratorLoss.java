package org.latentlab.train;

import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * G's side of {@link GanTrainer}'s game: dL_G/dx at G's samples, from G's loss on D's scores of the samples (their
 * packs, as D's variant takes them) or from feature matching; the variant may replace the score loss (the
 * energy-based GAN). Owned by the trainer on its thread.
 */
final class GeneratorLoss {

    private final TrainingNetwork d;
    private final StepArrays step;
    private final DataType dataType;
    private final GanVariant variant;
    private final GanTrainer.StepStats last;

    GeneratorLoss(TrainingNetwork d, StepArrays step, DataType dataType, GanVariant variant,
                  GanTrainer.StepStats last) {
        this.d = d;
        this.step = step;
        this.dataType = dataType;
        this.variant = variant;
        this.last = last;
    }

    /**
     * G's GAN loss on D's scores of the samples (in packs; joined to their codes' labels when conditional): sets it
     * and returns dL_G/dx, [n, d].
     */
    INDArray gameInputGradient(INDArray fake, INDArray z, GanSettings settings, UnrolledGradient exactUnroll) {
        java.util.Optional<INDArray> own = variant.ownGeneratorInputGradient(fake, last);
        if (own.isPresent()) {
            return own.get();
        }
        double[] s = d.forward(Packs.pack(variant.generatedInput(fake, z), settings.packing())).toDoubleVector();
        int packs = s.length;
        GanLoss loss = settings.loss();
        double[] eps = new double[packs];
        double lossValue = 0;
        for (int i = 0; i < packs; i++) {
            lossValue += loss.generatorLoss(s[i]) / packs;
            eps[i] = loss.generatorLossDerivative(s[i]) / packs;
        }
        last.generatorLoss = lossValue;
        if (exactUnroll != null && exactUnroll.awaitsAdjoint()) {
            // the exact unrolled gradient also needs ∂L_G/∂θ_D at the unrolled D
            INDArray inputGradient = d.backward(step.column(eps));
            exactUnroll.takeAdjoint(d.gradient());
            return Packs.unpack(inputGradient, settings.packing());
        }
        INDArray inputGradient = Packs.unpack(d.inputGradient(step.column(eps)), settings.packing());
        return variant.exampleGradient(inputGradient);
    }

    /**
     * Feature matching (Salimans et al. 2016, section 3.1): L_G = ‖μ_real − μ_fake‖², μ the batch mean of D's
     * training-mode activations f at the chosen layer (on packs when packing); μ_real is a constant for G, so
     * dL_G/df(x_fake,j) = 2 (μ_fake − μ_real) / N for each of the N fake packs. Sets the loss, returns dL_G/dx.
     */
    INDArray featureMatchingInputGradient(TrainingNetwork features, INDArray real, INDArray fake,
                                          GanSettings settings) {
        if (real == null || real.rows() != fake.rows()) {
            throw new IllegalArgumentException("feature matching needs a real batch as large as the generated one");
        }
        INDArray realInput = real;
        if (settings.instanceNoise() > 0) {
            realInput = real.add(Nd4j.randn(dataType, real.shape()).muli(settings.instanceNoise()));
        }
        double[] realMean = features.forward(Packs.pack(realInput, settings.packing())).mean(0).toDoubleVector();
        INDArray fakeFeatures = features.forward(Packs.pack(fake, settings.packing()));
        double[] fakeMean = fakeFeatures.mean(0).toDoubleVector();
        int packs = (int) fakeFeatures.rows();
        int units = fakeMean.length;
        double lossValue = 0;
        double[] slope = new double[packs * units];
        for (int k = 0; k < units; k++) {
            double diff = fakeMean[k] - realMean[k];
            lossValue += diff * diff;
            for (int j = 0; j < packs; j++) {
                slope[j * units + k] = 2 * diff / packs;
            }
        }
        last.generatorLoss = lossValue;
        return Packs.unpack(features.inputGradient(step.filled("featureGradient", packs, units, slope)),
                settings.packing());
    }
}
