package org.latentlab.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRunnerTest {

    @Test
    void directRunnerTellsTheResultBeforeSubmitReturns() {
        List<String> told = new ArrayList<>();
        TaskHandle h = new DirectTaskRunner().submit(BackgroundTask.of("adding", m -> {
            m.progress(0.5, "half");
            return 2 + 2;
        }).onProgress((f, msg) -> told.add("progress " + f + " " + msg)).onSuccess(v -> told.add("got " + v)));
        assertEquals(List.of("progress 0.5 half", "got 4"), told);
        assertTrue(h.isDone());
    }

    @Test
    void aLabExceptionReachesTheHandlerAsItsOwnMessage() {
        List<String> told = new ArrayList<>();
        new DirectTaskRunner().submit(BackgroundTask.of("loading x", m -> {
            throw new LabException("no preset named 'x'");
        }).onSuccess(v -> told.add("success")).onFailure(told::add));
        assertEquals(List.of("no preset named 'x'"), told);
    }

    @Test
    void anyOtherFailureBecomesOneLineNamingTheTask() {
        List<String> told = new ArrayList<>();
        new DirectTaskRunner(told::add).submit(BackgroundTask.of("loading x", m -> {
            throw new IllegalStateException("broken\nsecond line");
        }));
        assertEquals(List.of("loading x failed: broken (IllegalStateException)"), told);
    }

    @Test
    void aFailingSuccessHandlerIsTheTasksFailure() {
        List<String> told = new ArrayList<>();
        new DirectTaskRunner().submit(BackgroundTask.of("drawing", m -> 1)
                .onSuccess(v -> {
                    throw new NullPointerException();
                }).onFailure(told::add));
        assertEquals(List.of("drawing failed: NullPointerException"), told);
    }

    @Test
    void withoutAHandlerTheDirectRunnerThrows() {
        DirectTaskRunner r = new DirectTaskRunner();
        LabException e = assertThrows(LabException.class, () -> r.submit(BackgroundTask.ofAction("saving", m -> {
            throw new java.io.IOException("disk full");
        })));
        assertEquals("saving failed: disk full (IOException)", e.getMessage());
    }

    @Test
    void workerRunnerRunsOffTheCallerAndCancelsOnRequest() throws Exception {
        ExecutorService ownerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "owner"));
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(2);
        try (WorkerTaskRunner runner = new WorkerTaskRunner("test-worker", ownerThread, told::add)) {
            TaskHandle slow = runner.submit(BackgroundTask.of("spinning", m -> {
                told.add("worker " + Thread.currentThread().getName());
                started.countDown();
                while (true) {
                    m.checkCancelled();
                    Thread.sleep(1);
                }
            }).onCancelled(() -> {
                told.add("cancelled on " + Thread.currentThread().getName());
                finished.countDown();
            }));
            runner.submit(BackgroundTask.of("next", m -> "queued after").onSuccess(v -> {
                told.add(v);
                finished.countDown();
            }));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            slow.cancel();
            assertTrue(finished.await(5, TimeUnit.SECONDS));
            ownerThread.submit(() -> { }).get();
            assertTrue(slow.isDone());
        } finally {
            ownerThread.shutdown();
        }
        assertEquals(List.of("worker test-worker", "cancelled on owner", "queued after"), told);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRuns() {
        List<String> told = new ArrayList<>();
        TaskHandle h;
        try (WorkerTaskRunner runner = new WorkerTaskRunner("w", Runnable::run, told::add)) {
            CountDownLatch hold = new CountDownLatch(1);
            runner.submit(BackgroundTask.ofAction("blocker", m -> hold.await()));
            h = runner.submit(BackgroundTask.ofAction("never", m -> told.add("ran")).onCancelled(() -> told.add("cancelled")));
            h.cancel();
            hold.countDown();
            long end = System.nanoTime() + 5_000_000_000L;
            while (!h.isDone() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }
        assertEquals(List.of("cancelled"), told);
    }
}
