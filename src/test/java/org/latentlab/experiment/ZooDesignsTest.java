package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.DesignFiles;
import org.latentlab.model.edit.DesignPicture;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.LayerNode;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.ModelFamily;
import org.latentlab.model.edit.NetworkGraph;
import org.latentlab.model.edit.Role;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GAN zoo in the builder: its designs open from experiments, check their joins, and train as the presets. */
class ZooDesignsTest {

    private static DesignTemplates.Template template(String id) {
        return DesignExperiments.zooTemplates().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void everyVariantHasATemplateThatIsValidAndTrainsExactlyAsItsPreset() {
        Set<ModelFamily> families = DesignExperiments.zooTemplates().stream().map(t -> t.design().family())
                .collect(Collectors.toSet());
        assertEquals(Set.of(ModelFamily.CGAN, ModelFamily.INFOGAN, ModelFamily.BIGAN, ModelFamily.EBGAN,
                ModelFamily.AAE, ModelFamily.VAEGAN, ModelFamily.CYCLEGAN), families);
        for (var t : DesignExperiments.zooTemplates()) {
            assertTrue(t.design().check().isValid(), t.id() + ": " + t.design().check().errors());
            Experiment<?> preset = Presets.load(t.preset());
            Experiment<?> made = spec(DesignExperiments.experiment(t.design(), t.preset()));
            assertEquals(preset.getClass(), made.getClass(), t.id());
            if (preset instanceof GanExperiment p && made instanceof GanExperiment m) {
                assertEquals(p.generator(), m.generator(), t.id());
                assertEquals(p.discriminator(), m.discriminator(), t.id());
                assertEquals(p.conditional(), m.conditional(), t.id());
                assertEquals(p.infogan(), m.infogan(), t.id());
                assertEquals(p.bigan(), m.bigan(), t.id());
                assertEquals(p.energy(), m.energy(), t.id());
                assertEquals(p.training(), m.training(), t.id());
            } else if (preset instanceof AaeExperiment p && made instanceof AaeExperiment m) {
                assertEquals(p.aae(), m.aae(), t.id());
                assertEquals(p.dataset(), m.dataset(), t.id());
            } else if (preset instanceof VaeGanExperiment p && made instanceof VaeGanExperiment m) {
                assertEquals(List.of(p.encoder(), p.decoder(), p.discriminator(), p.vaegan()),
                        List.of(m.encoder(), m.decoder(), m.discriminator(), m.vaegan()), t.id());
            } else if (preset instanceof CycleGanExperiment p && made instanceof CycleGanExperiment m) {
                assertEquals(List.of(p.generator(), p.discriminator()), List.of(m.generator(), m.discriminator()));
                assertEquals(List.of(p.domainA(), p.domainB(), p.cyclegan()),
                        List.of(m.domainA(), m.domainB(), m.cyclegan()), t.id());
            }
        }
    }

    @Test
    void aZooDesignFileKeepsItsWiring() {
        for (var t : DesignExperiments.zooTemplates()) {
            ModelDesign back = DesignFiles.parseDesign(DesignFiles.toJson(t.design()), "test");
            assertEquals(t.design().wiring(), back.wiring(), t.id());
            assertEquals(t.design().family(), back.family(), t.id());
            assertEquals(t.design().toSpecs(), back.toSpecs(), t.id());
        }
    }

    @Test
    void anExperimentFileOfEachVariantOpensAsItsDesign(@TempDir Path dir) throws Exception {
        for (var t : DesignExperiments.zooTemplates()) {
            Path file = dir.resolve(t.preset() + ".json");
            Files.writeString(file, Presets.text(t.preset()));
            var opened = DesignExperiments.open(file);
            assertEquals(t.design().family(), opened.design().family(), t.id());
            assertEquals(t.design().wiring(), opened.design().wiring(), t.id());
            assertEquals(t.preset(), opened.experiment().orElseThrow().name(), t.id());
        }
    }

    @Test
    void aGanWithTwoVariantBlocksIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        String text = Presets.text("ring8-cgan").replaceFirst("\\{", "{\"energy\": {\"margin\": 1},");
        Path file = dir.resolve("two.json");
        Files.writeString(file, text);
        // either the experiment itself refuses the pair, or the builder says it draws one variant at a time
        LabException e = assertThrows(LabException.class, () -> DesignExperiments.open(file));
        assertTrue(e.getMessage().contains("two.json") || e.getMessage().contains("one variant"), e.getMessage());
    }

