package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.DataSource;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.Backend;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Virtual batch normalisation in experiment files: ring8-vbn and grid25-vbn are their non-saturating presets with
 * the layer after each hidden dense layer of G and nothing else changed, fashion-dcgan-vbn is fashion-dcgan with
 * the layer for each batch norm of G; a run of ring8-vbn (and of fashion-dcgan-vbn, per channel) stopped at a checkpoint
 * and resumed in a fresh trainer ends bit for bit where the uninterrupted run ends (the reference statistics travel
 * with G's parameters, the reference codes come from the run's random seed); the layer in a discriminator, an encoder or a
 * decoder is refused with the fix.
 */
class VirtualBatchNormPresetsTest {

    @TempDir
    Path runDir;

    @Test
    void thePresetsAreTheNonSaturatingOnesWithTheLayerAfterEachHiddenDenseLayerOfG() {
        for (String[] pair : new String[][] {{"ring8-vbn", "ring8-nsgan"}, {"grid25-vbn", "grid25-nsgan"}}) {
            GanExperiment vbn = Presets.loadGan(pair[0]);
            GanExperiment plain = Presets.loadGan(pair[1]);
            assertTrue(Presets.gans().contains(pair[0]), pair[0] + " is listed");
            List<LayerSpec> layers = new ArrayList<>();
            for (LayerSpec l : plain.generator().layers()) {
                layers.add(l);
                if (l instanceof LayerSpec.Dense d && !d.name().equals("g_out")) {
                    layers.add(new LayerSpec.VirtualBatchNorm("g_vbn" + d.name().substring(1), 64));
                }
            }
            NetworkSpec g = new NetworkSpec(plain.generator().name(), plain.generator().input(), layers);
            assertEquals(new GanExperiment(pair[0], vbn.description(), plain.seed(), plain.dataset(), g,
                    plain.discriminator(), plain.training(), plain.iterations(), plain.sampleInterval(),
                    plain.checkpointInterval()), vbn, "only the name, the description and G's layers differ");
        }
    }

    @Test
    void fashionDcganVbnIsFashionDcganWithVirtualBatchNormForEachBatchNormOfG() {
        GanExperiment vbn = Presets.loadGan("fashion-dcgan-vbn");
        GanExperiment plain = Presets.loadGan("fashion-dcgan");
        assertTrue(Presets.gans().contains("fashion-dcgan-vbn"), "listed");
        List<LayerSpec> layers = new ArrayList<>();
        int replaced = 0;
        for (LayerSpec l : plain.generator().layers()) {
            if (l instanceof LayerSpec.BatchNorm b) {
                layers.add(new LayerSpec.VirtualBatchNorm(b.name().replace("g_bn", "g_vbn"), 64));
                replaced++;
            } else {
                layers.add(l);
            }
        }
        assertEquals(2, replaced, "one after the dense layer (per unit), one after the transposed convolution");
        NetworkSpec g = new NetworkSpec(plain.generator().name(), plain.generator().input(), layers);
        assertEquals(new GanExperiment("fashion-dcgan-vbn", vbn.description(), plain.seed(), plain.dataset(), g,
                plain.discriminator(), plain.training(), plain.iterations(), plain.sampleInterval(),
                plain.checkpointInterval()), vbn, "only the name, the description and G's normalisation differ");
    }

    @Test
    void aResumedRunMatchesTheUninterruptedRunExactly() {
        checkResume("ring8-vbn", 30, 1);
    }

    /** The same for a convolutional G: virtual batch norm per channel after its transposed convolution. */
    @Test
    void aResumedConvolutionalRunMatchesTheUninterruptedRunExactly() {
        checkResume("fashion-dcgan-vbn", 6, 4);
    }

    private void checkResume(String preset, int iterations, int convLayer) {
        Backend.init();
        GanExperiment spec = Presets.loadGan(preset).withIterations(iterations);
        DataSource data = ExperimentData.open(spec, Path.of("."));
        GanTrainer straight = ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT);
        float[] start = floats(straight.generator());
        iterate(straight, iterations);
        assertFalse(java.util.Arrays.equals(start, floats(straight.generator())), "G trained");
        assertTrue(Double.isFinite(straight.lastStats().generatorLoss));
        assertTrue(Double.isFinite(straight.lastStats().discriminatorLoss));

