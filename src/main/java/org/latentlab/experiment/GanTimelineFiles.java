package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.train.GanView;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@link GanTimeline} of a run written into its folder as the snapshots are taken, so a finished, stopped or
 * killed run can be scrubbed back through when it is opened again: {@code timeline/it-NNNNNNNNNNNN.view} per snapshot
 * ({@link GanViewCodec}) and {@code timeline/index.json} naming them in order. The same thinning rule as the
 * timeline in memory decides which snapshots stay, so the folder holds at most {@link GanTimeline#MAX_SNAPSHOTS}
 * snapshots and about {@link GanTimeline#MAX_BYTES} of pictures (and, for a few seconds, up to 64 dropped ones kept
 * for readers of the previous index); the writer keeps only names and sizes, not the pictures.
 *
 * <p>Every file is written whole or not at all ({@link AtomicFiles}), a snapshot before the index that names it, and
 * a dropped snapshot is deleted only seconds after the index stopped naming it: a run killed at any moment leaves an
 * index whose every snapshot can be read. Files not named by the index (left by a kill between the two writes) are
 * ignored when reading and deleted when the run is resumed. Written on one thread (the run's); read on any.
 */
public final class GanTimelineFiles {

    /** The folder inside a run folder. */
    public static final String FOLDER = "timeline";
    /** The index inside {@link #FOLDER}. */
    public static final String INDEX = "index.json";
    private static final int FORMAT = 1;

    private record Entry(long iteration, long bytes, String file) {
    }

    /**
     * The snapshots read back from a run folder.
     *
     * @param views   the snapshots, oldest first (empty when the run has no timeline)
     * @param problem one line on what could not be read (a damaged index or snapshot), or null
     */
    public record Loaded(List<GanView> views, String problem) {
        public Loaded {
            views = List.copyOf(views);
        }
    }

    /** How long a dropped snapshot stays after the index stops naming it (for readers of the old index). */
    private static final long DELETE_AFTER_NANOS = 3_000_000_000L;
    /** The most dropped snapshots waiting to be deleted, however fast views come. */
    private static final int MAX_UNNAMED = 64;

    private record Dropped(String file, long since) {
    }

    private final Path dir;
    private final Thinning<Entry> kept;
    private final java.util.ArrayDeque<Dropped> unnamed = new java.util.ArrayDeque<>();

    private GanTimelineFiles(Path dir, int maxSnapshots, long maxBytes) {
        this.dir = dir;
        this.kept = new Thinning<>(maxSnapshots, maxBytes, Entry::iteration, Entry::bytes);
    }

    /**
     * Opens the timeline of {@code runDir} for writing, keeping the snapshots it has up to iteration {@code upTo}
     * (those after it were taken after the checkpoint a resume continues from) and deleting the rest.
     */
    public static GanTimelineFiles open(Path runDir, long upTo) {
        return open(runDir, upTo, GanTimeline.MAX_SNAPSHOTS, GanTimeline.MAX_BYTES);
    }

    /** As {@link #open(Path, long)}, with the caps of {@link GanTimeline#GanTimeline(int, long)} (tests). */
    public static GanTimelineFiles open(Path runDir, long upTo, int maxSnapshots, long maxBytes) {
        GanTimelineFiles files = new GanTimelineFiles(runDir.resolve(FOLDER), maxSnapshots, maxBytes);
        List<Entry> before = files.readIndexQuietly();
        boolean changed = false;
        for (Entry e : before) {
            if (e.iteration() <= upTo && Files.isRegularFile(files.dir.resolve(e.file()))) {
                files.kept.add(e);
            } else {
                changed = true;
            }
        }
        if (changed) {
            files.writeIndex();
        }
        files.deleteUnnamed();
        return files;
    }

    /** Writes {@code view} as the newest snapshot and deletes the ones the thinning drops. */
    public void add(GanView view) {
        Entry newest = kept.newest();
        if (view == null || newest != null && view.iteration() < newest.iteration()) {
            return;
        }
        Entry e = new Entry(view.iteration(), GanTimeline.bytesOf(view), fileName(view.iteration()));
        AtomicFiles.write(dir.resolve(e.file()), out -> GanViewCodec.write(view, out));
        List<Entry> dropped = kept.add(e);
        writeIndex();
        Set<String> named = new HashSet<>();
        kept.all().forEach(k -> named.add(k.file()));
        long now = System.nanoTime();
        for (Entry d : dropped) {
            if (!named.contains(d.file())) {
                unnamed.add(new Dropped(d.file(), now));
            }
        }
        // deleted a while after the index stopped naming them, so a reader that read the old index finds them
        while (!unnamed.isEmpty() && (now - unnamed.peekFirst().since() > DELETE_AFTER_NANOS
                || unnamed.size() > MAX_UNNAMED)) {
            String f = unnamed.removeFirst().file();
            if (!named.contains(f)) {
                delete(dir.resolve(f));
            }
        }
    }

    /** How many snapshots the folder holds now. */
    public int size() {
        return kept.size();
    }

    /**
     * Reads the timeline of {@code runDir}: every snapshot the index names, oldest first. A run without one gives
     * none; a damaged index or snapshot is passed over with a one-line {@link Loaded#problem()}, never a failure.
     */
    public static Loaded read(Path runDir) {
        Path dir = runDir.resolve(FOLDER);
        Attempt a = readOnce(dir);
        // a run being written may drop a snapshot between the index read and the snapshot's: read the index again
        for (int again = 0; again < 4 && a.missing(); again++) {
            a = readOnce(dir);
        }
        return a.loaded();
    }

    /** One read of the folder, and whether a snapshot named by the index was missing (worth reading it again). */
    private record Attempt(Loaded loaded, boolean missing) {
    }

    private static Attempt readOnce(Path dir) {
        boolean missing = false;
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return new Attempt(new Loaded(List.of(), null), false);
        }
        List<Entry> entries;
        try {
            entries = parseIndex(index);
        } catch (LabException e) {
            return new Attempt(new Loaded(List.of(), e.getMessage() + "; the timeline starts empty"), false);
        }
        List<GanView> views = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Entry e : entries) {
            Path f = dir.resolve(e.file());
            try (InputStream in = Files.newInputStream(f)) {
                GanView v = GanViewCodec.read(in);
                if (!views.isEmpty() && v.iteration() < views.get(views.size() - 1).iteration()) {
                    throw new IOException("out of order");
                }
                views.add(v);
            } catch (java.nio.file.NoSuchFileException gone) {
                missing = true;
                bad.add(e.file() + " (missing)");
            } catch (IOException e2) {
                bad.add(e.file() + " (" + e2.getMessage() + ")");
            }
        }
        String problem = bad.isEmpty() ? null : String.format(Locale.ROOT, "%s: %d of %d snapshots could not be read,"
                + " left out: %s", dir, bad.size(), entries.size(), String.join(", ", bad));
        return new Attempt(new Loaded(views, problem), missing);
    }

    private static String fileName(long iteration) {
        return String.format(Locale.ROOT, "it-%012d.view", iteration);
    }

    private List<Entry> readIndexQuietly() {
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        try {
            return parseIndex(index);
        } catch (LabException e) {
            return List.of(); // a damaged index starts the timeline again; the run itself is unharmed
        }
    }

    private static List<Entry> parseIndex(Path index) {
        try {
            JsonNode root = ExperimentFiles.mapper().readTree(Files.readString(index, StandardCharsets.UTF_8));
            if (root == null || root.path("format").asInt(-1) != FORMAT || !root.path("snapshots").isArray()) {
                throw new LabException(index + ": not a timeline index of format " + FORMAT);
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode n : root.get("snapshots")) {
                String file = n.path("file").asText("");
                if (!file.matches("it-\\d{12}\\.view") || !n.path("iteration").canConvertToLong()) {
                    throw new LabException(index + ": snapshot " + entries.size() + " has no iteration or a bad file"
                            + " name '" + file + "'");
                }
                entries.add(new Entry(n.get("iteration").asLong(), n.path("bytes").asLong(0), file));
            }
            return entries;
        } catch (IOException e) {
            throw new LabException(index + ": cannot be read (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
    }

    private void writeIndex() {
        StringBuilder b = new StringBuilder("{\n  \"format\": " + FORMAT + ",\n  \"snapshots\": [");
        List<Entry> all = kept.all();
        for (int i = 0; i < all.size(); i++) {
            Entry e = all.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"iteration\": %d, \"bytes\": %d, \"file\": \"%s\"}", e.iteration(), e.bytes(), e.file()));
        }
        b.append(all.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        AtomicFiles.writeString(dir.resolve(INDEX), b.toString());
    }

    /** Deletes snapshot files the index does not name (a kill between a snapshot and its index). */
    private void deleteUnnamed() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> named = new HashSet<>();
        kept.all().forEach(k -> named.add(k.file()));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".view")
                            && !named.contains(p.getFileName().toString()))
                    .forEach(GanTimelineFiles::delete);
        } catch (IOException e) {
            // left over files take room but do no harm: they are never read
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a snapshot no index names is never read; it only takes room
        }
    }
}
