package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignFilesTest {

    @TempDir
    Path dir;

    private static String json(String template) {
        return DesignFiles.toJson(DesignTemplates.get(template).design());
    }

    private static String problem(String json) {
        return assertThrows(LabException.class, () -> DesignFiles.parseDesign(json, "d.json")).getMessage();
    }

    @Test
    void everyTemplateSavesAndOpensAsTheSameDesign() {
        for (DesignTemplates.Template t : DesignTemplates.all()) {
            Path f = dir.resolve(t.id() + ".json");
            DesignFiles.writeDesign(t.design(), f);
            assertEquals(t.design(), DesignFiles.readDesign(f), t.id());
        }
    }

    @Test
    void positionsOnTheCanvasAreKeptAndIdsFollowTheRoles() {
        DesignDocument doc = new DesignDocument(DesignTemplates.get("dcgan-28").design());
        EditHistory h = new EditHistory();
        h.perform(MoveNodesEdit.by(doc, List.of("generator/g_bn0", "discriminator"), 12.5, -40));
        h.perform(new RenameLayerEdit(doc, "generator/g_bn0", "bn_first"));
        ModelDesign back = DesignFiles.parseDesign(DesignFiles.toJson(doc.design()), "x");
        assertEquals(doc.design().toSpecs(), back.toSpecs());
        NetworkGraph g = back.graph(Role.GENERATOR);
        assertEquals(doc.design().graph(Role.GENERATOR).position("generator/g_bn0"),
                g.position(g.layerNamed("bn_first").orElseThrow().id()));
        assertEquals(doc.design().graph(Role.DISCRIMINATOR).input().position(),
                back.graph(Role.DISCRIMINATOR).input().position());
    }

    @Test
    void aNetworkFileIsTheNetworkSpecOfTheExperimentFiles() {
        NetworkSpec g = Presets.loadGan("mnist-mlp-gan").generator();
        Path f = dir.resolve("g.json");
        DesignFiles.writeNetwork(g, f);
        assertEquals(g, DesignFiles.readNetwork(f));
        String fromPreset = Presets.text("fashion-dcgan");
        String generatorJson = fromPreset.substring(fromPreset.indexOf("\"generator\" : ") + 14,
                fromPreset.indexOf(",\n  \"discriminator\""));
        assertEquals(Presets.loadGan("fashion-dcgan").generator(), DesignFiles.parseNetwork(generatorJson, "cut"),
                "a network cut out of an experiment file opens as it is");
        assertEquals(ModelDesign.network(g).toSpecs().get(Role.NETWORK), g);
    }

    @Test
    void badValuesNameTheJsonPathLineAndWhatIsWrong() {
        String vae = json("vae");
        assertEquals("d.json: at networks[0].network.layers[0] (line 19, column 7): dense layer 'enc1' needs units"
                + " >= 1, not 0", problem(vae.replace("\"units\" : 400", "\"units\" : 0")));
        assertEquals("d.json: at networks[0].network.layers[0].units (line 16, column 19): expected a whole number"
                + " here", problem(vae.replace("\"units\" : 400", "\"units\" : \"many\"")));
        assertEquals("d.json: at networks[0].network.layers[0] (line 14, column 18): unknown layer type 'dens'"
                + " (known: dense, activation, batchnorm, dropout, conv2d, deconv2d, upsample2d, pool2d, reshape,"
                + " flatten, minibatch, virtualbatchnorm, maxout)",
                problem(vae.replaceFirst("\"type\" : \"dense\"", "\"type\" : \"dens\"")));
        String unknown = problem(vae.replace("\"units\" : 400,", "\"units\" : 400, \"unit\" : 3,"));
        assertTrue(unknown.startsWith("d.json: at networks[0].network.layers[0].unit (line "), unknown);
        assertTrue(unknown.endsWith("unknown field 'unit' (known: [name, activation, units, alpha])"), unknown);
        assertEquals("d.json: at data (line 7, column 21): a shape is [size] or [channels, height, width], not"
                + " [784, 3]", problem(vae.replace("\"data\" : [ 784 ]", "\"data\" : [ 784, 3 ]")));
        assertEquals("d.json: at networks[0].layout.input (line 28, column 23): a position is [x, y], not [0.0]",
                problem(vae.replace("\"input\" : [ 0.0, 0.0 ]", "\"input\" : [ 0.0 ]")));
        assertEquals("d.json: (line 5, column 231): Unexpected end-of-input: was expecting closing quote for a"
                + " string value", problem(vae.substring(0, 300)), "a cut-off file says where it ends");
        assertEquals("d.json: (line 1, column 4): unexpected text after the end of the JSON", problem("{} {}"));
        assertEquals("d.json: (line 1, column 1): expected an object {...} here", problem("[1, 2]"));
    }

    @Test
    void badStructureNamesThePlaceToo() {
        String vae = json("vae");
        assertEquals("d.json: at networks[1].role: a vae design has no critic (its networks: encoder and decoder)",
                problem(vae.replace("\"role\" : \"decoder\"", "\"role\" : \"critic\"")));
        assertEquals("d.json: at networks[1].role (line 35, column 14): unknown role 'decodr' (known: generator,"
                + " discriminator, critic, encoder, decoder, rbm, network)",
                problem(vae.replace("\"role\" : \"decoder\"", "\"role\" : \"decodr\"")));
        assertEquals("d.json: at networks[1].role: a second encoder network",
                problem(vae.replace("\"role\" : \"decoder\"", "\"role\" : \"encoder\"")));
        assertEquals("d.json: at networks[0].layout.layers.encX: network 'encoder' has no layer named 'encX'",
                problem(vae.replace("\"enc1\" : [", "\"encX\" : [")));
        assertEquals("d.json: at format: not a design file (\"format\" must be \"latentlab-design\", not"
                + " \"design\")", problem(vae.replace("\"latentlab-design\"", "\"design\"")));
        assertEquals("d.json: this is a single network file, not a design: open it as a network",
                problem(DesignFiles.toJson(Presets.loadGan("ring8-nsgan").generator())));
        assertEquals("d.json: this is an experiment file, not a design: its networks open in the builder from the"
                + " experiment", problem(Presets.text("mnist-vae")));
        assertEquals("d.json: at version: this lab reads design files of version 1, not 2",
                problem(vae.replace("\"version\" : 1", "\"version\" : 2")));
        String gan = json("mlp-gan-2d");
        int cut = gan.indexOf("}, {\n    \"role\" : \"discriminator\"");
        assertEquals("d.json: at networks: the discriminator network is missing (a gan design has generator and"
                + " discriminator)", problem(gan.substring(0, cut) + "} ]\n}"));
        assertEquals("d.json: the file is empty", problem(" "));
        assertEquals("n.json: the file is empty", assertThrows(LabException.class,
                () -> DesignFiles.parseNetwork("", "n.json")).getMessage());
        assertEquals("n.json: at layers[0] (line 1, column 81): dense layer 'a' needs units >= 1, not 0",
                assertThrows(LabException.class, () -> DesignFiles.parseNetwork("{\"name\": \"G\", \"input\": [2],"
                        + " \"layers\": [{\"type\": \"dense\", \"name\": \"a\", \"units\": 0}]}", "n.json"))
                        .getMessage());
    }

    @Test
    void aFailedOpenLeavesTheDocumentAndItsHistoryAsTheyWere() throws Exception {
        DesignDocument doc = new DesignDocument(DesignTemplates.get("autoencoder").design());
        EditHistory h = new EditHistory();
        h.perform(new SetLayerPropertyEdit(doc, "encoder/enc_out", "units", 32));
        ModelDesign before = doc.design();
        Path f = dir.resolve("broken.json");
        Files.writeString(f, json("vae").replace("\"units\" : 400", "\"units\" : -1"));
        LabException e = assertThrows(LabException.class, () -> h.perform(new LoadDesignEdit(doc,
                DesignFiles.readDesign(f), "Open broken.json")));
        assertTrue(e.getMessage().startsWith(f + ": at networks[0].network.layers[0]"), e.getMessage());
        assertSame(before, doc.design());
        assertEquals("Undo Set units of 'enc_out' to 32", h.undoLabel());
        assertEquals(f.getParent().resolve("nope.json") + ": no such design file",
                assertThrows(LabException.class, () -> DesignFiles.readDesign(f.getParent().resolve("nope.json")))
                        .getMessage());
    }

    @Test
    void aDesignThatCannotBeBuiltIsNotSaved() {
        DesignDocument doc = new DesignDocument(DesignTemplates.get("mlp-gan-2d").design());
        new EditHistory().perform(new DisconnectEdit(doc, new Edge("generator/g1", "generator/g2")));
        Path f = dir.resolve("x.json");
        LabException e = assertThrows(LabException.class, () -> DesignFiles.writeDesign(doc.design(), f));
        assertEquals("cannot save design 'mlp-gan-2d': network 'G' cannot be built: nothing is connected to the"
                + " input of 'g2': connect the layer before it (or the input) to it", e.getMessage());
        assertTrue(!Files.exists(f));
    }

    @Test
    void aDesignWithRoleProblemsStillSavesSoWorkInProgressIsKept() {
        ModelDesign d = DesignTemplates.get("mlp-gan-2d").design().withData(Shape.vector(3));
        assertTrue(!d.check().isValid());
        assertEquals(d, DesignFiles.parseDesign(DesignFiles.toJson(d), "x"));
    }
}
