package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.train.GanStatus;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.RunState;
import org.latentlab.train.TrainingStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One experiment model for every family: every bundled preset reads as the family its catalogue says, writes its
 * family first and reads back equal; files and run folders written before the {@code "family"} field existed (GAN
 * files without it, autoencoder checkpoints named {@code iter-N}) keep opening and resuming.
 */
class ExperimentModelTest {

    /** Run folders made by the lab before experiments named their family (ring8-nsgan and ring8-ae-2d, 30 its). */
    private static final String OLD_RUNS = "runs-before-families";

    @TempDir
    Path tmp;

    @Test
    void everyPresetReadsAsItsFamilyAndRoundTrips() {
        assertEquals(Presets.NAMES.size(), Presets.gans().size() + Presets.reconstructions().size()
                + Presets.sbns().size() + Presets.cyclegans().size() + Presets.vaeGans().size() + Presets.aaes().size());
        for (String name : Presets.NAMES) {
            Experiment<?> e = Presets.load(name);
            assertEquals(Presets.family(name), e.family(), name);
            assertEquals(name, e.name());
            String json = ExperimentFiles.toJson(e);
            JsonNode tree = readTree(json);
            assertEquals("family", tree.fieldNames().next(), name + ": the family comes first");
            assertEquals(e.family().id(), tree.get("family").asText(), name);
            assertEquals(e, ExperimentFiles.parse(json, name), name + " reads back as written");
            if (e instanceof GanExperiment g) {
                assertEquals(g, Presets.loadGan(name));
                assertEquals(g.latentDim(), g.codeDim());
            } else if (e instanceof SbnExperiment sbn) {
                assertEquals(sbn, Presets.loadSbn(name));
                assertEquals(sbn, Presets.loadModel(name));
            } else if (e instanceof CycleGanExperiment cyclegan) {
                assertEquals(cyclegan, Presets.loadModel(name));
            } else if (e instanceof VaeGanExperiment vaegan) {
                assertEquals(vaegan, Presets.loadVaeGan(name));
                assertEquals(vaegan, Presets.loadModel(name));
            } else if (e instanceof AaeExperiment aae) {
                assertEquals(aae, Presets.loadAae(name));
                assertEquals(aae, Presets.loadModel(name));
            } else {
                assertInstanceOf(ReconstructionExperiment.class, e, name);
                assertEquals(e, Presets.loadReconstruction(name));
            }
        }
    }

    @Test
    void aFileWithoutAFamilyIsAGanAndIsWrittenBackWithOne() {
        String old = ExperimentFiles.toJson(Presets.loadGan("grid25-nsgan")).replaceFirst("\"family\" : \"gan\",\\s*", "");
        assertTrue(!old.contains("\"family\""), old.substring(0, 40));
        Experiment<?> e = ExperimentFiles.parse(old, "old.json");
        assertInstanceOf(GanExperiment.class, e);
        assertEquals(Family.GAN, e.family());
        assertEquals(Presets.loadGan("grid25-nsgan"), e);
        assertTrue(ExperimentFiles.toJson(e).startsWith("{\n  \"family\" : \"gan\","), ExperimentFiles.toJson(e));
    }

    @Test
    void theFamilyFieldChoosesTheRecordAndWrongFamiliesAreNamed() {
        String vae = ExperimentFiles.toJson(Presets.loadReconstruction("mnist-vae"));
        assertInstanceOf(ReconstructionExperiment.class, ExperimentFiles.parse(vae, "vae.json"));
        LabException unknown = assertThrows(LabException.class, () -> ExperimentFiles.parse(
                vae.replace("\"family\" : \"vae\"", "\"family\" : \"diffusion\""), "x.json"));
        assertEquals("x.json: at family: unknown family 'diffusion' (known: gan, autoencoder, vae, rbm, sbn, cyclegan, vaegan, aae)",
                unknown.getMessage());
        LabException ganAsVae = assertThrows(LabException.class, () -> ExperimentFiles.parse(
                vae.replace("\"family\" : \"vae\"", "\"family\" : \"gan\""), "y.json"));
        assertTrue(ganAsVae.getMessage().startsWith("y.json: "), ganAsVae.getMessage());
        assertThrows(LabException.class, () -> ExperimentFiles.parseGan(vae, "vae.json"));
        assertThrows(LabException.class, () -> ExperimentFiles.parseReconstruction(Presets.text("ring8-nsgan"),
                "gan.json"));
    }

