package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.ShapeInference;
import org.latentlab.train.GanSettings;
import org.latentlab.train.InfoGanCodes;
import org.latentlab.train.InfoGanHead;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Where InfoGAN's codes and Q head go in a GAN's networks, checked against the spec (Chen et al. 2016, sections 4
 * and 6): G's input is the noise followed by the K one-hot values of the categorical code and the continuous codes;
 * Q is a small network on D's layer {@code infogan.layer} (D's body), a hidden dense layer (leaky ReLU 0.1, as the
 * paper's MNIST Q) when {@code qHidden} > 0, then K logits and C means.
 */
public final class InfoGanLayout {

    /** The negative slope of Q's leaky ReLU (Chen et al. 2016, appendix C.1). */
    static final double Q_SLOPE = 0.1;

    private InfoGanLayout() {
    }

    /**
     * Checks the networks and the training settings for InfoGAN's codes and Q head.
     *
     * @throws IllegalArgumentException saying which size or setting to change
     */
    static void check(InfoGanSpec info, boolean conditional, NetworkSpec generator, NetworkSpec discriminator,
                      GanSettings training) {
        if (conditional) {
            throw new IllegalArgumentException("an experiment is either conditional or an InfoGAN: remove"
                    + " \"conditional\" or \"infogan\"");
        }
        int gIn = generator.input().size();
        int codes = info.codeColumns();
        if (gIn <= codes) {
            throw new IllegalArgumentException("infogan has " + info.categorical() + " categorical and "
                    + info.continuous() + " continuous code values, so generator.input holds the noise and " + codes
                    + " code values: make it noise + " + codes + " (e.g. " + (62 + codes) + "), not " + gIn);
        }
        if (generator.output().size() != discriminator.input().size()) {
            throw new IllegalArgumentException("generator outputs " + generator.output() + " but discriminator takes "
                    + discriminator.input() + ": they must have the same size");
        }
        List<String> usable = GanExperiment.featureMatchingLayers(discriminator);
        if (!usable.contains(info.layer())) {
            throw new IllegalArgumentException("infogan.layer names '" + info.layer() + "', which is not a hidden"
                    + " layer of the discriminator: use one of " + usable);
        }
        for (LayerSpec l : discriminator.layers()) {
            if (l instanceof LayerSpec.BatchNorm || l instanceof LayerSpec.MinibatchDiscrimination) {
                throw new IllegalArgumentException("InfoGAN's Q reads D's body on generated batches alone, and "
                        + l.type() + " layer '" + l.name() + "' makes every score depend on the whole batch: remove"
                        + " it from the discriminator");
            }
            if (l.name().equals(info.layer())) {
                break;
            }
        }
        for (LayerSpec l : generator.layers()) {
            if (l instanceof LayerSpec.VirtualBatchNorm) {
                throw new IllegalArgumentException("InfoGAN cannot use virtual batch norm layer '" + l.name()
                        + "' (its reference batch holds noise without codes): remove it");
            }
        }
        InfoGanCodes.refusal(training).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /** The shape of D's layer {@code layer}'s activations (Q's input). */
    static Shape bodyOutput(NetworkSpec discriminator, String layer) {
        List<Shape> shapes = ShapeInference.infer(discriminator.name(), discriminator.input(),
                discriminator.layers());
        List<LayerSpec> layers = discriminator.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer)) {
                return shapes.get(i);
            }
        }
        throw new IllegalArgumentException("the discriminator has no layer '" + layer + "'");
    }

    /** Q's network spec: the body's activations (flat) to K logits and C means. */
    public static NetworkSpec qNetwork(InfoGanSpec info, NetworkSpec discriminator) {
        int in = bodyOutput(discriminator, info.layer()).size();
        java.util.List<LayerSpec> layers = new java.util.ArrayList<>();
        if (info.qHidden() > 0) {
            layers.add(new LayerSpec.Dense("q1", info.qHidden(), Activation.LEAKYRELU, Q_SLOPE));
        }
        layers.add(new LayerSpec.Dense("q_out", info.codeColumns(), Activation.IDENTITY, 0));
        return new NetworkSpec("Q", Shape.vector(in), layers);
    }

    /** The run's InfoGAN head on its compiled D: Q compiled with D's optimiser from the random seed after D's. */
    public static InfoGanHead head(GanExperiment spec, MultiLayerNetwork discriminator, DataType type) {
        InfoGanSpec info = spec.infogan();
        MultiLayerNetwork q = NetworkCompiler.compile(qNetwork(info, spec.discriminator()),
                spec.training().discriminatorOptimizer(), spec.seed() + 2, type);
        return new InfoGanHead(codes(spec, type), discriminator, info.layer(), q, info.lambda(),
                info.continuousLambda());
    }

    /** The run's codes: noise, K, C. */
    public static InfoGanCodes codes(GanExperiment spec, DataType type) {
        return new InfoGanCodes(spec.latentDim(), spec.infogan().categorical(), spec.infogan().continuous(), type);
    }
}
