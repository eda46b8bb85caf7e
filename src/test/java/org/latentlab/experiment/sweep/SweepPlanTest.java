package org.latentlab.experiment.sweep;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sweep files: their validation messages and their expansion into combinations and runs. */
class SweepPlanTest {

    private static SweepSpec parse(String json) {
        return SweepFiles.parse(json, "s.json");
    }

    private static SweepPlan plan(String json) {
        return SweepPlan.expand(parse(json), Presets.load("ring8-nsgan"), "s.json", Path.of("."));
    }

    private static String message(String json) {
        return assertThrows(LabException.class, () -> plan(json)).getMessage();
    }

    @Test
    void aGridIsTheProductOfItsValuesInTheOrderWrittenAndEachCombinationHasItsSeeds() {
        SweepPlan p = plan("""
                {"name": "g", "base": "ring8-nsgan", "seeds": 3, "firstSeed": 10,
                 "grid": {"training.discriminatorSteps": [1, 2], "training.batchSize": [64, 128, 256]},
                 "metrics": ["modes_covered"]}""");
        assertEquals(6, p.combinations().size());
        assertEquals(18, p.runs().size());
        assertEquals(18, p.spec().runCount());
        assertEquals("discriminatorSteps=1, batchSize=64", p.combinations().get(0).label());
        assertEquals("discriminatorSteps=1, batchSize=128", p.combinations().get(1).label());
        assertEquals("discriminatorSteps=2, batchSize=256", p.combinations().get(5).label());
        GanExperiment last = (GanExperiment) p.combinations().get(5).experiment();
        assertEquals(2, last.training().discriminatorSteps());
        assertEquals(256, last.training().batchSize());
        assertEquals(List.of(10L, 11L, 12L), p.runs().subList(0, 3).stream().map(SweepPlan.Run::seed).toList());
        SweepPlan.Run r = p.runs().get(4);
        assertEquals("c02-seed11", r.name());
        assertEquals(11, r.experiment().seed());
        assertEquals("g-c02-seed11", r.experiment().name());
        assertEquals(128, ((GanExperiment) r.experiment()).training().batchSize());
    }

    @Test
    void listedCombinationsChangeValuesTogetherAndMultiplyTheGrid() {
        SweepPlan p = plan("""
                {"name": "pac", "base": "ring8-nsgan", "seeds": 2, "iterations": 500,
                 "set": {"sampleInterval": 100},
                 "grid": {"training.batchSize": [64, 128]},
                 "combinations": [
                   {"label": "GAN", "set": {"training.packing": 1}},
                   {"label": "PacGAN2", "set": {"training.packing": 2, "discriminator.input.0": 4}}],
                 "metrics": ["modes_covered"], "at": [200, 500]}""");
        assertEquals(4, p.combinations().size());
        assertEquals(8, p.runs().size());
        assertEquals("PacGAN2, batchSize=64", p.combinations().get(1).label());
        GanExperiment pac = (GanExperiment) p.combinations().get(1).experiment();
        assertEquals(2, pac.training().packing());
        assertEquals(4, pac.discriminator().input().size());
        assertEquals(500, pac.iterations());
        assertEquals(100, pac.sampleInterval());
        // the base is untouched where the sweep says nothing
        assertEquals(Presets.loadGan("ring8-nsgan").generator(), pac.generator());
        assertEquals(Presets.loadGan("ring8-nsgan").seed(), p.runs().get(0).seed());
    }

    @Test
    void theBundledSweepsExpand() {
        for (String name : SweepFiles.BUNDLED) {
            SweepPlan p = SweepFiles.plan(name);
            assertEquals(name, p.spec().name());
            assertTrue(p.runs().size() > 1, name);
        }
        SweepPlan packing = SweepFiles.plan("ring8-packing");
        assertEquals(List.of("GAN", "PacGAN2", "PacGAN3", "PacGAN4"),
                packing.combinations().stream().map(SweepPlan.Combination::label).toList());
        assertEquals(20, packing.runs().size());
        assertEquals(3, ((GanExperiment) packing.combinations().get(2).experiment()).training().packing());
    }

    @Test
    void labelsNameAPathByItsShortestUnambiguousTail() {
        List<String> paths = List.of("generatorOptimizer.learningRate", "discriminatorOptimizer.learningRate",
                "training.batchSize", "generator.layers.0.units");
        assertEquals("generatorOptimizer.learningRate", SweepPlan.shortName(paths.get(0), paths));
        assertEquals("batchSize", SweepPlan.shortName("training.batchSize", paths));
        assertEquals("units", SweepPlan.shortName("generator.layers.0.units", paths));
        assertEquals("learningRate", SweepPlan.shortName("training.discriminatorOptimizer.learningRate",
                List.of("training.discriminatorOptimizer.learningRate")));
    }

