package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.engine.InferenceOutput;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GanTrainer}'s inference-mode passes for the views: G's samples, D's scores (as the variant reads them) and
 * the direction G's loss pushes each sample. Owned by the trainer on its thread.
 */
final class GanInference {

    private final InferenceOutput generatorOutput;
    private final InferenceOutput discriminatorOutput;
    private final GanVariant variant;
    private final StepArrays step;

    GanInference(MultiLayerNetwork generator, MultiLayerNetwork discriminator, GanVariant variant, StepArrays step) {
        this.generatorOutput = new InferenceOutput(generator);
        this.discriminatorOutput = new InferenceOutput(discriminator);
        this.variant = variant;
        this.step = step;
    }

    /** G's samples for the given codes, flat [n, dataDim], in inference mode. */
    INDArray generate(INDArray z) {
        return generatorOutput.of(z);
    }

    /**
     * D's raw scores for the given examples [n, dataDim], in inference mode. With packing m, D scores packs: each
     * example is scored as the pack of m copies of itself. A conditional D scores each example as the mean of its
     * scores under the K labels. An energy-based D gives each example's energy, its reconstruction error.
     */
    INDArray score(INDArray x, GanSettings settings) {
        return variant.score(x, examples -> discriminatorOutput.of(Packs.copies(examples, settings.packing())));
    }

    /**
     * dL_G/dx at the given generated points: the direction G's update pushes each sample, negated. With packing m,
     * the gradient for the pack of m copies of x, summed over the copies (the derivative along moving all of them).
     */
    INDArray lossInputGradient(INDArray fake, GanSettings settings) {
        InferenceNetwork inferenceDiscriminator = discriminatorOutput.engine().orElseThrow(() -> new LabException(
                "D has a layer the lab's engine does not run, so its gradient field cannot be drawn"));
        java.util.Optional<INDArray> own = variant.ownLossInputGradient(inferenceDiscriminator, fake);
        if (own.isPresent()) {
            return own.get();
        }
        double[] s = inferenceDiscriminator.output(Packs.copies(fake, settings.packing())).toDoubleVector();
        double[] eps = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            eps[i] = settings.loss().generatorLossDerivative(s[i]);
        }
        INDArray gradient = inferenceDiscriminator.inputGradient(step.column(eps));
        int p = settings.packing();
        return p == 1 ? gradient.dup() : gradient.reshape('c', fake.rows(), p, fake.columns()).sum(1);
    }
}
