package org.latentlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.CsvTable;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.Checkpoint;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.anomaly.AnomalyDetection;
import org.latentlab.experiment.anomaly.AnomalyFiles;
import org.latentlab.experiment.anomaly.AnomalyScorer;
import org.latentlab.metrics.RocCurve;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code anomaly} through {@link Main#execute} on tiny runs trained here: an MNIST autoencoder (mnist-ae, 100
 * iterations) and an RBM of 8 hidden units (mnist-rbm's settings, 150 iterations). Noise is told from held-out
 * digits (area above 0.9) by both; the files hold the curve the scores give; the RBM's scores equal the free energy
 * enumerated over its 2⁸ hidden states, −log Σ_h exp(−E(v, h)), in double; the autoencoder's per-image losses
 * equal the Bernoulli cross-entropy computed from its reconstructions and average to the loss it reports; a GAN,
 * a missing folder, images of another size and the run's own data set are refused in one line.
 */
class AnomalyCommandTest {

    private static final int HIDDEN = 8;
    private static final int N = 200;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static Path aeRun;
    static Path rbmRun;
    static Path ganRun;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void trainTinyRuns() throws IOException {
        Backend.init();
        aeRun = train(shared.resolve("ae"), "mnist-ae", "--iterations", "100");
        ObjectNode rbm;
        try (InputStream in = AnomalyCommandTest.class.getResourceAsStream(
                "/org/latentlab/experiment/presets/mnist-rbm.json")) {
            rbm = (ObjectNode) ExperimentFiles.mapper().readTree(in);
        }
        ObjectNode settings = (ObjectNode) rbm.get("rbm");
        ((ArrayNode) settings.putArray("hidden")).add(HIDDEN);
        settings.put("iterationsPerLayer", 150);
        rbm.put("iterations", 150);
        rbm.put("name", "tiny-rbm");
        Path spec = shared.resolve("tiny-rbm.json");
        Files.writeString(spec, rbm.toPrettyString());
        rbmRun = train(shared.resolve("rbm"), spec.toString());
        ganRun = train(shared.resolve("gan"), "mnist-mlp-gan", "--iterations", "2");
    }

    private static Path train(Path runs, String... args) throws IOException {
        String[] line = new String[args.length + 2];
        System.arraycopy(args, 0, line, 0, args.length);
        line[args.length] = "--runs";
        line[args.length + 1] = runs.toString();
        assertEquals(0, ConsoleCapture.train(Duration.ofSeconds(120), line));
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private int anomaly(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "anomaly";
        System.arraycopy(args, 0, line, 1, args.length);
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Main.execute(line));
    }

    private String stdout() {
        return console.out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAutoencoderTellsNoiseFromHeldOutDigitsAndWritesTheCurve() throws IOException {
        Path out = tmp.resolve("out");
        int code = anomaly(aeRun.toString(), "--against", "noise", "--samples", "" + N, "--out", out.toString());

        assertEquals(0, code, stderr());
        CsvTable scores = CsvTable.read(out.resolve(AnomalyFiles.SCORES_CSV));
        double[] normal = scores.rows().stream().filter(r -> r.get(0).equals("normal"))
                .mapToDouble(r -> Double.parseDouble(r.get(1))).toArray();
        double[] anomalous = scores.rows().stream().filter(r -> r.get(0).equals("anomalous"))
                .mapToDouble(r -> Double.parseDouble(r.get(1))).toArray();
        assertEquals(N, normal.length);
        assertEquals(N, anomalous.length);
        RocCurve roc = RocCurve.of(normal, anomalous);
        assertTrue(roc.area() > 0.9, "noise against digits: " + roc.area());
        assertTrue(stdout().contains(String.format(java.util.Locale.ROOT, "ROC area: %.4f", roc.area())), stdout());
        assertTrue(stdout().contains(String.format(java.util.Locale.ROOT, "median score %.4f",
                AnomalyDetection.median(normal))), stdout());

        CsvTable curve = CsvTable.read(out.resolve(AnomalyFiles.ROC_CSV));
        assertEquals(AnomalyFiles.ROC_COLUMNS, curve.header());
        assertEquals(roc.size(), curve.rows().size());
        CsvTable.Row last = curve.rows().get(curve.rows().size() - 1);
        assertEquals(1.0, Double.parseDouble(last.get(1)), 0);
        assertEquals(1.0, Double.parseDouble(last.get(2)), 0);
        BufferedImage png = ImageIO.read(out.resolve(AnomalyFiles.ROC_PNG).toFile());
        assertTrue(png.getWidth() > 100 && png.getHeight() > 100);
    }

    /** Each image's cross-entropy recomputed in double from the reconstruction σ(logits) the run gives. */
    @Test
    void anAutoencodersScoresAreItsPerImageCrossEntropy() {
        SavedModel saved = SavedModel.open(aeRun);
        ExampleSet heldOut = saved.heldOut();
        int n = 50;
        int d = heldOut.dimension();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(heldOut.example(i), 0, x, i * d, d);
        }
        double[] scores = AnomalyScorer.of(saved, 1).score(x, n);

        AutoencoderTrainer trainer = (AutoencoderTrainer) restored(saved);
        INDArray batch = Nd4j.create(x, new long[] {n, d}, 'c');
        double[] r = trainer.reconstruct(batch).castTo(DataType.DOUBLE).data().asDouble();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double ce = 0;
            for (int j = 0; j < d; j++) {
                double v = x[i * d + j];
                double p = r[i * d + j];
                ce -= (v > 0 ? v * Math.log(p) : 0) + (v < 1 ? (1 - v) * Math.log(1 - p) : 0);
            }
            assertEquals(ce, scores[i], 1e-3 * ce, "image " + i);
            mean += scores[i] / n;
        }
        Map<String, Double> losses = trainer.evaluate(batch, false, 1);
        assertEquals(losses.get("reconstruction"), mean, 1e-6 * mean);
    }

    @Test
    void anRbmsScoresAreItsFreeEnergyByEnumeratingTheHiddenStates() {
        SavedModel saved = SavedModel.open(rbmRun);
        ExampleSet heldOut = saved.heldOut();
        int n = 20;
        int d = heldOut.dimension();
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(heldOut.example(i), 0, x, i * d, d);
        }
        double[] scores = AnomalyScorer.of(saved, 1).score(x, n);

        Rbm rbm = ((RbmTrainer) restored(saved)).rbm(0);
        assertEquals(HIDDEN, rbm.hidden());
        double[][] w = rbm.weights().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[] b = rbm.visibleBias().castTo(DataType.DOUBLE).toDoubleVector();
        double[] c = rbm.hiddenBias().castTo(DataType.DOUBLE).toDoubleVector();
        for (int i = 0; i < n; i++) {
            double[] energies = new double[1 << HIDDEN];
            double least = Double.POSITIVE_INFINITY;
            for (int h = 0; h < 1 << HIDDEN; h++) {
                double e = 0;
                for (int p = 0; p < d; p++) {
                    double v = x[i * d + p];
                    e -= v * b[p];
                    for (int j = 0; j < HIDDEN; j++) {
                        if ((h >> j & 1) == 1) {
                            e -= v * w[p][j];
                        }
                    }
                }
                for (int j = 0; j < HIDDEN; j++) {
                    if ((h >> j & 1) == 1) {
                        e -= c[j];
                    }
                }
                energies[h] = e;
                least = Math.min(least, e);
            }
            double sum = 0;
            for (double e : energies) {
                sum += Math.exp(least - e);
            }
            double freeEnergy = least - Math.log(sum);
            assertEquals(freeEnergy, scores[i], 1e-5 * Math.abs(freeEnergy) + 1e-3, "image " + i);
        }
    }

    @Test
    void anRbmTellsNoiseFromHeldOutDigits() throws IOException {
        int code = anomaly(rbmRun.toString(), "--against", "noise", "--samples", "" + N, "--out", tmp.toString());

        assertEquals(0, code, stderr());
        assertTrue(stdout().contains("free energy"), stdout());
        CsvTable scores = CsvTable.read(tmp.resolve(AnomalyFiles.SCORES_CSV));
        double[] normal = scores.rows().stream().filter(r -> r.get(0).equals("normal"))
                .mapToDouble(r -> Double.parseDouble(r.get(1))).toArray();
        double[] anomalous = scores.rows().stream().filter(r -> r.get(0).equals("anomalous"))
                .mapToDouble(r -> Double.parseDouble(r.get(1))).toArray();
        assertTrue(RocCurve.of(normal, anomalous).area() > 0.9, stdout());
        assertTrue(Files.exists(tmp.resolve(AnomalyFiles.ROC_PNG)));
    }

    @Test
    void theDefaultAnomaliesOfAnMnistRunAreFashionImagesWrittenInsideTheRun() {
        int code = anomaly(aeRun.toString(), "--samples", "50");

        assertEquals(0, code, stderr());
        assertTrue(stdout().contains("fashion"), stdout());
        assertTrue(Files.exists(aeRun.resolve("anomaly").resolve("fashion").resolve(AnomalyFiles.ROC_CSV)));
    }

    @Test
    void aGanIsRefusedInOneLine() {
        assertRefused(anomaly(ganRun.toString()), "a GAN has no per-image score");
    }

    @Test
    void missingFoldersAreRefusedInOneLine() {
        assertRefused(anomaly(tmp.resolve("nowhere").toString()), "no such run folder");
        assertRefused(anomaly(aeRun.toString(), "--checkpoint", "iter-999"), "no such checkpoint folder");
        assertRefused(anomaly(aeRun.toString(), "--against", tmp.resolve("none").toString()),
                "no such IDX file or image folder");
    }

    @Test
    void imagesOfAnotherSizeAndTheRunsOwnDataAreRefusedInOneLine() throws IOException {
        Path folder = tmp.resolve("small");
        Files.createDirectories(folder.resolve("a"));
        for (int i = 0; i < 3; i++) {
            ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png",
                    folder.resolve("a").resolve(i + ".png").toFile());
        }
        // an image folder is resampled to the run's size; an IDX file keeps its own
        Path idx = tmp.resolve("small-idx3-ubyte");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream o = new java.io.DataOutputStream(bytes)) {
            o.writeInt(0x00000803);
            o.writeInt(2);
            o.writeInt(10);
            o.writeInt(12);
            o.write(new byte[2 * 10 * 12]);
        }
        Files.write(idx, bytes.toByteArray());
        assertRefused(anomaly(aeRun.toString(), "--against", idx.toString()), "takes 1x28x28");
        assertRefused(anomaly(aeRun.toString(), "--against", "mnist"), "trained on mnist");
    }

    private void assertRefused(int code, String expected) {
        assertEquals(1, code, stdout());
        String err = stderr().strip();
        assertTrue(err.contains(expected), err);
        assertEquals(1, err.lines().filter(l -> !l.isBlank() && !l.startsWith("note:")).count(),
                "one line:\n" + err);
        console.err.reset();
        console.out.reset();
    }

    private static org.latentlab.train.Trainer restored(SavedModel saved) {
        ExperimentData.Split split = ExperimentData.split(saved.data(), saved.modelSpec().heldOut(),
                saved.modelSpec().seed());
        org.latentlab.train.Trainer trainer = ExperimentRunner.buildTrainer(saved.modelSpec(), split.train(),
                DataType.FLOAT);
        Checkpoint.restore(saved.checkpoint(), trainer);
        return trainer;
    }
}
