package org.latentlab.cli;

import org.latentlab.experiment.Family;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The geometry commands through {@link Main#execute} on tiny run folders, stdout and stderr captured. */
class GeometryCommandsTest {

    @TempDir
    static Path runs;

    static Path aeRun;
    static Path mnistRun;
    static Path ganRun;

    @TempDir
    Path tmp;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    @BeforeAll
    static void train() {
        Backend.init();
        aeRun = TinyRuns.train(TinyRuns.ringModel(Family.AUTOENCODER, 60, 20), runs);
        mnistRun = TinyRuns.train(TinyRuns.mnistModel(20), runs);
        ganRun = TinyRuns.train(TinyRuns.ringGan(20), runs);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The {@code key value} lines of stdout. */
    private Map<String, String> values() {
        Map<String, String> m = new HashMap<>();
        for (String line : stdout().split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] kv = line.trim().split("\\s+", 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return m;
    }

    private double number(String key) {
        String v = values().get(key);
        assertTrue(v != null, key + " missing from:\n" + stdout());
        return Double.parseDouble(v);
    }

    private void assertOneLineError(int code) {
        assertNotEquals(0, code, stdout());
        String e = stderr().trim();
        List<String> lines = e.lines().filter(l -> !l.startsWith("[")).toList(); // progress lines start with [ n%]
        assertEquals(1, lines.size(), e);
        assertTrue(lines.get(0).startsWith("error: "), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void hessianTopFullDensityAndTraceOnATinyRun() {
        NetworkObjective o = GeometryModels.objective(SavedModel.open(aeRun), 100, GeometryModels.Part.DISCRIMINATOR,
                1);
        HessianSpectrum exact = ExactHessian.compute(o, o.initialPoint(), Monitor.NONE).spectrum(false);

        assertEquals(0, run("hessian", aeRun.toString(), "--top", "3", "--n", "100"), stderr());
        assertTrue(stdout().startsWith("# tiny-ae (autoencoder) at iteration 60"), stdout());
        assertEquals(51, number("parameters"));
        for (int i = 0; i < 3; i++) {
            assertEquals(exact.top(3)[i], number("eigenvalue_" + (i + 1)), 1e-3 * exact.max());
        }
        assertEquals(o.loss(o.initialPoint()), number("loss"), 1e-8 * number("loss"));
        assertTrue(stderr().contains("[100%]"), "progress goes to stderr: " + stderr());
        assertFalse(stdout().contains("[100%]"));
        assertEquals("false", values().get("cached"));
        double first = number("eigenvalue_1");
        assertEquals(0, run("hessian", aeRun.toString(), "--top", "3", "--n", "100"), stderr());
        assertEquals("true", values().get("cached"));
        assertEquals(first, number("eigenvalue_1"));

        assertEquals(0, run("hessian", aeRun.toString(), "--full", "--n", "100", "--out",
                tmp.resolve("eig.csv").toString()), stderr());
        assertEquals(51, number("eigenvalues"));
        assertEquals(exact.trace(), number("trace"), 1e-8 * Math.abs(exact.trace()));
        assertEquals(exact.max(), number("max"), 1e-8 * exact.max());
        assertEquals(52, assertLines(tmp.resolve("eig.csv")));

        assertEquals(0, run("hessian", aeRun.toString(), "--density", "--trace", "--runs", "2", "--steps", "20",
                "--samples", "20", "--n", "100"), stderr());
        double negative = number("negative_fraction");
        assertTrue(negative >= 0 && negative <= 1);
        assertTrue(number("max_node") <= exact.max() * (1 + 1e-6), "Ritz values lie inside the spectrum");
        assertTrue(Math.abs(number("trace") - exact.trace()) < 4 * number("trace_standard_error")
                + 1e-6 * Math.abs(exact.trace()), "Hutchinson within 4 standard errors of the exact trace");
        assertTrue(number("negative_fraction_lower") <= negative && negative <= number("negative_fraction_upper"));
        assertTrue(number("negative_fraction_standard_error") >= 0);
        assertTrue(number("negative_cut") < 0);
        assertTrue(number("trace_slq_standard_error") > 0, "two probes differ, so the trace has a standard error");
        assertTrue(stdout().contains("Hutchinson's estimator on the same 2 probes"), stdout());
    }

    private static long assertLines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void landscapeLineAndPlaneWriteCsvAndThePlaneResumes() throws Exception {
        Path line = tmp.resolve("line.csv");
        assertEquals(0, run("landscape", aeRun.toString(), "--1d", "--n", "100", "--out", line.toString()), stderr());
        double loss = number("loss");
        assertEquals(loss, number("loss_alpha1"));
        List<String> rows = Files.readAllLines(line);
        assertEquals("alpha,loss", rows.get(2));
        assertEquals(3 + 41, rows.size());
        String[] atOne = rows.get(3 + 30).split(",");
        assertEquals(1.0, Double.parseDouble(atOne[0]));
        assertEquals(loss, Double.parseDouble(atOne[1]), 1e-8 * loss);
        assertTrue(number("loss_alpha0") > loss, "the initial parameters are worse: " + stdout());

        Path plane = tmp.resolve("plane.csv");
        assertEquals(0, run("landscape", aeRun.toString(), "--2d", "--grid", "5", "--range", "0.5", "--n", "100",
                "--out", plane.toString()), stderr());
        assertEquals(0, number("resumed_cells"));
        assertEquals(loss, number("centre_loss"), 1e-8 * loss);
        assertEquals(4, number("trajectory_points"));
        assertEquals(4 + 1 + 25, Files.readAllLines(plane).size(), "comment lines, header, 25 cells");
        List<String> traj = Files.readAllLines(tmp.resolve("plane-trajectory.csv"));
        assertEquals("iteration,a,b", traj.get(2));
        assertEquals(3 + 4, traj.size());
        assertTrue(traj.get(6).startsWith("60,"), traj.get(6));

        assertEquals(0, run("landscape", aeRun.toString(), "--2d", "--grid", "5", "--range", "0.5", "--n", "100",
                "--out", plane.toString()), stderr());
        assertEquals(25, number("resumed_cells"));

        assertOneLineError(run("landscape", aeRun.toString(), "--2d", "--grid", "7", "--n", "100", "--out",
                plane.toString()));
        assertTrue(stderr().contains("choose another file"), stderr());
        assertOneLineError(run("landscape", aeRun.toString(), "--2d", "--directions", "sideways"));
        assertTrue(stderr().contains("random, hessian or pca"), stderr());
    }

    @Test
    void landscapeOfAGanTakesDsOrGsLoss() {
        assertEquals(0, run("landscape", ganRun.toString(), "--2d", "--grid", "3", "--part", "G", "--n", "64"),
                stderr());
        assertEquals(42, number("parameters"));
        assertTrue(values().get("objective").startsWith("generator loss"), stdout());
        assertTrue(stdout().contains("keeps only its two newest checkpoints"), stdout());
        assertEquals(0, run("landscape", ganRun.toString(), "--2d", "--grid", "3", "--part", "D", "--n", "64"),
                stderr());
        assertEquals(33, number("parameters"));
        assertNotEquals(0, run("landscape", ganRun.toString(), "--2d", "--part", "X"));
    }

    @Test
    void tangentsPrintSingularValuesAndWritePictures() throws Exception {
        Path dir = tmp.resolve("tangents");
        assertEquals(0, run("tangents", mnistRun.toString(), "--index", "2", "--k", "3", "--out", dir.toString()),
                stderr());
        assertEquals(4, number("singular_values"));
        double s1 = number("sigma_1");
        double s4 = number("sigma_4");
        assertTrue(s1 >= s4 && s4 >= 0, stdout());
        for (String f : List.of("input.png", "reconstruction.png", "tangent-1.png", "tangent-3.png", "tangents.png",
                "walk-1.png", "walk-2.png", "singular-values.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
        }
        assertFalse(Files.exists(dir.resolve("tangent-4.png")));
        BufferedImage t = ImageIO.read(dir.resolve("tangent-1.png").toFile());
        assertEquals(112, t.getWidth());
        BufferedImage strip = ImageIO.read(dir.resolve("tangents.png").toFile());
        assertEquals(5 * 112 + 4 * 2, strip.getWidth());

        // The pictures are not replaced without --force.
        byte[] before = Files.readAllBytes(dir.resolve("tangents.png"));
        assertOneLineError(run("tangents", mnistRun.toString(), "--index", "3", "--out", dir.toString()));
        assertTrue(stderr().contains("--force"), stderr());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("tangents.png")));

        Path other = tmp.resolve("tangents-other");
        assertOneLineError(run("tangents", ganRun.toString(), "--index", "0", "--out", other.toString()));
        assertTrue(stderr().contains("GAN run"), stderr());
        assertOneLineError(run("tangents", mnistRun.toString(), "--index", "5000", "--out", other.toString()));
        assertTrue(stderr().contains("0 to 999"), stderr());
        assertFalse(Files.exists(other));
    }

    @Test
    void curvatureHasARowPerCheckpoint() {
        assertEquals(0, run("curvature", aeRun.toString(), "--runs", "1", "--steps", "15", "--n", "100"), stderr());
        List<String> table = stdout().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(4, table.size(), stdout());
        assertTrue(table.get(0).trim().startsWith("iteration"), table.get(0));
        assertTrue(table.get(3).trim().startsWith("60 "), table.get(3));
        for (String row : table.subList(1, 4)) {
            String[] cells = row.trim().split("\\s+");
            assertEquals(5, cells.length, row);
            assertTrue(Double.parseDouble(cells[2]) > 0, "a top eigenvalue near a trained point: " + row);
        }
        out.reset();
        assertEquals(0, run("curvature", ganRun.toString(), "--runs", "1", "--steps", "10", "--n", "64"), stderr());
        List<String> ganTable = stdout().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(1 + org.latentlab.experiment.SavedModel.checkpoints(ganRun).size(), ganTable.size(),
                "a row per kept checkpoint: " + stdout());
    }

    @Test
    void toyAtAPointWhereTheSurfaceIsNotFiniteGivesNoEigenvalues() {
        // 1/x at x = 0: L = ∞ and ∇L, H are NaN; a solver would make eigenvalues 0 of them
        int code = run("toy", "1/x", "--at", "0,0");
        assertOneLineError(code);
        assertTrue(stderr().contains("the Hessian is not finite there"), stderr());
        assertFalse(stdout().contains("lambda"), stdout());
        assertEquals(0, run("toy", "1/x", "--at", "1,0"), stderr());
        assertEquals(2, Double.parseDouble(values().get("lambda2").split("\\s+")[0]), 1e-4,
                "beside the pole the Hessian of 1/x is diag(2/x³, 0)");
    }

    @Test
    void badPathsGiveOneLineAndANonZeroExitCode() throws Exception {
        for (String command : List.of("hessian", "landscape", "tangents", "curvature")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, tmp.resolve("nowhere").toString()));
            switch (command) {
                case "hessian" -> args.add("--top=2");
                case "landscape" -> args.add("--1d");
                case "tangents" -> args.addAll(List.of("--index", "0", "--out", tmp.toString()));
                default -> {
                }
            }
            assertOneLineError(run(args.toArray(String[]::new)));
            assertTrue(stderr().contains("no such run or checkpoint folder"), command + ": " + stderr());
        }
        Files.writeString(tmp.resolve("file.txt"), "not a run");
        assertOneLineError(run("hessian", tmp.toString(), "--top", "2"));
        assertTrue(stderr().contains("neither a run folder"), stderr());
        assertOneLineError(run("hessian", aeRun.toString()));
        assertTrue(stderr().contains("--top K, --full, --density"), stderr());
    }

    @Test
    void geometryBenchPrintsEveryTiming() {
        assertEquals(0, run("geometry-bench", "--repeats", "1"), stderr());
        String s = stdout();
        for (String what : List.of("Hessian-vector product", "top-5 eigenvalues (Lanczos)", "loss surface, 2601 cells",
                "encoder Jacobian + SVD", "9550 parameters on 1000 examples")) {
            assertTrue(s.contains(what), what + " in\n" + s);
        }
    }
}
