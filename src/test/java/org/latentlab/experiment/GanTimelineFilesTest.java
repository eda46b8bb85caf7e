package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.geometry.TinyRuns;
import org.latentlab.train.Backend;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanView;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline written into a run folder: the binary snapshot, the folder's rule, a real run, a killed run. */
class GanTimelineFilesTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void init() {
        Backend.init();
    }

    static GanView.Points points(long iteration, boolean full) {
        float[] real = {0.5f, -1.25f, 3f, Float.MIN_VALUE};
        float[] heat = new float[16];
        for (int i = 0; i < heat.length; i++) {
            heat[i] = (float) Math.sin(i + iteration);
        }
        return new GanView.Points(iteration, new double[]{-2, 2, -1.5, 1.5}, real, new float[]{iteration, -0f, 1e-30f,
                7f}, heat, 4, full, full ? new float[]{1, 2, 3, 4, 5, 6, 7, 8} : null, full ? 2 : 0,
                full ? new float[]{0.1f, 0.2f, 0.3f, 0.4f} : null, new float[]{1, 0, 0, 1},
                full ? new boolean[]{true, false} : null, 0.05,
                full ? new GanView.Optimal(heat.clone(), new float[16], 0.125, Double.NaN, 600, 0.3, 0.4) : null);
    }

    static void assertSameView(GanView a, GanView b) {
        assertEquals(a.iteration(), b.iteration());
        assertEquals(a.getClass(), b.getClass());
        if (a instanceof GanView.Images i) {
            GanView.Images j = (GanView.Images) b;
            assertEquals(List.of(i.count(), i.channels(), i.height(), i.width()),
                    List.of(j.count(), j.channels(), j.height(), j.width()));
            assertArrayEquals(i.pixels(), j.pixels());
            return;
        }
        GanView.Points p = (GanView.Points) a;
        GanView.Points q = (GanView.Points) b;
        assertArrayEquals(p.bounds(), q.bounds());
        assertArrayEquals(p.real(), q.real());
        assertArrayEquals(p.fake(), q.fake());
        assertArrayEquals(p.heat(), q.heat());
        assertEquals(p.heatRes(), q.heatRes());
        assertEquals(p.heatIsProbability(), q.heatIsProbability());
        assertArrayEquals(p.warp(), q.warp());
        assertEquals(p.warpRes(), q.warpRes());
        assertArrayEquals(p.arrows(), q.arrows());
        assertArrayEquals(p.modes(), q.modes());
        assertArrayEquals(p.covered(), q.covered());
        assertEquals(p.sigma(), q.sigma());
        assertEquals(p.optimal() == null, q.optimal() == null);
        if (p.optimal() != null) {
            GanView.Optimal o = p.optimal();
            GanView.Optimal r = q.optimal();
            assertArrayEquals(o.smoothed(), r.smoothed());
            assertArrayEquals(o.exact(), r.exact());
            assertEquals(List.of(o.gapSmoothed(), o.gapExact(), o.bandwidthX(), o.bandwidthY()),
                    List.of(r.gapSmoothed(), r.gapExact(), r.bandwidthX(), r.bandwidthY()));
            assertEquals(o.samples(), r.samples());
        }
    }

    private static GanView roundTrip(GanView v) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GanViewCodec.write(v, out);
        return GanViewCodec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void aSnapshotReadsBackEqualToTheViewWritten() throws IOException {
        assertSameView(points(7, true), roundTrip(points(7, true)));
        assertSameView(points(8, false), roundTrip(points(8, false)));
        float[] pixels = new float[2 * 3 * 4 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 7 == 0 ? 0f : i / (float) pixels.length;
        }
        GanView.Images images = new GanView.Images(123_456_789_012L, pixels, 2, 3, 4, 5);
        assertSameView(images, roundTrip(images));
    }

    @Test
    void aCutOrForeignFileIsRefusedWithAReason() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GanViewCodec.write(points(3, true), out);
        byte[] whole = out.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        IOException e = assertThrows(IOException.class, () -> GanViewCodec.read(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().contains("cut short") || e.getMessage().contains("damaged"), e.getMessage());
        assertThrows(IOException.class, () -> GanViewCodec.read(new ByteArrayInputStream("{}".getBytes())));
    }

    @Test
    void theFolderKeepsWhatTheTimelineInMemoryKeeps() {
        GanTimeline memory = new GanTimeline(5, 1L << 20);
        GanTimelineFiles files = GanTimelineFiles.open(tmp, 0, 5, 1L << 20);
        for (long i = 1; i <= 40; i++) {
            GanView v = points(i * 3, i % 2 == 0);
            memory.add(v);
            files.add(v);
        }
        GanTimelineFiles.Loaded read = GanTimelineFiles.read(tmp);
        assertNull(read.problem());
        assertEquals(memory.size(), read.views().size());
        for (int i = 0; i < memory.size(); i++) {
            assertSameView(memory.get(i), read.views().get(i));
        }
        GanTimelineFiles.open(tmp, Long.MAX_VALUE, 5, 1L << 20); // dropped snapshots not yet deleted go now
        try (var s = Files.list(tmp.resolve(GanTimelineFiles.FOLDER))) {
            assertEquals(5 + 1, s.count(), "five snapshots and the index: dropped snapshots are deleted");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aResumeDropsSnapshotsAfterItsCheckpointAndFilesNoIndexNames() throws IOException {
        GanTimelineFiles files = GanTimelineFiles.open(tmp, 0);
        for (long i = 10; i <= 50; i += 10) {
            files.add(points(i, true));
        }
        Path orphan = tmp.resolve(GanTimelineFiles.FOLDER).resolve("it-000000000055.view");
        Files.write(orphan, new byte[]{1, 2, 3}); // a kill between a snapshot and the index naming it
        assertEquals(5, GanTimelineFiles.read(tmp).views().size(), "an unnamed file is not read");
        GanTimelineFiles resumed = GanTimelineFiles.open(tmp, 30);
        assertEquals(3, resumed.size());
        assertTrue(Files.notExists(orphan));
        resumed.add(points(40, false));
        List<Long> its = GanTimelineFiles.read(tmp).views().stream().map(GanView::iteration).toList();
        assertEquals(List.of(10L, 20L, 30L, 40L), its);
        assertEquals(false, ((GanView.Points) GanTimelineFiles.read(tmp).views().get(3)).heatIsProbability(),
                "the snapshot at 40 is the resumed run's, not the one taken before the kill");
    }

    @Test
    void aDamagedSnapshotOrIndexIsPassedOverWithALine() throws IOException {
        GanTimelineFiles files = GanTimelineFiles.open(tmp, 0);
        files.add(points(1, true));
        files.add(points(2, true));
        Path dir = tmp.resolve(GanTimelineFiles.FOLDER);
        Files.write(dir.resolve("it-000000000001.view"), new byte[]{9, 9});
        GanTimelineFiles.Loaded read = GanTimelineFiles.read(tmp);
        assertEquals(1, read.views().size());
        assertNotNull(read.problem());
        assertTrue(read.problem().contains("1 of 2") && read.problem().contains("it-000000000001.view"),
                read.problem());
        Files.writeString(dir.resolve(GanTimelineFiles.INDEX), "{\"format\": 1, \"snapshots\": [{\"file\": 3}]}");
        read = GanTimelineFiles.read(tmp);
        assertEquals(0, read.views().size());
        assertTrue(read.problem().contains("index.json") && read.problem().contains("snapshot 0"), read.problem());
        assertEquals(new GanTimelineFiles.Loaded(List.of(), null).views(), GanTimelineFiles.read(tmp.resolve("none"))
                .views());
    }

    /**
     * A real run writes its timeline as it goes; read back after it finished it equals the views the run published,
     * thinned by the same rule. While it runs, a reader reads the folder again and again: what it finds at any
     * moment is what a run killed at that moment leaves, and every such read must be complete.
     */
    @Test
    void aRunWritesItsTimelineReadableAtEveryMoment() throws Exception {
        Path runs = tmp.resolve("runs");
        Map<Long, GanView> published = new ConcurrentHashMap<>();
        AtomicReference<Path> runDir = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExperimentRunner.Session<GanTrainer, GanStatus> s = ExperimentRunner.start(TinyRuns.ringGan(300),
                new ExperimentRunner.Options(runs, Path.of("."), 10, 10))) {
            s.run().subscribe(st -> {
                if (st.view() != null) {
                    published.put(st.view().iteration(), st.view());
                }
            });
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    Path d = s.runDir();
                    if (d != null && Files.exists(d.resolve(GanTimelineFiles.FOLDER).resolve(GanTimelineFiles.INDEX))) {
                        GanTimelineFiles.Loaded l = GanTimelineFiles.read(d);
                        reads.incrementAndGet();
                        if (l.problem() != null) {
                            problems.add(l.problem());
                        }
                    }
                }
            });
            reader.start();
            s.run().start();
            s.run().awaitIdle(60_000);
            runDir.set(s.runDir());
            done.set(true);
            reader.join();
        }
        assertTrue(problems.isEmpty(), "reads during the run: " + problems);
        assertTrue(reads.get() > 0);
        GanTimelineFiles.Loaded read = GanTimelineFiles.read(runDir.get());
        assertNull(read.problem());
        assertTrue(read.views().size() >= 3, "snapshots: " + read.views().size());
        assertEquals(300, read.views().get(read.views().size() - 1).iteration());
        TreeMap<Long, GanView> sorted = new TreeMap<>(published);
        for (GanView v : read.views()) {
            GanView p = sorted.get(v.iteration());
            assertNotNull(p, "a snapshot of a view the run published: " + v.iteration());
            assertSameView(p, v);
        }
    }
}