    @Test
    void withoutGridOrCombinationsTheSweepIsTheBaseOverSeeds() {
        SweepPlan p = plan("""
                {"name": "b", "base": "ring8-nsgan", "seeds": 4, "metrics": ["modes_covered"]}""");
        assertEquals(1, p.combinations().size());
        assertEquals("ring8-nsgan", p.combinations().get(0).label());
        assertEquals(4, p.runs().size());
    }

    @Test
    void aPathThatNamesNoFieldSaysWhichFieldsThereAre() {
        String m = message("""
                {"name": "x", "base": "ring8-nsgan", "seeds": 1, "grid": {"training.packng": [2]},
                 "metrics": ["modes_covered"]}""");
        assertTrue(m.startsWith("s.json: combination 'packng=2': training.packng: training has no field"
                + " 'packng' (fields: "), m);
        assertTrue(m.contains("packing"), m);
        String list = message("""
                {"name": "x", "base": "ring8-nsgan", "seeds": 1, "set": {"generator.layers.9.units": 3},
                 "metrics": ["modes_covered"]}""");
        assertTrue(list.contains("generator.layers is a list of"), list);
        assertTrue(list.contains("no position 9"), list);
    }

    @Test
    void aValueTheExperimentRefusesNamesTheCombinationAndTheExperimentsOwnMessage() {
        String m = message("""
                {"name": "x", "base": "ring8-nsgan", "seeds": 1,
                 "combinations": [{"label": "PacGAN3", "set": {"training.packing": 3}}],
                 "metrics": ["modes_covered"]}""");
        assertTrue(m.startsWith("s.json: combination 'PacGAN3'"), m);
        assertTrue(m.contains("training.batchSize (256) must be a multiple of training.packing (3)"), m);
        assertTrue(!m.contains("line 1, column"), "no position in a file the person did not write: " + m);
    }

    @Test
    void reportedIterationsMustBeMeasured() {
        String m = message("""
                {"name": "x", "base": "ring8-nsgan", "seeds": 1, "iterations": 1000,
                 "metrics": ["modes_covered"], "at": [300]}""");
        assertTrue(m.contains("measures every 250 iterations"), m);
        String after = message("""
                {"name": "x", "base": "ring8-nsgan", "seeds": 1, "metrics": ["modes_covered"], "at": [40000]}""");
        assertTrue(after.contains("trains 20000 iterations"), after);
    }

    @Test
    void theFileItselfIsValidatedFieldByField() {
        assertMessage("{\"name\": \"a b\", \"base\": \"ring8-nsgan\", \"seeds\": 1, \"metrics\": [\"m\"]}",
                "name must be letters, digits");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"metrics\": [\"m\"]}", "seeds must be from 1");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 2}", "metrics must name one or more");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 2, \"metrics\": [\"m\"],"
                + " \"at\": [500, 200]}", "at must list iterations from 1 upwards");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 2, \"metrics\": [\"m\"],"
                + " \"grid\": {\"training.packing\": []}}", "grid \"training.packing\" needs a list of one or more");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 2, \"metrics\": [\"m\"],"
                + " \"grid\": {\"training..packing\": [1]}}", "is not a path into the experiment file");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 2, \"metrics\": [\"m\"],"
                + " \"combinations\": [{\"label\": \"A\", \"set\": {\"seed\": 1}},"
                + " {\"label\": \"A\", \"set\": {\"seed\": 2}}]}", "two combinations are labelled 'A'");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 1000, \"metrics\": [\"m\"],"
                + " \"grid\": {\"seed\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}}", "at most 10000");
        assertMessage("{\"name\": \"a\", \"base\": \"ring8-nsgan\", \"seeds\": 1, \"metrics\": [\"m\"],"
                + " \"sedes\": 3}", "unknown field 'sedes'");
        assertMessage("[1, 2]", "a sweep file is one JSON object");
        String base = assertThrows(LabException.class, () -> SweepFiles.plan(writeTemp(
                "{\"name\": \"a\", \"base\": \"no-such\", \"seeds\": 1, \"metrics\": [\"m\"]}"))).getMessage();
        assertTrue(base.contains("base 'no-such' is neither a preset nor an experiment file"), base);
    }

    private static void assertMessage(String json, String expected) {
        String m = assertThrows(LabException.class, () -> parse(json)).getMessage();
        assertTrue(m.startsWith("s.json: ") && m.contains(expected), m);
    }

    private static String writeTemp(String text) throws java.io.IOException {
        Path f = java.nio.file.Files.createTempFile("sweep", ".json");
        java.nio.file.Files.writeString(f, text);
        f.toFile().deleteOnExit();
        return f.toString();
    }
}
