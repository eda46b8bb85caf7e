package org.latentlab.experiment;

import org.latentlab.train.GanTrainer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.train.Backend;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanView;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;

/** A whole run through {@link ExperimentRunner}: the run folder it writes, the views it publishes, NaN handling. */
class ExperimentRunnerTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Backend.init();
    }

    /** What a run published until it stopped (finished, paused or failed). */
    private static final class Watch {
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicReference<GanStatus> last = new AtomicReference<>();
        final AtomicReference<GanView.Points> points = new AtomicReference<>();

        void accept(GanStatus s) {
            last.set(s);
            if (s.view() instanceof GanView.Points p) {
                points.set(p);
            }
            if (s.state() == RunState.FINISHED || s.state() == RunState.PAUSED || s.state() == RunState.FAILED) {
                stopped.countDown();
            }
        }
    }

    /**
     * Subscribes and starts. start() is posted right after subscribing rather than on the READY status: the run's
     * thread publishes READY only to listeners present at that moment, and start() is queued behind the build anyway.
     */
    private static Watch runToStop(ExperimentRunner.Session<GanTrainer, GanStatus> session) throws InterruptedException {
        Watch watch = new Watch();
        session.run().subscribe(watch::accept);
        session.run().start();
        assertTrue(watch.stopped.await(60, TimeUnit.SECONDS), "run did not stop within 60 s: " + watch.last.get());
        return watch;
    }

    @Test
    void finishedRunWritesTheRunFolder() throws Exception {
        GanExperiment base = Presets.loadGan("ring8-nsgan");
        GanExperiment spec = new GanExperiment(base.name(), base.description(), base.seed(), base.dataset(),
                base.generator(), base.discriminator(), base.training(), 60, 20, 20);
        Path runs = tmp.resolve("runs");

        Watch watch;
        Path runDir;
        // Statuses every 10 ms; views at most every 250 ms (a view costs a D pass over the heat grid and a mode
        // count): READY and FINISHED always carry one, so a Points view is published whatever the timing.
        try (ExperimentRunner.Session<GanTrainer, GanStatus> session = ExperimentRunner.start(spec,
                new ExperimentRunner.Options(runs, tmp, 10, 250))) {
            watch = runToStop(session);
            runDir = session.runDir();
        }

        GanStatus last = watch.last.get();
        assertEquals(RunState.FINISHED, last.state(), last.message());
        assertEquals(60, last.iteration());
        assertNotNull(runDir);
        assertEquals(runs, runDir.getParent());
        assertTrue(runDir.getFileName().toString().endsWith("-" + spec.name()), runDir.toString());

        assertEquals(spec, ExperimentFiles.readGan(runDir.resolve("spec.json")));
        String provenance = Files.readString(runDir.resolve("provenance.json"));
        assertTrue(provenance.contains("\"dataSha256\""), provenance);
        assertTrue(provenance.contains("\"seed\" : " + spec.seed()), provenance);

        List<String> metrics = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertEquals(4, metrics.size(), "header + rows at 20, 40, 60: " + metrics);
        List<String> header = List.of(metrics.get(0).split(","));
        assertEquals(RunStore.BASE_COLUMNS, header.subList(0, RunStore.BASE_COLUMNS.size()));
        assertTrue(header.contains("modes_covered"), header.toString());
        int modes = header.indexOf("modes_covered");
        for (int i = 1; i <= 3; i++) {
            String[] cells = metrics.get(i).split(",", -1);
            assertEquals(header.size(), cells.length, metrics.get(i));
            assertEquals(String.valueOf(20 * i), cells[0]);
            int covered = Integer.parseInt(cells[modes]);
            assertTrue(covered >= 0 && covered <= 8, metrics.get(i));
            assertTrue(Double.isFinite(Double.parseDouble(cells[header.indexOf("d_loss")])), metrics.get(i));
        }

        for (long it : new long[] {20, 40, 60}) {
            Path png = runDir.resolve("samples").resolve(String.format("iter-%08d.png", it));
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png + " is not a readable image");
            assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
        }

        assertEquals("iter-00000060",
                Files.readString(runDir.resolve("checkpoints").resolve("LATEST")).trim());
        assertEquals(60, Checkpoint.latestIteration(runDir));

        GanView.Points view = watch.points.get();
        assertNotNull(view, "a Points view was published");
        assertEquals(GanViews.HEAT_RES, view.heatRes());
        assertEquals(view.heatRes() * view.heatRes(), view.heat().length);
        assertEquals(8 * 2, view.modes().length);
        assertEquals(8, view.covered().length);
    }

    /**
     * A loss that blows up pauses the run with a message naming the loss and the iteration. Made reliable by data
     * far outside what the nets expect (points at +-1e30) and plain SGD with a huge learning rate (9.9): the first
     * update moves D's weights by ~1e29, so the next scores overflow float and the loss is no longer finite.
     */
    @Test
    void nonFiniteLossPausesTheRun() throws Exception {
        Path csv = Files.writeString(tmp.resolve("huge.csv"), "x,y\n1e30,1e30\n-1e30,1e30\n1e30,-1e30\n-1e30,-1e30\n");
        GanExperiment base = Presets.loadGan("ring8-nsgan");
        OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, 9.9, 0, 0);
        GanSettings t = base.training();
        GanSettings blowUp = new GanSettings(t.loss(), 1, 64, sgd, sgd, false, 0, 0, 0);
        GanExperiment spec = new GanExperiment("huge-points", "", base.seed(),
                new DatasetSpec(DatasetSpec.Kind.CSV, null, "huge.csv"), base.generator(), base.discriminator(),
                blowUp, 200, 20, 20);

        Watch watch;
        Path runDir;
        try (ExperimentRunner.Session<GanTrainer, GanStatus> session = ExperimentRunner.start(spec,
                new ExperimentRunner.Options(tmp.resolve("runs"), tmp, 10, 10))) {
            watch = runToStop(session);
            runDir = session.runDir();
            assertEquals(RunState.PAUSED, session.run().state());
        }

        GanStatus last = watch.last.get();
        assertEquals(RunState.PAUSED, last.state(), last.message());
        assertTrue(last.iteration() < 200, "paused before the end: " + last.iteration());
        assertTrue(last.message().contains("loss"), last.message());
        assertTrue(last.message().contains("iteration"), last.message());
        if (runDir != null) {
            // no checkpoint of the blown-up networks: LATEST, if any, is at or before the pause
            assertTrue(Checkpoint.latestIteration(runDir) <= last.iteration());
        }
    }

    @Test
    void runWithoutRunsRootWritesNoFolder() throws InterruptedException, IOException {
        GanExperiment spec = Presets.loadGan("ring8-nsgan").withIterations(5);

        try (ExperimentRunner.Session<GanTrainer, GanStatus> session = ExperimentRunner.start(spec,
                new ExperimentRunner.Options(null, tmp, 10, 10))) {
            Watch watch = runToStop(session);
            assertEquals(RunState.FINISHED, watch.last.get().state());
            assertEquals(null, session.runDir());
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }
}
