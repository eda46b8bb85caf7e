package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.Templates;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks between the roles of a design, each with its own message on the right nodes. */
class DesignCheckTest {

    private static final Shape V2 = Shape.vector(2);
    private static final Templates.GanPair RING = Templates.mlpGan2d(2, 16);

    private static NetworkSpec net(String name, Shape in, LayerSpec... layers) {
        return new NetworkSpec(name, in, List.of(layers));
    }

    private static LayerSpec.Dense dense(String name, int units, Activation a) {
        return new LayerSpec.Dense(name, units, a);
    }

    private static NetworkSpec critic(Activation head) {
        return net("D", V2, dense("d1", 16, Activation.RELU), dense("d_out", 1, head));
    }

    private static Diagnostic only(ModelDesign d) {
        List<Diagnostic> all = d.check().diagnostics();
        assertEquals(1, all.size(), () -> "expected one diagnostic, got " + all);
        return all.get(0);
    }

    @Test
    void aGeneratorThatDoesNotProduceTheDataShapeIsFlaggedOnItsLastLayer() {
        NetworkSpec g = net("G", V2, dense("g1", 16, Activation.RELU), dense("g_out", 3, Activation.IDENTITY));
        ModelDesign d = ModelDesign.gan("x", "", g, RING.discriminator(), V2, false);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Code.DATA_MISMATCH, x.code());
        assertEquals("the generator outputs 3 but the data are 2: G's last layer must produce 2", x.message());
        assertEquals(List.of("generator/g_out"), x.nodes());
        assertEquals("G", x.network());
        assertFalse(d.check().isValid());
    }

    @Test
    void aDiscriminatorThatDoesNotTakeTheDataShapeIsFlaggedOnItsInput() {
        NetworkSpec disc = net("D", Shape.vector(3), dense("d1", 16, Activation.RELU),
                dense("d_out", 1, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.gan("x", "", RING.generator(), disc, V2, false));
        assertEquals(Diagnostic.Code.DATA_MISMATCH, x.code());
        assertEquals("the discriminator takes 3 but the data are 2: set its input to 2", x.message());
        assertEquals(List.of("discriminator"), x.nodes());
    }

    @Test
    void aDiscriminatorTakingPacksOfSamplesIsAWarningThatNamesThePacking() {
        NetworkSpec packed = net("D", Shape.vector(6), dense("d1", 16, Activation.RELU),
                dense("d_out", 1, Activation.IDENTITY));
        ModelDesign d = ModelDesign.gan("x", "", RING.generator(), packed, V2, false);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Severity.WARNING, x.severity());
        assertTrue(x.message().contains("training.packing = 3"), x.message());
        assertTrue(x.message().contains("PacGAN, Lin et al. 2018") && x.message().contains("judges 3 samples at once")
                && x.message().contains("Train trains it with"), "says what packing does and who sets it: "
                + x.message());
        assertTrue(d.check().isValid());
    }

    @Test
    void theSameValuesInAnotherLayoutAreOnlyAWarning() {
        // mlpGan28's G without its final reshape outputs 784 values for 1x28x28 data.
        Templates.GanPair p = Templates.mlpGan28(100);
        NetworkSpec flat = new NetworkSpec("G", p.generator().input(), p.generator().layers().subList(0, 3));
        ModelDesign d = ModelDesign.gan("x", "", flat, p.discriminator(), Shape.image(1, 28, 28), false);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Severity.WARNING, x.severity());
        assertEquals(Diagnostic.Code.LAYOUT_MISMATCH, x.code());
        assertEquals("the generator outputs 784 and the data are 1x28x28: the same 784 values in another layout;"
                + " this trains (examples travel flat), but to make them match, add a Reshape to 1x28x28 at the end"
                + " of G", x.message());
        assertTrue(d.check().isValid(), "a warning does not stop training");
    }

    @Test
    void theNoiseInputMustBeAVector() {
        NetworkSpec g = net("G", Shape.image(1, 2, 1), new LayerSpec.Flatten("g_flat"),
                dense("g_out", 2, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.gan("x", "", g, RING.discriminator(), V2, false));
        assertEquals(Diagnostic.Code.NOISE_NOT_VECTOR, x.code());
        assertEquals("the generator's input is the noise z: it must be a vector such as [100], not 1x2x1",
                x.message());
        assertEquals(List.of("generator"), x.nodes());
    }

    @Test
    void aDiscriminatorMustEndInOneScore() {
        NetworkSpec disc = net("D", V2, dense("d1", 16, Activation.RELU), dense("d_out", 10, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.gan("x", "", RING.generator(), disc, V2, false));
        assertEquals(Diagnostic.Code.DISCRIMINATOR_HEAD, x.code());
        assertEquals("the discriminator must end in a dense layer of 1 unit (one score per example), not dense"
                + " 'd_out' with output 10: add one or change the last layer", x.message());
        assertEquals(List.of("discriminator/d_out"), x.nodes());
    }

    @Test
    void aGanDiscriminatorWithASigmoidHeadIsRefusedBecauseTheLossAppliesIt() {
        Diagnostic x = only(ModelDesign.gan("x", "", RING.generator(), critic(Activation.SIGMOID), V2, false));
        assertEquals(Diagnostic.Code.HEAD_ACTIVATION, x.code());
        assertEquals("the discriminator ends in a sigmoid ('d_out'), but the GAN losses apply the sigmoid to its raw"
                + " score themselves; set its activation to identity", x.message());
    }

    @Test
    void aHeadWithAnotherActivationIsRefusedToo() {
        Diagnostic x = only(ModelDesign.gan("x", "", RING.generator(), critic(Activation.RELU), V2, false));
        assertEquals(Diagnostic.Code.HEAD_ACTIVATION, x.code());
        assertEquals("the discriminator's last layer 'd_out' has a relu activation, but the losses take its raw"
                + " score: set its activation to identity", x.message());
    }

    @Test
    void aWganCriticHasNoSigmoidHead() {
        ModelDesign d = ModelDesign.gan("x", "", RING.generator(), critic(Activation.SIGMOID), V2, true);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Code.CRITIC_SIGMOID, x.code());
        assertEquals("a WGAN critic has no sigmoid: its score is unbounded, but 'd_out' squashes it into (0, 1);"
                + " set its activation to identity", x.message());
        assertEquals(List.of("critic/d_out"), x.nodes());
    }

    @Test
    void aSigmoidActivationLayerAtTheEndOfACriticIsToBeDeleted() {
        NetworkSpec c = net("D", V2, dense("d_out", 1, Activation.IDENTITY),
                new LayerSpec.Act("squash", Activation.SIGMOID, 0));
        Diagnostic x = only(ModelDesign.gan("x", "", RING.generator(), c, V2, true));
        assertEquals(Diagnostic.Code.CRITIC_SIGMOID, x.code());
        assertTrue(x.message().endsWith("'squash' squashes it into (0, 1); delete it"), x.message());
    }

    @Test
    void batchNormInACriticIsAWarning() {
        NetworkSpec c = net("D", V2, dense("d1", 16, Activation.IDENTITY), new LayerSpec.BatchNorm("d_bn"),
                dense("d_out", 1, Activation.IDENTITY));
        ModelDesign d = ModelDesign.gan("x", "", RING.generator(), c, V2, true);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Severity.WARNING, x.severity());
        assertEquals(Diagnostic.Code.CRITIC_BATCHNORM, x.code());
        assertEquals("batch norm in a critic ('d_bn') makes each example's score depend on the rest of its batch,"
                + " which the gradient penalty assumes it does not: remove it", x.message());
        assertEquals(List.of("critic/d_bn"), x.nodes());
        assertTrue(ModelDesign.gan("x", "", RING.generator(), c, V2, false).check().diagnostics().isEmpty(),
                "a plain GAN's discriminator may use batch norm");
    }

    @Test
    void anAutoencodersCodeMustFitItsDecoder() {
        NetworkSpec enc = net("encoder", Shape.vector(784), dense("enc_out", 64, Activation.SIGMOID));
        NetworkSpec dec = net("decoder", Shape.vector(32), dense("dec_out", 784, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.autoencoder("x", "", enc, dec, false));
        assertEquals(Diagnostic.Code.CODE_MISMATCH, x.code());
        assertEquals("the encoder outputs a code of 64 but the decoder takes 32: make them equal: set the decoder's"
                + " input to 64 or change the encoder's last layer", x.message());
        assertEquals(List.of("encoder/enc_out", "decoder"), x.nodes());
        assertEquals(null, x.network(), "a problem between two networks belongs to neither");
    }

    @Test
    void aDecoderMustReconstructTheData() {
        NetworkSpec enc = net("encoder", Shape.vector(784), dense("enc_out", 64, Activation.SIGMOID));
        NetworkSpec dec = net("decoder", Shape.vector(64), dense("dec_out", 780, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.autoencoder("x", "", enc, dec, false));
        assertEquals(Diagnostic.Code.DATA_MISMATCH, x.code());
        assertEquals("the decoder outputs 780 but the data are 784: an autoencoder reconstructs its input, so the"
                + " decoder's last layer must produce 784", x.message());
        assertEquals(List.of("decoder/dec_out"), x.nodes());
    }

    @Test
    void anEncoderMustTakeTheData() {
        ModelDesign d = DesignTemplates.get("autoencoder").design().withData(Shape.vector(100));
        List<Diagnostic> all = d.check().diagnostics();
        assertEquals(2, all.size(), all::toString);
        assertEquals("the encoder takes 784 but the data are 100: set its input to 100", all.get(0).message());
        assertEquals(List.of("encoder"), all.get(0).nodes());
        assertEquals(Diagnostic.Code.DATA_MISMATCH, all.get(1).code(), "and the decoder's output no longer fits");
    }

    @Test
    void aVaeEncoderOutputsTwiceTheCode() {
        NetworkSpec enc = net("encoder", Shape.vector(784), dense("enc1", 16, Activation.RELU),
                dense("enc_out", 20, Activation.IDENTITY));
        NetworkSpec dec = net("decoder", Shape.vector(20), dense("dec_out", 784, Activation.IDENTITY));
        Diagnostic x = only(ModelDesign.autoencoder("x", "", enc, dec, true));
        assertEquals(Diagnostic.Code.VAE_HEAD_SIZE, x.code());
        assertEquals("a VAE's encoder outputs the mean and the log-variance of the code (2 x 20 = 40 values for a"
                + " decoder that takes 20), but 'enc_out' outputs 20: end the encoder with a dense layer of 40 units"
                + " and no activation", x.message());
        assertEquals(List.of("encoder/enc_out", "decoder"), x.nodes());
    }

    @Test
    void aVaeHeadWithAnActivationIsWarnedAbout() {
        NetworkSpec enc = net("encoder", Shape.vector(784), dense("enc_out", 40, Activation.TANH));
        NetworkSpec dec = net("decoder", Shape.vector(20), dense("dec_out", 784, Activation.IDENTITY));
        ModelDesign d = ModelDesign.autoencoder("x", "", enc, dec, true);
        Diagnostic x = only(d);
        assertEquals(Diagnostic.Severity.WARNING, x.severity());
        assertEquals(Diagnostic.Code.VAE_HEAD_ACTIVATION, x.code());
        assertEquals("the VAE head 'enc_out' has a tanh activation, but the mean and the log-variance are"
                + " unbounded: set its activation to identity", x.message());
        assertEquals(20, d.codeSize());
        assertEquals(new ModelDesign.SamplingBlock(20), d.samplingBlock().orElseThrow());
        assertEquals(40, d.samplingBlock().orElseThrow().inputSize());
        assertEquals("encoder/enc_out", d.codeNode().orElseThrow());
    }

    @Test
    void everyRbmLayerIsADenseLayerOfSigmoidUnits() {
        ModelDesign d = DesignTemplates.get("dbn").design();
        NetworkGraph g = d.graph(Role.RBM);
        LayerNode h2 = g.layerNamed("h2").orElseThrow();
        ModelDesign relu = d.with(Role.RBM, g.withLayerReplaced(h2.withLayer(dense("h2", 250, Activation.RELU))));
        Diagnostic x = only(relu);
        assertEquals(Diagnostic.Code.RBM_LAYER, x.code());
        assertEquals("an RBM layer is a dense layer of sigmoid hidden units, p(h|v) = sigmoid(v W + c); 'h2' has a"
                + " relu activation", x.message());
        assertEquals(List.of(h2.id()), x.nodes());
        ModelDesign dropout = d.with(Role.RBM, g.withLayerReplaced(h2.withLayer(new LayerSpec.Dropout("h2", 0.1))));
        assertTrue(only(dropout).message().endsWith("'h2' is a dropout layer"));
        assertEquals(List.of(500, 250), d.rbmHidden());
    }

    @Test
    void anRbmsVisibleUnitsAreTheDataSize() {
        Diagnostic x = only(DesignTemplates.get("rbm").design().withData(Shape.vector(100)));
        assertEquals(Diagnostic.Code.DATA_MISMATCH, x.code());
        assertEquals("the RBM has 784 visible units (784) but the data are 100: set its input to 100", x.message());
    }

    @Test
    void roleChecksWaitUntilTheNetworkItselfIsValid() {
        ModelDesign d = DesignTemplates.get("mlp-gan-2d").design();
        NetworkGraph g = d.graph(Role.GENERATOR);
        ModelDesign broken = d.with(Role.GENERATOR, g.withoutLayers(List.of("generator/g_out")));
        // Without g_out, G is a valid network ending in g2 (128 wide): it misses the data shape.
        assertEquals(List.of(Diagnostic.Code.DATA_MISMATCH), codes(broken));
        ModelDesign loose = d.with(Role.GENERATOR, g.withoutEdge(new Edge("generator/g1", "generator/g2")));
        // g2 -> g_out now hangs loose: G is broken, so there is no role message about its output.
        assertEquals(List.of(Diagnostic.Code.DANGLING_INPUT), codes(loose));
        LabException e = assertThrows(LabException.class, () -> loose.check().requireValid());
        assertTrue(e.getMessage().startsWith("design 'mlp-gan-2d' cannot be trained: G: nothing is connected to the"
                + " input of 'g2'"), e.getMessage());
    }

    private static List<Diagnostic.Code> codes(ModelDesign d) {
        return d.check().diagnostics().stream().map(Diagnostic::code).toList();
    }

    /**
     * The experiment files are the oracle: a GAN or autoencoder design is valid exactly when an experiment built
     * from its networks is accepted (for designs whose data shape the experiment's data set fixes).
     */
    @Test
    void designChecksAgreeWithTheExperimentFiles() {
        GanExperiment gan = Presets.loadGan("ring8-nsgan");
        List<NetworkSpec> discriminators = new ArrayList<>(List.of(RING.discriminator(), critic(Activation.SIGMOID),
                critic(Activation.TANH), net("D", V2, dense("d_out", 2, Activation.IDENTITY)),
                net("D", Shape.vector(3), dense("d_out", 1, Activation.IDENTITY))));
        for (NetworkSpec disc : discriminators) {
            boolean designOk = ModelDesign.gan("x", "", RING.generator(), disc, V2, false).check().isValid();
            boolean fileOk = accepts(() -> new GanExperiment(gan.name(), "", 1, gan.dataset(), RING.generator(), disc,
                    gan.training(), 10, 1, 1));
            assertEquals(fileOk, designOk, disc.toString());
        }
        ReconstructionExperiment vae = Presets.loadReconstruction("mnist-vae");
        List<NetworkSpec[]> pairs = List.of(
                new NetworkSpec[] {vae.encoder(), vae.decoder()},
                new NetworkSpec[] {net("encoder", Shape.vector(784), dense("enc_out", 20, Activation.IDENTITY)),
                        vae.decoder()},
                new NetworkSpec[] {vae.encoder(), net("decoder", Shape.vector(20), dense("d", 780,
                        Activation.IDENTITY))});
        for (NetworkSpec[] p : pairs) {
            boolean designOk = ModelDesign.autoencoder("x", "", p[0], p[1], true).check().isValid();
            boolean fileOk = accepts(() -> new ReconstructionExperiment("x", "", vae.family(), 1, vae.dataset(), p[0], p[1],
                    vae.training(), null, 10, 1, 1, 0));
            assertEquals(fileOk, designOk, p[0] + " / " + p[1]);
        }
    }

    private static boolean accepts(Runnable r) {
        try {
            r.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
