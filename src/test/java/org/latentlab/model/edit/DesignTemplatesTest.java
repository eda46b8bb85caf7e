package org.latentlab.model.edit;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.ae.Reparameterisation;
import org.latentlab.train.rbm.DeepBeliefNet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every template validates with no diagnostic, compiles to DL4J, and runs a forward pass of the whole model on a
 * batch of the right shape; its networks are those of the bundled preset it names, which accepts them.
 */
class DesignTemplatesTest {

    private static final OptimizerSpec ADAM = OptimizerSpec.adam(1e-3, 0.9);
    private static final int N = 3;

    static Stream<DesignTemplates.Template> templates() {
        return DesignTemplates.all().stream();
    }

    @Test
    void thereIsATemplateForEveryFamilyTheLabTrains() {
        assertEquals(List.of("mlp-gan-2d", "mlp-gan-28", "dcgan-28", "wgan-2d", "autoencoder", "deep-autoencoder",
                "sparse-autoencoder", "denoising-autoencoder", "contractive-autoencoder", "conv-autoencoder", "vae",
                "rbm", "dbn"), DesignTemplates.all().stream().map(DesignTemplates.Template::id).toList());
        for (ModelFamily f : List.of(ModelFamily.GAN, ModelFamily.WGAN, ModelFamily.AUTOENCODER, ModelFamily.VAE,
                ModelFamily.RBM)) {
            assertTrue(DesignTemplates.all().stream().anyMatch(t -> t.design().family() == f), f.id());
        }
        assertEquals(DesignTemplates.get("sparse-autoencoder").design().networks(),
                DesignTemplates.get("denoising-autoencoder").design().networks(),
                "sparse and denoising autoencoders share the networks; the objective differs");
        assertTrue(DesignTemplates.get("denoising-autoencoder").design().description().contains("objective"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void validatesClean(DesignTemplates.Template t) {
        assertEquals(List.of(), t.design().check().diagnostics());
        assertEquals(t.id(), t.design().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void usesTheNetworksOfItsPresetWhichAcceptsThem(DesignTemplates.Template t) {
        Map<Role, NetworkSpec> specs = t.design().toSpecs();
        ModelDesign d = t.design();
        if (d.family().isGan()) {
            GanExperiment p = Presets.loadGan(t.preset());
            NetworkSpec disc = specs.get(d.family() == ModelFamily.WGAN ? Role.CRITIC : Role.DISCRIMINATOR);
            assertEquals(p.generator(), specs.get(Role.GENERATOR));
            assertEquals(p.discriminator(), disc);
            assertEquals(d.family() == ModelFamily.WGAN, p.training().loss().id().startsWith("wgan"));
            new GanExperiment("t", "", 1, p.dataset(), specs.get(Role.GENERATOR), disc, p.training(), 10, 1, 1);
        } else if (d.family() == ModelFamily.RBM) {
            ReconstructionExperiment p = Presets.loadReconstruction(t.preset());
            assertEquals(p.rbm().hidden(), d.rbmHidden());
        } else {
            ReconstructionExperiment p = Presets.loadReconstruction(t.preset());
            assertEquals(p.family().id(), d.family().id());
            assertEquals(p.encoder(), specs.get(Role.ENCODER));
            assertEquals(p.decoder(), specs.get(Role.DECODER));
            new ReconstructionExperiment("t", "", p.family(), 1, p.dataset(), specs.get(Role.ENCODER), specs.get(Role.DECODER),
                    p.training(), null, 10, 1, 1, 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void compilesAndRunsTheWholeModelOnABatchOfTheDataShape(DesignTemplates.Template t) {
        ModelDesign d = t.design();
        Map<Role, NetworkSpec> specs = d.toSpecs();
        Shape data = d.data();
        switch (d.family()) {
            case GAN, WGAN -> {
                INDArray z = Nd4j.randn(DataType.FLOAT, N, d.latentDim());
                INDArray fake = forward(specs.get(Role.GENERATOR), z, data);
                Role critic = d.family() == ModelFamily.WGAN ? Role.CRITIC : Role.DISCRIMINATOR;
                forward(specs.get(critic), fake.reshape(N, data.size()), Shape.vector(1));
                forward(specs.get(critic), Nd4j.rand(DataType.FLOAT, N, data.size()), Shape.vector(1));
            }
            case AUTOENCODER -> {
                INDArray code = forward(specs.get(Role.ENCODER), Nd4j.rand(DataType.FLOAT, N, data.size()),
                        specs.get(Role.DECODER).input());
                forward(specs.get(Role.DECODER), code.reshape(N, d.codeSize()), data);
            }
            case VAE -> {
                int k = d.codeSize();
                INDArray head = forward(specs.get(Role.ENCODER), Nd4j.rand(DataType.FLOAT, N, data.size()),
                        Shape.vector(d.samplingBlock().orElseThrow().inputSize()));
                double[] eps = new Random(1).doubles(N * k).map(x -> x - 0.5).toArray();
                double[] z = Reparameterisation.sample(head.castTo(DataType.DOUBLE).data().asDouble(), eps, N, k);
                forward(specs.get(Role.DECODER), Nd4j.create(z, new long[] {N, k}, DataType.FLOAT), data);
            }
            case RBM -> {
                List<Integer> hidden = d.rbmHidden();
                forward(specs.get(Role.RBM), Nd4j.rand(DataType.FLOAT, N, data.size()),
                        Shape.vector(hidden.get(hidden.size() - 1)));
            }
            default -> throw new AssertionError(d.family());
        }
    }

    /** Runs one network on a flat batch and checks the output: N examples of {@code expected}, all finite. */
    private static INDArray forward(NetworkSpec spec, INDArray x, Shape expected) {
        MultiLayerNetwork net = NetworkCompiler.compile(spec, ADAM, 7, DataType.FLOAT);
        INDArray y = net.output(x, false);
        long[] want = y.rank() == 4 ? new long[] {N, expected.channels(), expected.height(), expected.width()}
                : new long[] {N, expected.size()};
        assertArrayEquals(want, y.shape(), spec.name());
        assertEquals(expected, spec.output(), spec.name() + " output shape");
        for (double v : y.castTo(DataType.DOUBLE).data().asDouble()) {
            assertTrue(Double.isFinite(v), spec.name() + " outputs " + v);
        }
        return y;
    }

    /**
     * The RBM templates are honest: given the same weights, the compiled network computes what the lab's RBMs
     * compute going up, p(h|v) of each RBM in turn.
     */
    @Test
    void theCompiledRbmNetworkComputesTheRbmsHiddenProbabilities() {
        for (String id : List.of("rbm", "dbn")) {
            ModelDesign d = DesignTemplates.get(id).design();
            List<Integer> hidden = d.rbmHidden();
            DeepBeliefNet dbn = new DeepBeliefNet(784, hidden, 3, DataType.FLOAT);
            MultiLayerNetwork net = NetworkCompiler.compile(d.toSpecs().get(Role.RBM), ADAM, 1, DataType.FLOAT);
            for (int l = 0; l < hidden.size(); l++) {
                dbn.rbm(l).hiddenBias().assign(Nd4j.randn(DataType.FLOAT, 1, hidden.get(l)).muli(0.5));
                net.getLayer(l).setParam("W", dbn.rbm(l).weights());
                net.getLayer(l).setParam("b", dbn.rbm(l).hiddenBias());
            }
            INDArray v = Nd4j.rand(DataType.FLOAT, 5, 784);
            INDArray expected = dbn.propagateUp(v, hidden.size());
            INDArray actual = net.output(v, false);
            assertTrue(expected.equalsWithEps(actual, 1e-5), id);
        }
    }
}
