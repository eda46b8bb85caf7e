package org.latentlab.experiment.geometry;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.LabException;
import org.latentlab.core.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Results kept as JSON files in a checkpoint's {@code analysis/} folder, named from their parameters, so that asking
 * again costs a file read. A file is written atomically ({@link AtomicFiles}); one that cannot be read (cut off,
 * edited, from another format version) is logged and ignored, and the result computed again and written over it.
 * A result that cannot be written is logged and returned all the same.
 */
final class AnalysisCache {

    /** The version of the file layout; files of another version are recomputed. */
    static final int FORMAT = 1;

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a cache file holds: the format version and the result. */
    record Envelope<T>(int format, T result) {
    }

    private AnalysisCache() {
    }

    /** The cached result in {@code file}, or null when there is none or it cannot be read. */
    static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JavaType t = JSON.getTypeFactory().constructParametricType(Envelope.class, type);
            Envelope<T> e = JSON.readValue(file.toFile(), t);
            if (e == null || e.format() != FORMAT || e.result() == null) {
                LOG.warn("{}: a cache file of another format; computing the result again", file);
                return null;
            }
            return e.result();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable cache file ({}); computing the result again", file, e.getMessage());
            return null;
        }
    }

    /** Writes {@code result} to {@code file} atomically; a failure is logged, not thrown. */
    static void write(Path file, Object result) {
        try {
            AtomicFiles.write(file, out -> JSON.writeValue(out, new Envelope<>(FORMAT, result)));
        } catch (LabException e) {
            LOG.warn("could not keep the result in {}: {}", file, e.getMessage());
        }
    }
}
