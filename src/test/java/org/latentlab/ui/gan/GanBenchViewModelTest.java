package org.latentlab.ui.gan;

import org.latentlab.train.GanTrainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.RunControls;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.gan.PumpWait.pumpUntil;

/**
 * The GAN bench's ViewModel without a screen: jobs run at once on the test's thread ({@link DirectTaskRunner}) and
 * the test drains the statuses itself, as the screen's frame timer would.
 */
class GanBenchViewModelTest {

    @TempDir
    Path runs;

    private GanBenchViewModel vm;

    @BeforeEach
    void create() {
        vm = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), new DirectTaskRunner());
    }

    @AfterEach
    void close() {
        vm.close();
    }

    private void until(String what, BooleanSupplier condition) {
        pumpUntil(what, vm::pump, condition);
    }

    private RunState state() {
        return vm.stateProperty().get();
    }

    /** ring8-nsgan cut short, measured every 20 iterations. */
    private static GanExperiment shortRing(long iterations) {
        GanExperiment p = Presets.loadGan("ring8-nsgan");
        return new GanExperiment(p.name(), p.description(), p.seed(), p.dataset(), p.generator(),
                p.discriminator(), p.training(), iterations, 20, 1000);
    }

    private static void assertControls(RunControls c, boolean start, boolean pause, boolean step, boolean reset) {
        assertEquals(start, c.canStartProperty().get(), "Start");
        assertEquals(pause, c.canPauseProperty().get(), "Pause");
        assertEquals(step, c.canStepProperty().get(), "Step");
        assertEquals(reset, c.canResetProperty().get(), "Reset");
    }

    @Test
    void aPresetLoadsReadyToTrainWithItsSettingsInTheFields() {
        assertControls(vm.controls(), false, false, false, false);
        assertFalse(vm.settings().canApplyProperty().get(), "nothing to apply to yet");

        vm.loadPreset("ring8-nsgan");
        assertEquals("ring8-nsgan", vm.specProperty().get().name(), "loaded when the job returns");
        assertTrue(vm.descriptionProperty().get().startsWith("ring8-nsgan — "), vm.descriptionProperty().get());
        assertEquals("0.001", vm.settings().discriminatorRateProperty().get());
        assertEquals("0.001", vm.settings().generatorRateProperty().get());
        assertEquals("1", vm.settings().discriminatorStepsProperty().get());
        until("the run to be ready", () -> state() == RunState.READY);
        assertControls(vm.controls(), true, false, true, true);
        assertEquals("Start", vm.controls().startLabelProperty().get());
        assertEquals("ready", vm.controls().stateTextProperty().get());
        assertTrue(vm.settings().canApplyProperty().get());
        assertFalse(vm.messageIsErrorProperty().get(), vm.messageProperty().get());
        assertNull(vm.progressAtRisk(), "nothing trained, nothing to lose");
    }

    @Test
    void theControlsFollowTheRunThroughStartPauseAndResume() {
        vm.loadPreset("ring8-nsgan");
        until("the run to be ready", () -> state() == RunState.READY);
        vm.start();
        until("the run to train", () -> state() == RunState.RUNNING && vm.statusProperty().get().iteration() > 0);
        assertControls(vm.controls(), false, true, false, true);
        assertTrue(vm.runningProperty().get());
        assertFalse(vm.settings().editableProperty().get(), "no editing while running");
        assertFalse(vm.settings().canApplyProperty().get());
        assertTrue(vm.progressAtRisk().endsWith("running"), vm.progressAtRisk());

        vm.pause();
        until("the run to pause", () -> state() == RunState.PAUSED);
        assertControls(vm.controls(), true, false, true, true);
        assertEquals("Resume", vm.controls().startLabelProperty().get());
        assertTrue(vm.settings().editableProperty().get());
        assertTrue(vm.progressAtRisk().endsWith("paused"), vm.progressAtRisk());

        long paused = vm.statusProperty().get().iteration();
        vm.step();
        until("one more iteration", () -> vm.statusProperty().get().iteration() == paused + 1);
        vm.stepPart(GanTrainer.DISCRIMINATOR);
        until("a single D step", () -> vm.iterationTextProperty().get().startsWith(
                String.format("it %,d +1 D /", paused + 1)));
        double last = vm.curves().discriminatorLoss.getMaxX();
        assertTrue(last > paused + 1 && last < paused + 2, "a single step is drawn between iterations: " + last);
    }

    @Test
    void aShortRunTurnsItsStatusesIntoCurvesAndItsMetricsCanBeExported() throws IOException {
        Path csv = runs.resolve("copy.csv");
        vm.loadSpec(shortRing(60));
        vm.exports().copyMetrics(csv);
        assertEquals(GanExports.NO_METRICS, vm.messageProperty().get());
        assertFalse(Files.exists(csv));

        until("the run to be ready", () -> state() == RunState.READY);
        vm.start();
        until("the run to finish", () -> state() == RunState.FINISHED);
        GanCurves c = vm.curves();
        assertEquals(60.0, c.discriminatorLoss.getMaxX(), "every iteration up to the last");
        assertTrue(c.generatorLoss.getItemCount() > 0 && c.realScore.getItemCount() > 0
                && c.fakeScore.getItemCount() > 0);
        assertEquals("D(x)", c.realScore.getKey());
        assertEquals(List.of(20.0, 40.0, 60.0), xs(c.metric), "mode coverage at every sample interval");
        for (int i = 0; i < c.metric.getItemCount(); i++) {
            double covered = c.metric.getY(i).doubleValue();
            assertTrue(covered >= 0 && covered <= 8, "modes covered: " + covered);
            assertEquals(8.0, c.metricReference.getY(i).doubleValue(), "ring8 has eight modes");
        }
        assertTrue(vm.iterationTextProperty().get().startsWith("it 60 / 60"), vm.iterationTextProperty().get());
        assertTrue(vm.lossTextProperty().get().startsWith("D ") && vm.lossTextProperty().get().contains("D(G(z))"),
                vm.lossTextProperty().get());
        assertControls(vm.controls(), false, false, false, true);
        assertNull(vm.progressAtRisk(), "a finished run loses nothing");

        vm.exports().copyMetrics(csv);
        assertEquals("exported " + csv, vm.messageProperty().get());
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(0).startsWith("iteration,"), rows.get(0));
        assertTrue(rows.get(rows.size() - 1).startsWith("60,"), rows.get(rows.size() - 1));

        Path nowhere = Files.writeString(runs.resolve("a-file"), "not a folder").resolve("charts.png");
        vm.exports().writePng(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), nowhere);
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("cannot write " + nowhere), vm.messageProperty().get());
        assertFalse(vm.messageProperty().get().contains("\n"));
    }

    private static List<Double> xs(org.jfree.data.xy.XYSeries s) {
        return java.util.stream.IntStream.range(0, s.getItemCount()).mapToObj(i -> s.getX(i).doubleValue())
                .toList();
    }

    @Test
    void aFileThatCannotBeReadBecomesTheMessageAndTheRunIsKept() throws IOException {
        vm.loadPreset("ring8-nsgan");
        until("the run to be ready", () -> state() == RunState.READY);
        Path bad = runs.resolve("broken-experiment.json");
        Files.writeString(bad, "{ \"name\": \"x\", \"seed\": \"not a number\" }");
        vm.openFile(bad);
        String m = vm.messageProperty().get();
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(m.contains("broken-experiment.json") && m.contains("seed"), m);
        assertFalse(m.contains("\n") || m.contains("Exception"), m);
        assertEquals(m, vm.errorProperty().get(), "the failure is also for the dialog");
        assertEquals("ring8-nsgan", vm.specProperty().get().name(), "the loaded experiment is kept");
        assertControls(vm.controls(), true, false, true, true);
    }

    @Test
    void aBadFileWithNothingLoadedOpensTheDefaultAndSaysWhy() {
        Path missing = runs.resolve("nowhere.json");
        vm.openFile(missing);
        assertEquals(Presets.defaultName(), vm.specProperty().get().name(), "the default instead");
        assertNotNull(vm.errorProperty().get());
        assertTrue(vm.errorProperty().get().contains("nowhere.json"), vm.errorProperty().get());
    }

    @Test
    void settingsThatCannotBeAppliedAreRefusedWithAReason() {
        vm.loadPreset("ring8-nsgan");
        until("the run to be ready", () -> state() == RunState.READY);
        vm.settings().discriminatorRateProperty().set("fast");
        assertFalse(vm.applySettings());
        assertTrue(vm.settings().invalidProperty().get());
        assertTrue(vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().contains("numbers"), vm.messageProperty().get());

        vm.settings().discriminatorRateProperty().set("0.0042");
        vm.settings().discriminatorStepsProperty().set(" 3 ");
        assertTrue(vm.applySettings());
        assertFalse(vm.settings().invalidProperty().get());
        until("the description to name the applied settings", () -> vm.descriptionProperty().get()
                .contains("lr=0.0042") && vm.descriptionProperty().get().contains("k = 3"));
    }

    @Test
    void theNewestLoadWinsAndAnOlderOneThatEndsLaterIsClosed() {
        List<Runnable> pending = new java.util.ArrayList<>();
        DirectTaskRunner direct = new DirectTaskRunner();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> TaskHandle submit(BackgroundTask<T> task) {
                pending.add(() -> direct.submit(task));
                return TaskHandle.NONE;
            }

            @Override
            public void close() {
            }
        };
        GanBenchViewModel two = new GanBenchViewModel(new ExperimentRunner.Options(runs, Path.of("."), 20, 40), later);
        try {
            two.loadPreset("ring8-nsgan");
            two.loadPreset("ring8-wgan");
            assertEquals(2, pending.size(), "both loads are jobs of the runner");
            assertNull(two.specProperty().get(), "nothing shown before a load ends");
            pending.remove(1).run();
            assertEquals("ring8-wgan", two.specProperty().get().name());
            pending.remove(0).run();
            assertEquals("ring8-wgan", two.specProperty().get().name(), "the older load ended later: not shown");
            assertEquals(1, pending.size(), "its run is closed on the runner");
            pending.remove(0).run();
            assertFalse(two.messageIsErrorProperty().get(), two.messageProperty().get());
        } finally {
            two.close();
        }
    }

    @Test
    void startWhenReadyStartsTheNextExperimentOnceItIsReady() {
        vm.startWhenReady();
        vm.loadSpec(shortRing(40));
        until("the run to start by itself", () -> state() == RunState.RUNNING || state() == RunState.FINISHED);
    }
}
