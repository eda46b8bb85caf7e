package org.latentlab.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.ui.geometry.GeometryView;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's start-up parameters without a window: a bad one never stops the window from opening; it is left out
 * (the default experiment or tab instead) with one line saying which parameter and what is wrong.
 */
class LaunchPlanTest {

    @TempDir
    Path dir;

    /** The plan of a command line with {@code --name=value} for each entry. */
    private static LaunchPlan plan(Map<String, String> named) {
        return LaunchPlan.of(named.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
    }

    /** The plan opens the default GAN experiment on the GAN tab. */
    private static void assertDefaults(LaunchPlan p) {
        assertEquals(LaunchPlan.Bench.GAN, p.bench());
        assertEquals(Presets.defaultName(), p.ganPreset());
        assertNull(p.ganFile());
        assertNull(p.modelFile());
        assertEquals(LaunchPlan.Tab.GAN, p.tab());
    }

    /** Exactly one message, on one line, naming the parameter and containing every fragment. */
    private static void assertOneMessage(LaunchPlan p, String... fragments) {
        assertEquals(1, p.messages().size(), () -> "messages: " + p.messages());
        String m = p.messages().get(0);
        assertFalse(m.contains("\n"), m);
        assertFalse(m.contains("Exception"), "no exception names or stack traces: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), () -> "'" + m + "' should mention '" + f + "'");
        }
    }

    @Test
    void noParametersOpenTheDefaultExperimentWithoutMessages() {
        LaunchPlan p = plan(Map.of());
        assertDefaults(p);
        assertFalse(p.start());
        assertTrue(p.messages().isEmpty());
        assertEquals("", p.summary());
    }

    @Test
    void aMissingExperimentFileOpensTheDefaultAndSaysSo() {
        Path missing = dir.resolve("nowhere.json");
        LaunchPlan p = plan(Map.of("experiment", missing.toString()));
        assertDefaults(p);
        assertOneMessage(p, "--experiment", missing.toString(), "no such experiment file", Presets.defaultName());
    }

    @Test
    void anExperimentFileWithAJsonSyntaxErrorOpensTheDefaultAndSaysWhere() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, Presets.text("ring8-nsgan").replaceFirst("\\{", "{ \"name\" \"x\",\n"));
        LaunchPlan p = plan(Map.of("experiment", file.toString(), "start", "true"));
        assertDefaults(p);
        assertOneMessage(p, "--experiment", file.toString(), "line");
    }

    @Test
    void anExperimentFileWithABadValueOpensTheDefaultAndSaysWhich() throws IOException {
        Path file = dir.resolve("bad-value.json");
        Files.writeString(file, Presets.text("ring8-nsgan").replace("\"batchSize\" : 256", "\"batchSize\" : 0")
                .replace("\"batchSize\": 256", "\"batchSize\": 0"));
        LaunchPlan p = plan(Map.of("experiment", file.toString()));
        assertDefaults(p);
        assertOneMessage(p, "--experiment", file.toString(), "batchSize");
    }

    @Test
    void aBadExperimentFileFallsBackToAKnownPresetWhenOneIsGiven() {
        LaunchPlan p = plan(Map.of("experiment", dir.resolve("gone.json").toString(), "preset", "mnist-vae"));
        assertEquals(LaunchPlan.Bench.MODELS, p.bench());
        assertEquals("mnist-vae", p.modelPreset());
        assertEquals(LaunchPlan.Tab.MODELS, p.tab());
        assertOneMessage(p, "--experiment", "the preset mnist-vae");
    }

    @Test
    void goodExperimentFilesPickTheirBench() throws IOException {
        Path gan = dir.resolve("gan.json");
        Files.writeString(gan, Presets.text("grid25-nsgan"));
        LaunchPlan g = plan(Map.of("experiment", gan.toString(), "start", "true"));
        assertEquals(LaunchPlan.Bench.GAN, g.bench());
        assertEquals(gan, g.ganFile());
        assertTrue(g.start());
        assertTrue(g.messages().isEmpty(), () -> g.messages().toString());

        Path model = dir.resolve("model.json");
        Files.writeString(model, Presets.text("mnist-ae"));
        LaunchPlan m = plan(Map.of("experiment", model.toString()));
        assertEquals(LaunchPlan.Bench.MODELS, m.bench());
        assertEquals(model, m.modelFile());
        assertEquals(LaunchPlan.Tab.MODELS, m.tab());
        assertTrue(m.messages().isEmpty(), () -> m.messages().toString());
    }

    @Test
    void anUnknownPresetOpensTheDefaultAndListsTheKnownOnes() {
        LaunchPlan p = plan(Map.of("preset", "ring9-nsgan"));
        assertDefaults(p);
        assertOneMessage(p, "--preset", "ring9-nsgan", "ring8-nsgan", "mnist-vae");
    }

    @Test
    void aModelPresetOpensTheModelBench() {
        LaunchPlan p = plan(Map.of("preset", "mnist-rbm"));
        assertEquals(LaunchPlan.Bench.MODELS, p.bench());
        assertEquals("mnist-rbm", p.modelPreset());
        assertEquals(Presets.defaultName(), p.ganPreset());
        assertEquals(LaunchPlan.Tab.MODELS, p.tab());
        assertTrue(p.messages().isEmpty());
    }

    @Test
    void anUnknownTabOpensTheBenchOfTheExperiment() {
        LaunchPlan p = plan(Map.of("tab", "lattent"));
        assertDefaults(p);
        assertOneMessage(p, "--tab", "lattent", "latent", "geometry", "builder");
        assertEquals(LaunchPlan.Tab.LATENT, plan(Map.of("tab", "latent")).tab());
        assertEquals(LaunchPlan.Tab.BUILDER, plan(Map.of("tab", "Builder")).tab());
    }

    @Test
    void aMissingOrMalformedBuilderFileIsLeftOut() throws IOException {
        Path missing = dir.resolve("design.json");
        LaunchPlan p = plan(Map.of("builder-open", missing.toString(), "tab", "builder"));
        assertNull(p.builderOpen());
        assertEquals(LaunchPlan.Tab.BUILDER, p.tab());
        assertOneMessage(p, "--builder-open", missing.toString());

        Files.writeString(missing, "{ \"format\": ");
        LaunchPlan q = plan(Map.of("builder-open", missing.toString()));
        assertNull(q.builderOpen());
        assertOneMessage(q, "--builder-open", missing.toString());

        LaunchPlan t = plan(Map.of("builder-template", "dcgan-99"));
        assertNull(t.builderTemplate());
        assertOneMessage(t, "--builder-template", "dcgan-99");
    }

    @Test
    void aFolderThatIsNotARunIsLeftOutOfTheStudio() throws IOException {
        LaunchPlan p = plan(Map.of("latent-run", dir.resolve("no-run").toString(), "tab", "latent"));
        assertNull(p.latentRun());
        assertEquals(LaunchPlan.Tab.LATENT, p.tab());
        assertOneMessage(p, "--latent-run", "no-run");

        Files.createDirectories(dir.resolve("empty"));
        LaunchPlan q = plan(Map.of("latent-run", dir.resolve("empty").toString()));
        assertNull(q.latentRun());
        assertOneMessage(q, "--latent-run", "empty");
    }

    @Test
    void badQuickModelParametersAreLeftOut() {
        LaunchPlan p = plan(Map.of("latent-train", "mnist-rbm", "latent-iterations", "many"));
        assertNull(p.latentTrain());
        assertEquals(StudioModels.QUICK_ITERATIONS, p.latentIterations());
        assertEquals(2, p.messages().size(), () -> p.messages().toString());
        assertTrue(p.summary().contains("--latent-train") && p.summary().contains("--latent-iterations"),
                p.summary());

        LaunchPlan q = plan(Map.of("latent-train", "mnist-vae-2d", "latent-iterations", "50"));
        assertEquals("mnist-vae-2d", q.latentTrain());
        assertEquals(50, q.latentIterations());
        assertTrue(q.messages().isEmpty());
    }

    @Test
    void badGeometryParametersStillOpenTheGeometryBench() {
        LaunchPlan p = plan(Map.of("geometry", "curvature"));
        assertNull(p.section());
        assertEquals(LaunchPlan.Tab.GEOMETRY, p.tab());
        assertOneMessage(p, "--geometry", "curvature");

        LaunchPlan q = plan(Map.of("analyse", dir.resolve("missing-run").toString(), "directions", "diagonal"));
        assertNull(q.analyse());
        assertNull(q.directions());
        assertEquals(LaunchPlan.Tab.GEOMETRY, q.tab());
        assertEquals(2, q.messages().size(), () -> q.messages().toString());

        LaunchPlan r = plan(Map.of("analyse", dir.toString(), "geometry", "tangents"));
        assertEquals(dir.toString(), r.analyse());
        assertEquals(GeometryView.Section.TANGENTS, r.section());
        assertTrue(r.messages().isEmpty());
    }

    @Test
    void unknownParametersAndBadFlagsAreReported() {
        LaunchPlan p = LaunchPlan.of(List.of("--presett=ring8-wgan", "--start=yes", "--start"));
        assertDefaults(p);
        assertFalse(p.start());
        assertEquals(3, p.messages().size(), () -> p.messages().toString());
        assertTrue(p.summary().contains("--presett"), p.summary());
        assertTrue(p.summary().contains("--start must be true or false"), p.summary());
        assertTrue(p.summary().contains("'--start'"), p.summary());
    }
}