    @Test
    void aWiderConditionalGeneratorTrainsWithItsLabelsJoined() {
        var t = template("cgan-2d");
        ModelDesign d = t.design();
        NetworkGraph g = d.graph(Role.GENERATOR);
        LayerNode first = g.layers().get(0);
        var dense = assertInstanceOf(LayerSpec.Dense.class, first.layer());
        ModelDesign wider = d.with(Role.GENERATOR, g.withLayerReplaced(first.withLayer(new LayerSpec.Dense(
                dense.name(), dense.units() * 2, dense.activation()))));
        var made = assertInstanceOf(GanExperiment.class, spec(DesignExperiments.experiment(wider, t.preset())));
        assertEquals(dense.units() * 2, ((LayerSpec.Dense) made.generator().layers().get(0)).units());
        assertEquals(d.wiring().classes(), made.conditional().classes());
        assertEquals(d.latentDim(), made.latentDim());
    }

    @Test
    void theJoinsAreChecked() {
        // a conditional D that does not take the labels
        var c = template("cgan-2d").design();
        var noLabels = c.with(Role.DISCRIMINATOR, c.graph(Role.DISCRIMINATOR).withInputShape(c.data()));
        assertTrue(codes(noLabels).contains(Diagnostic.Code.JOIN_SIZE), noLabels.check().errors().toString());
        // a conditional G with no room for the noise
        var noNoise = c.with(Role.GENERATOR, c.graph(Role.GENERATOR).withInputShape(Shape.vector(c.wiring()
                .classes())));
        assertTrue(codes(noNoise).contains(Diagnostic.Code.JOIN_SIZE));
        // Q reading a layer D does not have, then D's score
        var info = template("infogan-2d").design();
        assertTrue(codes(info.withWiring(info.wiring().withLayer("nowhere"))).contains(Diagnostic.Code.WIRED_LAYER));
        String out = info.check().network(Role.DISCRIMINATOR).outputNode().orElseThrow();
        String outName = info.graph(Role.DISCRIMINATOR).layer(out).orElseThrow().name();
        assertTrue(codes(info.withWiring(info.wiring().withLayer(outName))).contains(Diagnostic.Code.WIRED_LAYER));
        // an EBGAN D that scores instead of reconstructing
        var eb = template("ebgan-2d").design();
        NetworkGraph ed = eb.graph(Role.DISCRIMINATOR);
        String edOut = eb.check().network(Role.DISCRIMINATOR).outputNode().orElseThrow();
        LayerNode recon = ed.layer(edOut).orElseThrow();
        var scoring = eb.with(Role.DISCRIMINATOR, ed.withLayerReplaced(recon.withLayer(new LayerSpec.Dense(
                recon.name(), 1, Activation.IDENTITY))));
        assertTrue(codes(scoring).contains(Diagnostic.Code.ENERGY_OUTPUT), scoring.check().errors().toString());
        // a BiGAN encoder whose code is not G's input size
        var bi = template("bigan-2d").design();
        NetworkGraph e = bi.graph(Role.ENCODER);
        LayerNode last = e.layers().get(e.layers().size() - 1);
        var head = (LayerSpec.Dense) last.layer();
        var shortCode = bi.with(Role.ENCODER, e.withLayerReplaced(last.withLayer(new LayerSpec.Dense(head.name(),
                head.units() + 1, head.activation()))));
        assertTrue(codes(shortCode).contains(Diagnostic.Code.CODE_MISMATCH));
        // an AAE whose decoder does not mirror its encoder
        var aae = template("aae").design();
        NetworkGraph dec = aae.graph(Role.DECODER);
        LayerNode d1 = dec.layers().get(0);
        var dd = (LayerSpec.Dense) d1.layer();
        var unmirrored = aae.with(Role.DECODER, dec.withLayerReplaced(d1.withLayer(new LayerSpec.Dense(dd.name(),
                dd.units() / 2, dd.activation()))));
        assertTrue(codes(unmirrored).contains(Diagnostic.Code.AAE_FORM));
        var sigmoidHidden = aae.with(Role.DECODER, dec.withLayerReplaced(d1.withLayer(new LayerSpec.Dense(dd.name(),
                dd.units(), Activation.SIGMOID))));
        assertTrue(codes(sigmoidHidden).contains(Diagnostic.Code.AAE_FORM));
    }