    @Test
    void aGanRunFolderFromBeforeFamiliesOpensAndResumes() throws Exception {
        Path run = copyOldRun("ring8-nsgan");
        SavedModel saved = SavedModel.open(run);
        assertEquals(Family.GAN, saved.kind());
        assertEquals(30, saved.iteration());
        assertInstanceOf(GanExperiment.class, saved.spec());

        List<TrainingStatus> seen = new CopyOnWriteArrayList<>();
        try (ExperimentRunner.Session<?, ?> s = ExperimentRunner.resume(run, options())) {
            assertInstanceOf(GanExperiment.class, s.spec());
            s.run().subscribe(seen::add);
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
        }
        assertTrue(seen.stream().allMatch(GanStatus.class::isInstance));
        assertEquals(40, SavedModel.open(run).iteration(), "continued from 30 to the new count");
        assertEquals(List.of("30", "40"), firstColumn(run));
    }

    @Test
    void anAutoencoderRunFolderFromBeforeFamiliesOpensAndResumes() throws Exception {
        Path run = copyOldRun("ring8-ae-2d");
        assertTrue(Files.isDirectory(run.resolve("checkpoints").resolve("iter-30")), "the old checkpoint name");
        SavedModel saved = SavedModel.open(run);
        assertEquals(Family.AUTOENCODER, saved.kind());
        assertEquals(30, saved.iteration());

        List<TrainingStatus> seen = new CopyOnWriteArrayList<>();
        try (ExperimentRunner.Session<?, ?> s = ExperimentRunner.resume(run, options())) {
            s.run().subscribe(seen::add);
            s.run().start();
            s.run().awaitIdle(60_000);
            assertEquals(RunState.FINISHED, s.run().state());
        }
        assertTrue(seen.stream().allMatch(ReconstructionStatus.class::isInstance));
        assertTrue(Files.isDirectory(run.resolve("checkpoints").resolve("iter-00000040")),
                "new checkpoints take the one name format");
        assertEquals(40, SavedModel.open(run).iteration());
        assertEquals(2, SavedModel.checkpoints(run).size(), "the old checkpoint is kept beside the new one");
        assertEquals(List.of("30", "40"), firstColumn(run));
    }

    @Test
    void resumingAsTheWrongFamilyIsRefused() throws Exception {
        Path gan = copyOldRun("ring8-nsgan");
        assertThrows(LabException.class, () -> ExperimentRunner.resumeReconstruction(gan, options()));
        Path ae = copyOldRun("ring8-ae-2d");
        assertThrows(LabException.class, () -> ExperimentRunner.resumeGan(ae, options()));
    }

    private ExperimentRunner.Options options() {
        return new ExperimentRunner.Options(tmp.resolve("runs"), tmp, 50, 100000);
    }

    private Path copyOldRun(String name) throws IOException, URISyntaxException {
        Path from = Path.of(getClass().getResource(OLD_RUNS + "/" + name).toURI());
        Path to = tmp.resolve(name);
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        // the spec asks for 30 iterations; ask for 40 so that the resumed run trains 10 more
        Path spec = to.resolve("spec.json");
        Files.writeString(spec, Files.readString(spec).replace("\"iterations\" : 30,", "\"iterations\" : 40,"));
        return to;
    }

    private static List<String> firstColumn(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.csv")).stream().skip(1).map(l -> l.split(",")[0]).toList();
    }

    private static JsonNode readTree(String json) {
        try {
            return ExperimentFiles.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
