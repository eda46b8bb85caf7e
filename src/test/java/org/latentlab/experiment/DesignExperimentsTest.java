package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.Role;
import org.latentlab.train.Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder's Train and Export: a design becomes its preset's experiment with the design's networks. */
class DesignExperimentsTest {

    @Test
    void aGanTemplateTrainsWithItsPresetsDataAndSettings() {
        var t = DesignTemplates.get("mlp-gan-28");
        var trainable = assertInstanceOf(DesignExperiments.Gan.class,
                DesignExperiments.experiment(t.design(), t.preset()));
        GanExperiment preset = Presets.loadGan(t.preset());
        assertEquals(preset.generator(), trainable.spec().generator());
        assertEquals(preset.discriminator(), trainable.spec().discriminator());
        assertEquals(preset.dataset(), trainable.spec().dataset());
        assertEquals(preset.training(), trainable.spec().training());
    }

    @Test
    void aDiscriminatorTakingPacksOfSamplesTrainsWithThatPacking() {
        var t = DesignTemplates.get("mlp-gan-2d");
        GanExperiment preset = Presets.loadGan(t.preset());
        assertEquals(1, preset.training().packing());
        int data = preset.generator().output().size();
        for (int m : new int[] {2, 4}) {
            ModelDesign packed = t.design().with(Role.DISCRIMINATOR,
                    t.design().graph(Role.DISCRIMINATOR).withInputShape(Shape.vector(m * data)));
            var trainable = assertInstanceOf(DesignExperiments.Gan.class,
                    DesignExperiments.experiment(packed, t.preset()));
            assertEquals(m, trainable.spec().training().packing());
            assertEquals(preset.training().withPacking(m), trainable.spec().training(), "the rest as the preset's");
            // and back: the packed experiment with single-sample networks trains unpacked
            var single = assertInstanceOf(DesignExperiments.Gan.class,
                    DesignExperiments.experiment(t.design(), trainable));
            assertEquals(1, single.spec().training().packing());
        }
    }

    @Test
    void anAutoencoderAndAVaeTemplateBecomeReconstructionExperiments() {
        for (String id : List.of("autoencoder", "vae")) {
            var t = DesignTemplates.get(id);
            var trainable = assertInstanceOf(DesignExperiments.Model.class,
                    DesignExperiments.experiment(t.design(), t.preset()));
            ReconstructionExperiment preset = Presets.loadReconstruction(t.preset());
            var spec = assertInstanceOf(ReconstructionExperiment.class, trainable.spec());
            assertEquals(preset.family(), spec.family());
            assertEquals(preset.encoder(), spec.encoder());
            assertEquals(preset.decoder(), spec.decoder());
        }
    }

    @Test
    void aDesignWithErrorsIsRefusedWithEachError() {
        var t = DesignTemplates.get("mlp-gan-2d");
        ModelDesign broken = t.design().with(Role.DISCRIMINATOR,
                t.design().graph(Role.DISCRIMINATOR).withInputShape(Shape.image(1, 28, 28)));
        LabException e = assertThrows(LabException.class, () -> DesignExperiments.experiment(broken, t.preset()));
        assertTrue(e.getMessage().contains("error") && e.getMessage().contains("Flatten"), e.getMessage());
    }

    @Test
    void aGanDesignDoesNotTrainWithAnAutoencoderPreset() {
        var t = DesignTemplates.get("mlp-gan-2d");
        LabException e = assertThrows(LabException.class, () -> DesignExperiments.experiment(t.design(),
                "mnist-vae"));
        assertTrue(e.getMessage().contains("GAN experiment"), e.getMessage());
    }

    @Test
    void theExportIsADl4jModelThatLoadsBack(@TempDir Path dir) throws Exception {
        Backend.init();
        var t = DesignTemplates.get("dcgan-28");
        List<Path> files = DesignExperiments.exportDl4j(t.design(), dir);
        assertEquals(4, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 0, f.toString());
        }
        Path g = files.stream().filter(p -> p.toString().endsWith("generator.zip")).findFirst().orElseThrow();
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(g.toFile());
        var expected = org.latentlab.model.CostEstimate.of(t.design().graph(Role.GENERATOR).toSpec(), 1);
        assertEquals(expected.parameters(), net.numParams());
        String json = Files.readString(files.stream().filter(p -> p.toString().endsWith("generator.json"))
                .findFirst().orElseThrow());
        assertTrue(json.contains("\"confs\""), json.substring(0, Math.min(200, json.length())));
    }

    @Test
    void rbmTemplatesTrainWithTheirHiddenSizes() {
        for (String id : List.of("rbm", "dbn")) {
            var t = DesignTemplates.get(id);
            var trainable = assertInstanceOf(DesignExperiments.Model.class,
                    DesignExperiments.experiment(t.design(), t.preset()));
            var spec = assertInstanceOf(ReconstructionExperiment.class, trainable.spec());
            assertEquals(Family.RBM, spec.family());
            assertEquals(t.design().rbmHidden(), spec.rbm().hidden());
            assertEquals(Presets.loadReconstruction(t.preset()).rbm().k(), spec.rbm().k());
        }
    }

    @Test
    void anExperimentFileOpensAsItsNetworksAndTrainsWithItsOwnSettings(@TempDir Path dir) {
        GanExperiment gan = Presets.loadGan("ring8-wgangp");
        Path ganFile = dir.resolve("my-gan.json");
        ExperimentFiles.write(gan, ganFile);
        DesignExperiments.Opened opened = DesignExperiments.open(ganFile);
        assertEquals(org.latentlab.model.edit.ModelFamily.WGAN, opened.design().family());
        assertEquals(gan.generator(), opened.design().graph(Role.GENERATOR).toSpec());
        assertEquals(gan.discriminator(), opened.design().graph(Role.CRITIC).toSpec());
        var again = assertInstanceOf(DesignExperiments.Gan.class,
                DesignExperiments.experiment(opened.design(), opened.experiment().orElseThrow()));
        assertEquals(gan.training(), again.spec().training());
        assertEquals(gan.generator(), again.spec().generator());

        ReconstructionExperiment vae = Presets.loadReconstruction("mnist-vae");
        Path vaeFile = dir.resolve("my-vae.json");
        ExperimentFiles.write(vae, vaeFile);
        DesignExperiments.Opened v = DesignExperiments.open(vaeFile);
        assertEquals(org.latentlab.model.edit.ModelFamily.VAE, v.design().family());
        assertEquals(vae.encoder(), v.design().graph(Role.ENCODER).toSpec());
        assertTrue(v.design().check().isValid(), v.design().check().diagnostics().toString());

        ReconstructionExperiment dbn = Presets.loadReconstruction("mnist-dbn");
        Path dbnFile = dir.resolve("my-dbn.json");
        ExperimentFiles.write(dbn, dbnFile);
        ModelDesign d = DesignExperiments.open(dbnFile).design();
        assertEquals(org.latentlab.model.edit.ModelFamily.RBM, d.family());
        assertEquals(org.latentlab.model.Shape.vector(784), d.data());
        assertEquals(dbn.rbm().hidden(), d.rbmHidden());

        // a design file opens as a design, with no experiment of its own
        Path designFile = dir.resolve("design.json");
        org.latentlab.model.edit.DesignFiles.writeDesign(opened.design(), designFile);
        assertTrue(DesignExperiments.open(designFile).experiment().isEmpty());
    }
}
