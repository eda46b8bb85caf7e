package org.latentlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of a run folder, whatever the family: {@code checkpoints/iter-N/}, each written aside in
 * {@code checkpoints/.tmp-iter-N/}, sealed with a {@code manifest.json} (every file's size and SHA-256) and only then
 * moved into place, after which {@code checkpoints/LATEST} names it. A resume verifies the manifest and falls back to
 * the newest intact checkpoint; {@code LATEST} is a convenience, not needed to find them.
 */
public final class Checkpoints {

    /** The manifest inside every checkpoint folder. */
    public static final String MANIFEST = "manifest.json";
    private static final Pattern ITER = Pattern.compile("iter-0*(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A checkpoint chosen to resume from, and why newer ones were passed over. */
    public record Choice(Path checkpoint, long iteration, List<String> skipped) {
        public Choice {
            skipped = List.copyOf(skipped);
        }
    }

    /** Writes a checkpoint's files into the folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private Checkpoints() {
    }


    /**
     * Writes the checkpoint folder {@code target} ({@code <run>/checkpoints/iter-N}) completely or not at all:
     * {@code files} writes the checkpoint's files into the folder it is given, which is then sealed, moved to
     * {@code target} and named in {@code LATEST}. On any failure the half-written
     * folder is removed, earlier checkpoints are untouched, and a {@link LabException} says what failed and which
     * checkpoint is still the newest good one.
     */
    public static Path write(Path target, Contents files) {
        Path root = target.toAbsolutePath().getParent();
        Path runDir = root.getParent();
        long iteration = iterationOf(target);
        Path tmp = root.resolve(".tmp-" + target.getFileName());
        try {
            Files.createDirectories(root);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            files.writeInto(tmp);
            seal(tmp);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.writeString(root.resolve("LATEST"), target.getFileName() + "\n");
            return target;
        } catch (IOException | RuntimeException e) {
            quietlyDelete(tmp);
            String reason = e instanceof LabException ? e.getMessage() : describe(e);
            Path good = newestIntact(runDir);
            throw new LabException("cannot save the checkpoint at iteration " + iteration + ": " + reason
                    + (good == null ? "; no earlier checkpoint exists" : "; the newest good checkpoint is still "
                    + runDir.relativize(good)), e);
        }
    }

    /** Writes {@code manifest.json}: each file's size and SHA-256 (an {@code analysis/} folder is not part of it). */
    static void seal(Path dir) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.equals(MANIFEST) || name.startsWith(".")) {
                    continue;
                }
                files.put(name, Map.of("size", Files.size(f), "sha256", sha256(f)));
            }
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("files", files);
        AtomicFiles.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(manifest));
    }

    /**
     * What is wrong with a checkpoint folder, or null when it is intact: every file of its manifest present with its
     * size and SHA-256. A folder written before checkpoints had manifests is taken as intact when its state.json
     * exists (its restore then checks the rest).
     */
    public static String damage(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        if (!Files.isRegularFile(checkpoint.resolve("state.json"))) {
            return name + ": state.json is missing";
        }
        Path manifestFile = checkpoint.resolve(MANIFEST);
        if (!Files.exists(manifestFile)) {
            return null;
        }
        try {
            JsonNode files = JSON.readTree(manifestFile.toFile()).path("files");
            if (!files.isObject() || files.isEmpty()) {
                return name + ": " + MANIFEST + " lists no files";
            }
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) files::fields) {
                Path f = checkpoint.resolve(e.getKey());
                if (!Files.isRegularFile(f)) {
                    return name + ": " + e.getKey() + " is missing";
                }
                long expected = e.getValue().path("size").asLong(-1);
                long size = Files.size(f);
                if (size != expected) {
                    return String.format(Locale.ROOT, "%s: %s has %,d bytes, the manifest says %,d", name,
                            e.getKey(), size, expected);
                }
                if (!sha256(f).equals(e.getValue().path("sha256").asText())) {
                    return name + ": " + e.getKey() + " does not match its SHA-256 in the manifest";
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return name + ": " + MANIFEST + " cannot be read (" + describe(e) + ")";
        }
    }

    /** Every checkpoint folder of a run ({@code iter-N} with a state.json), newest first. */
    public static List<Path> newestFirst(Path runDir) {
        Path dir = runDir.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = new ArrayList<>(s.filter(Files::isDirectory)
                    .filter(p -> ITER.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                    .toList());
            found.sort(Comparator.comparingLong(Checkpoints::iterationOf).reversed());
            return found;
        } catch (IOException e) {
            throw new LabException(dir + ": cannot list the checkpoints: " + e.getMessage(), e);
        }
    }

    /** The newest checkpoint whose manifest checks out, or null. */
    public static Path newestIntact(Path runDir) {
        for (Path p : newestFirst(runDir)) {
            if (damage(p) == null) {
                return p;
            }
        }
        return null;
    }

    /**
     * The checkpoint to resume from: the newest intact one, with a line for each newer one passed over.
     *
     * @throws LabException when the run has no intact checkpoint, listing what is wrong with each
     */
    public static Choice choose(Path runDir) {
        List<String> skipped = new ArrayList<>();
        for (Path p : newestFirst(runDir)) {
            String problem = damage(p);
            if (problem == null) {
                return new Choice(p, iterationOf(p), skipped);
            }
            skipped.add(problem);
        }
        throw new LabException(runDir + " has no intact checkpoint to resume from"
                + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
    }

    /** A trainer restored from a checkpoint, and the newer checkpoints passed over on the way. */
    public record Restored<T>(T trainer, Path checkpoint, long iteration, List<String> skipped) {
        public Restored {
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Builds a trainer and loads the newest checkpoint that is intact and loads, trying older ones in turn (each on a
     * freshly built trainer, so nothing of a failed load remains).
     *
     * @throws LabException when no checkpoint of the run loads, with what is wrong with each
     */
    public static <T> Restored<T> restoreNewest(Path runDir, java.util.function.Supplier<T> build,
                                                java.util.function.BiConsumer<Path, T> restore) {
        List<String> skipped = new ArrayList<>();
        for (Path p : newestFirst(runDir)) {
            String problem = damage(p);
            if (problem != null) {
                skipped.add(problem);
                continue;
            }
            T trainer = build.get();
            try {
                restore.accept(p, trainer);
                return new Restored<>(trainer, p, iterationOf(p), skipped);
            } catch (LabException e) {
                skipped.add(p.getFileName() + ": " + e.getMessage());
            }
        }
        throw new LabException(runDir + " has no intact checkpoint to resume from"
                + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
    }

    /** One line for a resume that passed over damaged checkpoints, or null when it took the newest. */
    public static String fallbackNote(Restored<?> r) {
        if (r.skipped().isEmpty()) {
            return null;
        }
        return "resumed from " + r.checkpoint().getFileName() + " (iteration " + r.iteration() + ") because "
                + String.join("; ", r.skipped());
    }

    /** The iteration a checkpoint folder was saved at, from its name ({@code iter-N}). */
    public static long iterationOf(Path checkpoint) {
        Matcher m = ITER.matcher(checkpoint.getFileName().toString());
        if (!m.matches()) {
            throw new LabException(checkpoint + ": not a checkpoint folder (expected a name like iter-1000)");
        }
        return Long.parseLong(m.group(1));
    }

    /** Deletes all but the newest {@code keep} intact checkpoints (with their cached analyses). */
    static void keepNewest(Path runDir, int keep) {
        int kept = 0;
        for (Path p : newestFirst(runDir)) {
            if (kept < keep && damage(p) == null) {
                kept++;
            } else if (kept >= keep) {
                quietlyDelete(p);
            }
        }
    }

    static String sha256(Path f) throws IOException {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(p)) {
            for (Path f : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void quietlyDelete(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            // left behind: it wastes space but is never taken for a checkpoint (no manifest, or a .tmp- name)
        }
    }

    /** An exception's message without its class name where the message says enough. */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.io.UncheckedIOException)) {
            t = t.getCause();
        }
        if (t instanceof java.nio.file.FileSystemException fse) {
            String reason = fse.getReason();
            if (reason == null) {
                // Java names the kind of failure by the exception's type alone
                reason = t instanceof java.nio.file.NoSuchFileException
                        ? "no such file or folder (or it cannot be made there)"
                        : t instanceof java.nio.file.AccessDeniedException ? "permission denied"
                        : t instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                        : t instanceof java.nio.file.NotDirectoryException ? "not a folder"
                        : t instanceof java.nio.file.DirectoryNotEmptyException ? "folder not empty" : null;
            }
            return fse.getFile() + (reason == null ? "" : ": " + reason);
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