        GanTrainer first = ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT);
        iterate(first, iterations / 2);
        Checkpoint.save(runDir, first);
        GanTrainer resumed = ExperimentRunner.buildTrainer(spec, data, DataType.FLOAT);
        assertTrue(Checkpoint.restoreLatest(runDir, resumed));
        assertArrayEquals(floats(first.generator()), floats(resumed.generator()), "restored G and its statistics");
        iterate(resumed, iterations - iterations / 2);

        assertArrayEquals(floats(straight.generator()), floats(resumed.generator()), "G parameters");
        assertArrayEquals(floats(straight.discriminator()), floats(resumed.discriminator()), "D parameters");
        assertArrayEquals(straight.generator().getUpdater().getStateViewArray().dup().toFloatVector(),
                resumed.generator().getUpdater().getStateViewArray().dup().toFloatVector(), "G updater state");
        // the stored statistics moved with G: they are not the initial mean 0, variance 1
        float[] stats = straight.generator().getLayer(convLayer).getParam("variance").dup().toFloatVector();
        assertTrue(stats[0] != 1f && stats[0] >= 0, "the reference variance was stored: " + stats[0]);
    }

    private static void iterate(GanTrainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    private static float[] floats(MultiLayerNetwork net) {
        return net.params().dup().toFloatVector();
    }

    @Test
    void theLayerIsRefusedOutsideAGenerator() {
        GanExperiment vbn = Presets.loadGan("ring8-vbn");
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        NetworkSpec d = plain.discriminator();
        List<LayerSpec> layers = new ArrayList<>(d.layers());
        layers.add(1, new LayerSpec.VirtualBatchNorm("d_vbn", 64));
        IllegalArgumentException inD = assertThrows(IllegalArgumentException.class, () -> new GanExperiment("x", "",
                1, plain.dataset(), plain.generator(), new NetworkSpec("D", d.input(), layers), plain.training(), 10,
                5, 5));
        assertTrue(inD.getMessage().contains("'d_vbn' belongs in the generator"), inD.getMessage());

        List<LayerSpec> mixed = new ArrayList<>(vbn.generator().layers());
        mixed.set(1, new LayerSpec.VirtualBatchNorm("g_vbn1", 32));
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class, () -> new GanExperiment("x", "",
                1, plain.dataset(), new NetworkSpec("G", vbn.generator().input(), mixed), d, plain.training(), 10, 5,
                5));
        assertTrue(two.getMessage().contains("[32, 64]"), two.getMessage());

        ReconstructionExperiment ae = Presets.loadReconstruction("ring8-ae-2d");
        List<LayerSpec> decoder = new ArrayList<>(ae.decoder().layers());
        decoder.add(1, new LayerSpec.VirtualBatchNorm("dec_vbn", 64));
        IllegalArgumentException inAe = assertThrows(IllegalArgumentException.class, () ->
                new ReconstructionExperiment(ae.name(), "", ae.family(), 1, ae.dataset(), ae.encoder(),
                        new NetworkSpec("dec", ae.decoder().input(), decoder), ae.training(), null, 10, 5, 5, 0));
        assertTrue(inAe.getMessage().contains("'dec_vbn' is for a GAN's generator")
                && inAe.getMessage().contains("decoder"), inAe.getMessage());
    }

    /** On images too: after a convolution of D, after a convolution of a convolutional decoder. */
    @Test
    void theLayerOnImagesIsRefusedOutsideAGenerator() {
        GanExperiment dc = Presets.loadGan("fashion-dcgan-vbn");
        NetworkSpec d = dc.discriminator();
        List<LayerSpec> layers = new ArrayList<>(d.layers());
        assertTrue(layers.get(0) instanceof LayerSpec.Conv2D);
        layers.add(1, new LayerSpec.VirtualBatchNorm("d_vbn", 64));
        IllegalArgumentException inD = assertThrows(IllegalArgumentException.class, () -> new GanExperiment("x", "",
                1, dc.dataset(), dc.generator(), new NetworkSpec("D", d.input(), layers), dc.training(), 10, 5, 5));
        assertTrue(inD.getMessage().contains("'d_vbn' belongs in the generator"), inD.getMessage());

        ReconstructionExperiment ae = Presets.loadReconstruction("mnist-conv-ae");
        List<LayerSpec> decoder = new ArrayList<>(ae.decoder().layers());
        int conv = 3;
        assertTrue(decoder.get(conv) instanceof LayerSpec.Conv2D);
        decoder.add(conv + 1, new LayerSpec.VirtualBatchNorm("dec_vbn", 64));
        IllegalArgumentException inAe = assertThrows(IllegalArgumentException.class, () ->
                new ReconstructionExperiment(ae.name(), "", ae.family(), 1, ae.dataset(), ae.encoder(),
                        new NetworkSpec("dec", ae.decoder().input(), decoder), ae.training(), null, 10, 5, 5, 0));
        assertTrue(inAe.getMessage().contains("'dec_vbn' is for a GAN's generator")
                && inAe.getMessage().contains("decoder"), inAe.getMessage());
    }
}
