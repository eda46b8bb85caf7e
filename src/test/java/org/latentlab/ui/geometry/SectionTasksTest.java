package org.latentlab.ui.geometry;

import org.junit.jupiter.api.Test;
import org.latentlab.core.DirectTaskRunner;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.WorkerTaskRunner;
import org.latentlab.experiment.geometry.GeometryJobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A section's one-job-at-a-time runner: outcomes, messages, the newest job only, and a real cancel. */
class SectionTasksTest {

    @Test
    void aResultEndsWithFullProgressAndDone() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        List<Double> seen = new ArrayList<>();
        tasks.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
        List<Integer> got = new ArrayList<>();
        tasks.run("adding", m -> {
            m.progress(0.5, "half way");
            return 42;
        }, got::add);
        assertEquals(List.of(42), got);
        assertTrue(seen.contains(0.5), seen.toString());
        assertEquals(1.0, tasks.progressProperty().get());
        assertEquals("done", tasks.messageProperty().get());
        assertFalse(tasks.isBusy());
    }

    @Test
    void aResultReadFromTheAnalysisFolderSaysSo() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        tasks.run("reading", m -> {
            m.progress(1, GeometryJobs.CACHE_HIT + "hessian-full.json");
            return 1;
        }, v -> { });
        assertEquals("read from hessian-full.json", tasks.messageProperty().get());
    }

    @Test
    void aFailureBecomesOneLineAndTheFailureHandlerIsTold() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        List<String> failed = new ArrayList<>();
        tasks.run("opening x", m -> {
            throw new IllegalStateException("no such thing\nat line 2");
        }, v -> { }, failed::add, null, null);
        assertEquals("opening x failed: no such thing (IllegalStateException)", tasks.messageProperty().get());
        assertEquals(List.of(tasks.messageProperty().get()), failed);
        assertEquals(0.0, tasks.progressProperty().get());
        assertFalse(tasks.isBusy());
        tasks.run("opening y", m -> {
            throw new LabException("y is not a run folder: open runs/<run>");
        }, v -> { });
        assertEquals("y is not a run folder: open runs/<run>", tasks.messageProperty().get());
    }

    @Test
    void aFailingResultHandlerIsAFailureToo() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        tasks.run("showing", m -> 1, v -> {
            throw new LabException("cannot show this");
        });
        assertEquals("cannot show this", tasks.messageProperty().get());
        assertFalse(tasks.isBusy());
    }

    @Test
    void onlyTheNewestJobsOutcomeArrives() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        List<String> got = new ArrayList<>();
        // the first job's work starts a second one before it ends: the first one's result is dropped
        tasks.run("first", m -> {
            tasks.run("second", m2 -> "second", got::add);
            return "first";
        }, got::add);
        assertEquals(List.of("second"), got);
    }

    @Test
    void cancelStopsTheJobInFlight() throws Exception {
        try (WorkerTaskRunner runner = new WorkerTaskRunner("section-test", Runnable::run, m -> { })) {
            SectionTasks tasks = new SectionTasks(runner);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch ended = new CountDownLatch(1);
            List<String> outcome = new ArrayList<>();
            tasks.run("waiting", m -> {
                started.countDown();
                while (!m.isCancelled()) {
                    Thread.sleep(2);
                }
                m.checkCancelled();
                return "finished";
            }, v -> {
                outcome.add(v);
                ended.countDown();
            }, e -> ended.countDown(), () -> {
                outcome.add("cancelled");
                ended.countDown();
            }, null);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(tasks.isBusy());
            tasks.cancel();
            assertTrue(ended.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("cancelled"), outcome);
            assertEquals("cancelled", tasks.messageProperty().get());
            assertFalse(tasks.isBusy());
        }
    }

    @Test
    void aCancelledComputationSaysCancelled() {
        SectionTasks tasks = new SectionTasks(new DirectTaskRunner());
        boolean[] told = {false};
        tasks.run("scan", m -> {
            throw new Monitor.Cancelled();
        }, v -> { }, null, () -> told[0] = true, null);
        assertTrue(told[0]);
        assertEquals("cancelled", tasks.messageProperty().get());
    }
}
