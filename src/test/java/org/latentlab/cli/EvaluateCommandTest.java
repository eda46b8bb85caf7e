package org.latentlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.Monitor;
import org.latentlab.data.CsvTable;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.evaluate.ClassifierImageJudge;
import org.latentlab.experiment.evaluate.RealSets;
import org.latentlab.experiment.evaluate.ScoreFiles;
import org.latentlab.metrics.ClassifierScore;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.Backend;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate} through {@link Main#execute} on tiny runs trained here (an MNIST MLP GAN and a VAE, 20
 * iterations) with a classifier trained for 30 iterations, 60 samples: the files' columns and content, the
 * baseline beside every score (recomputed from the real images it names), a VAE's ELBO against the one its run
 * measured, labelled images, and every bad input refused in one line naming it.
 */
class EvaluateCommandTest {

    private static final int N = 60;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static Path classifier;
    static Path ganRun;
    static Path vaeRun;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        Backend.init();
        ClassifierSpec preset = Presets.loadClassifier("mnist-classifier");
        ClassifierSpec quick = new ClassifierSpec(preset.family(), preset.name(), preset.description(), preset.seed(),
                preset.dataset(), preset.network(), preset.training(), 30, preset.heldOut());
        classifier = ClassifierModels.obtain(quick, shared.resolve("models"), Path.of("."), Monitor.NONE, n -> { })
                .folder();
        ganRun = train(shared.resolve("gan"), "mnist-mlp-gan");
        vaeRun = train(shared.resolve("vae"), "mnist-vae");
    }

    private static Path train(Path runs, String preset) throws IOException {
        return train(runs, preset, 20);
    }

    private static Path train(Path runs, String preset, int iterations) throws IOException {
        assertEquals(0, ConsoleCapture.train(Duration.ofSeconds(120), preset, "--iterations", "" + iterations,
                "--runs", runs.toString()));
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private int evaluate(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "evaluate";
        System.arraycopy(args, 0, line, 1, args.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(180), () -> Main.execute(line));
    }

    private String stdout() {
        return console.out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGanRunGetsEveryScoreBesideItsBaselineInJsonAndCsv() throws IOException {
        Path out = tmp.resolve("out");
        int code = evaluate(ganRun.toString(), "--samples", "" + N, "--classifier", classifier.toString(), "--out",
                out.toString(), "--gallery", "2");

        assertEquals(0, code, stderr());
        JsonNode json = ExperimentFiles.mapper().readTree(Files.readString(out.resolve(ScoreFiles.JSON)));
        assertEquals("gan", json.get("family").asText());
        assertEquals(20, json.get("iteration").asLong());
        assertEquals(N, json.get("samples").get("count").asInt());
        assertEquals(1000, json.get("real").get("test").asInt(), "the classifier's held-out split");
        assertEquals(N, json.get("real").get("reference").asInt());
        assertEquals(RealSets.VALIDATION, json.get("real").get("validation").asInt());
        List<String> names = new ArrayList<>();
        for (JsonNode s : json.get("scores")) {
            names.add(s.get("name").asText());
            assertTrue(s.get("baseline").isNumber(), "a baseline beside " + s);
            assertTrue(s.get("value").isNumber(), s.toString());
            assertEquals(N, s.get("sampleSize").asInt());
            assertTrue(s.get("seconds").asDouble() >= 0);
        }
        assertEquals(ScoreCard.NAMES, names);

        CsvTable csv = CsvTable.read(out.resolve(ScoreFiles.CSV));
        assertEquals(ScoreFiles.COLUMNS, csv.header());
        assertEquals(ScoreCard.NAMES.size(), csv.rows().size());
        for (int i = 0; i < csv.rows().size(); i++) {
            CsvTable.Row row = csv.rows().get(i);
            JsonNode s = json.get("scores").get(i);
            assertEquals(s.get("name").asText(), row.get(0));
            assertEquals(s.get("value").asDouble(), Double.parseDouble(row.get(1)), 0);
            assertEquals(s.get("baseline").asDouble(), Double.parseDouble(row.get(3)), 0, "the baseline column");
            assertEquals(N, Integer.parseInt(row.get(5)));
        }

        // the baseline is the score of the N real images the classifier trained on first, in the samples' place
        ClassifierFiles.Saved saved = ClassifierFiles.load(classifier);
        ExampleSet train = (ExampleSet) ExperimentData.split(ExperimentData.open(saved.info().spec().dataset(),
                Path.of("."), ImageScale.ZERO_TO_ONE), saved.info().spec().heldOut(), saved.info().spec().seed())
                .train();
        float[] reference = new float[N * 784];
        for (int i = 0; i < N; i++) {
            System.arraycopy(train.example(i), 0, reference, i * 784, 784);
        }
        double expected = ClassifierScore.of(ClassifierImageJudge.of(saved.classifier(), ImageScale.ZERO_TO_ONE)
                .probabilities(reference, N)).mean();
        assertEquals(expected, json.get("scores").get(0).get("baseline").asDouble(), 1e-9);

        BufferedImage gallery = ImageIO.read(out.resolve(ScoreFiles.GALLERY).toFile());
        assertEquals(2 * (28 * 3 + 2) + 2, gallery.getHeight(), "a row per sample shown");
        assertEquals(2, json.get("gallery").size());
        assertEquals(3, json.get("gallery").get(0).get("pixelNeighbours").size());
        for (String name : ScoreCard.NAMES) {
            assertTrue(stdout().contains(name), "the table lists " + name + ":\n" + stdout());
        }
        assertTrue(stdout().contains("real vs real"), stdout());
    }

    /** The run measured its held-out negative ELBO with other noise: one draw of z each, so they agree closely. */
    @Test
    void aVaeRunAlsoGetsItsHeldOutNegativeElbo() throws IOException {
        int code = evaluate(vaeRun.toString(), "--samples", "" + N, "--classifier", classifier.toString(), "--out",
                tmp.toString());

        assertEquals(0, code, stderr());
        JsonNode elbo = ExperimentFiles.mapper().readTree(Files.readString(tmp.resolve(ScoreFiles.JSON)))
                .get("heldOutNegativeElbo");
        assertEquals(1000, elbo.get("examples").asInt());
        assertEquals(elbo.get("reconstruction").asDouble() + elbo.get("kl").asDouble(), elbo.get("value").asDouble(),
                1e-9);
        CsvTable metrics = CsvTable.read(vaeRun.resolve("metrics.csv"));
        CsvTable.Row last = metrics.rows().get(metrics.rows().size() - 1);
        double measured = Double.parseDouble(last.get(metrics.column("held-out_negative_ELBO")));
        assertEquals(measured, elbo.get("value").asDouble(), 0.01 * measured);
        CsvTable csv = CsvTable.read(tmp.resolve(ScoreFiles.CSV));
        CsvTable.Row elboRow = csv.rows().get(csv.rows().size() - 1);
        assertEquals(ScoreFiles.ELBO_ROW, elboRow.get(0));
        assertEquals("", elboRow.get(3), "real images have no ELBO: no baseline");
    }

    /** The classifier's accuracy on labelled IDX files equals its own measurement of the same images. */
    @Test
    void labelledRealImagesGetTheClassifiersAccuracyAndConfusion() throws IOException {
        ExampleSet mnist = org.latentlab.data.ImageDataset.bundled("mnist", ExperimentData.datasetsDir(),
                ImageScale.ZERO_TO_ONE);
        int count = N + RealSets.VALIDATION + 150;
        Path images = tmp.resolve("my-images-idx3-ubyte");
        Path labels = tmp.resolve("my-labels-idx1-ubyte");
        writeIdx(mnist, count, images, labels);

        int code = evaluate(ganRun.toString(), "--samples", "" + N, "--classifier", classifier.toString(), "--out",
                tmp.toString(), "--real", images.toString(), "--labels", labels.toString());

        assertEquals(0, code, stderr());
        JsonNode json = ExperimentFiles.mapper().readTree(Files.readString(tmp.resolve(ScoreFiles.JSON)));
        assertEquals(150, json.get("real").get("test").asInt(), "what is left after the reference and validation");
        ExampleSet given = org.latentlab.data.ImageDataset.load(images, labels, ImageScale.ZERO_TO_ONE, "given");
        double accuracy = ClassifierFiles.load(classifier).classifier().accuracy(given);
        assertEquals(accuracy, json.get("labelled").get("accuracy").asDouble(), 0);
        assertEquals(count, json.get("labelled").get("examples").asInt());
        assertEquals(10, json.get("labelled").get("confusion").size());
    }

    @Test
    void aCorruptRealFileIsRefusedWithItsName() throws IOException {
        Path broken = Files.write(tmp.resolve("broken-images-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5, 6, 7});

        int code = evaluate(ganRun.toString(), "--classifier", classifier.toString(), "--out", tmp.toString(),
                "--real", broken.toString());

        assertEquals(1, code);
        assertOneLineNaming("broken-images-idx3-ubyte");
        assertFalse(Files.exists(tmp.resolve(ScoreFiles.JSON)));
    }

    @Test
    void realImagesOfAnotherSizeAreRefusedWithTheirName() throws IOException {
        Path small = tmp.resolve("small-images-idx3-ubyte");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x803);
            out.writeInt(3);
            out.writeInt(5);
            out.writeInt(5);
            out.write(new byte[75]);
        }
        Files.write(small, bytes.toByteArray());

        int code = evaluate(ganRun.toString(), "--classifier", classifier.toString(), "--out", tmp.toString(),
                "--real", small.toString());

        assertEquals(1, code);
        assertOneLineNaming("small-images-idx3-ubyte");
        assertTrue(stderr().contains("1x5x5") && stderr().contains("1x28x28"), stderr());
    }

    @Test
    void aMissingRunFolderIsRefusedWithItsName() {
        int code = evaluate(tmp.resolve("no-such-run").toString());

        assertEquals(1, code);
        assertOneLineNaming("no-such-run");
    }

    @Test
    void aRunOnPointsIsRefused() throws IOException {
        Path run = train(tmp.resolve("toy"), "ring8-nsgan");
        console.err.reset();

        int code = evaluate(run.toString(), "--classifier", classifier.toString());

        assertEquals(1, code);
        assertOneLineNaming("ring8-nsgan");
        assertTrue(stderr().contains("images"), stderr());
    }

    /** An RBM's samples are its Gibbs chains; a DBN, whose generative pass the lab does not sample, is refused. */
    @Test
    void anRbmIsScoredOnItsGibbsChainsAndADbnIsRefused() throws IOException {
        // a few CD-1 steps make a run with a checkpoint: what is checked is how it is sampled, not how well
        Path rbm = train(tmp.resolve("rbm"), "mnist-rbm", 3);
        assertEquals(0, evaluate(rbm.toString(), "--samples", "" + N, "--classifier", classifier.toString()),
                stderr());
        JsonNode json = ExperimentFiles.mapper().readTree(Files.readString(rbm.resolve(ScoreFiles.JSON)));
        assertEquals("rbm", json.get("family").asText());
        assertTrue(json.get("samples").get("how").asText().contains("Gibbs"), json.toString());

        Path dbn = train(tmp.resolve("dbn"), "mnist-dbn", 2);
        console.err.reset();
        assertEquals(1, evaluate(dbn.toString(), "--samples", "" + N, "--classifier", classifier.toString()));
        assertOneLineNaming("mnist-dbn");
        assertTrue(stderr().contains("DBN"), stderr());
    }

    @Test
    void existingScoresAreKeptWithoutForce() throws IOException {
        Files.writeString(tmp.resolve(ScoreFiles.JSON), "{}");

        int code = evaluate(ganRun.toString(), "--classifier", classifier.toString(), "--out", tmp.toString());

        assertEquals(1, code);
        assertOneLineNaming(ScoreFiles.JSON);
        assertEquals("{}", Files.readString(tmp.resolve(ScoreFiles.JSON)));
    }

    private void assertOneLineNaming(String name) {
        String err = stderr().strip();
        assertTrue(err.startsWith("error: ") && err.contains(name), err);
        assertEquals(1, err.lines().count(), "one line:\n" + err);
    }

    private static void writeIdx(ExampleSet set, int count, Path images, Path labels) throws IOException {
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        ByteArrayOutputStream lab = new ByteArrayOutputStream();
        try (DataOutputStream i = new DataOutputStream(img); DataOutputStream l = new DataOutputStream(lab)) {
            i.writeInt(0x803);
            i.writeInt(count);
            i.writeInt(28);
            i.writeInt(28);
            l.writeInt(0x801);
            l.writeInt(count);
            for (int k = 0; k < count; k++) {
                for (float v : set.example(k)) {
                    i.write(Math.round(v * 255));
                }
                l.write(set.label(k));
            }
        }
        Files.write(images, img.toByteArray());
        Files.write(labels, lab.toByteArray());
    }
}