    @Test
    void aWiringTheFamilyDoesNotUseIsRefused() {
        var c = template("cgan-2d").design();
        assertThrows(IllegalArgumentException.class, () -> c.withWiring(c.wiring().withClasses(0)));
        assertThrows(IllegalArgumentException.class, () -> c.withWiring(c.wiring().withLayer("g1")));
        String json = DesignFiles.toJson(DesignTemplates.get("mlp-gan-2d").design()).replace("\"family\" : \"gan\"",
                "\"family\" : \"gan\", \"wiring\": {\"classes\": 3}");
        assertTrue(json.contains("wiring"));
        LabException e = assertThrows(LabException.class, () -> DesignFiles.parseDesign(json, "plain.json"));
        assertTrue(e.getMessage().startsWith("plain.json"), e.getMessage());
    }

    @Test
    void thePictureDrawsLabelsCodesHeadsAndFlows() {
        var c = template("cgan-28").design();
        DesignPicture p = DesignPicture.of(c);
        assertEquals(Set.of(c.graph(Role.GENERATOR).input().id(), c.graph(Role.DISCRIMINATOR).input().id()),
                p.boxes().stream().map(DesignPicture.Box::anchor).collect(Collectors.toSet()));
        assertEquals(1, p.flows().size());
        var info = template("infogan-28").design();
        DesignPicture q = DesignPicture.of(info);
        var head = q.boxes().stream().filter(b -> b.side() == DesignPicture.Side.READS).findFirst().orElseThrow();
        assertEquals(info.wiring().layer(), info.graph(Role.DISCRIMINATOR).layer(head.anchor()).orElseThrow().name());
        var aae = template("aae-labels").design();
        DesignPicture a = DesignPicture.of(aae);
        assertEquals(2, a.boxes().size(), "prior samples and the labels into D");
        assertEquals(2, a.flows().size(), "the code into the decoder and into D");
        var bigan = DesignPicture.of(template("bigan-2d").design());
        assertEquals(2, bigan.flows().size(), "G(z) and E(x) into D");
    }

    @Test
    void anAaeDesignTrainsWithItsOwnSizes() {
        var t = template("aae");
        ModelDesign d = t.design();
        ModelDesign smaller = ModelDesign.of("small", "", ModelFamily.AAE, d.data(), Map.of(
                Role.ENCODER, mlp("encoder", 784, List.of(64, 32), 2, Activation.IDENTITY),
                Role.DECODER, mlp("decoder", 2, List.of(32, 64), 784, Activation.SIGMOID),
                Role.DISCRIMINATOR, mlp("discriminator", 2, List.of(16), 1, Activation.IDENTITY)), d.wiring());
        assertTrue(smaller.check().isValid(), smaller.check().errors().toString());
        var made = assertInstanceOf(AaeExperiment.class, spec(DesignExperiments.experiment(smaller, t.preset())));
        assertEquals(List.of(64, 32), made.aae().hidden());
        assertEquals(List.of(16), made.aae().discriminatorHidden());
        assertEquals(2, made.aae().code());
        assertEquals(Presets.loadAae(t.preset()).aae().prior(), made.aae().prior());
    }

    private static NetworkSpec mlp(String name, int in, List<Integer> hidden, int out, Activation last) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            layers.add(new LayerSpec.Dense(name.charAt(0) + "h" + (i + 1), hidden.get(i), Activation.RELU));
        }
        layers.add(new LayerSpec.Dense(name.charAt(0) + "_out", out, last));
        return new NetworkSpec(name, Shape.vector(in), layers);
    }

    private static Set<Diagnostic.Code> codes(ModelDesign d) {
        return d.check().errors().stream().map(Diagnostic::code).collect(Collectors.toSet());
    }

    private static Experiment<?> spec(DesignExperiments.Trainable t) {
        return t instanceof DesignExperiments.Gan g ? g.spec() : ((DesignExperiments.Model) t).spec();
    }
}
