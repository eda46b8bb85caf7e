package org.latentlab.experiment;

import org.latentlab.core.LabException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finding runs among the folders under a runs root, named {@code <yyyyMMdd-HHmmss>-<experiment name>} as
 * {@link RunStore} creates them: the newest run of an experiment is the last of its folders by name.
 */
public final class RunFolders {

    private RunFolders() {
    }

    /** The newest run folder of {@code experiment} under {@code root} that has a spec and a checkpoint, if any. */
    public static Optional<Path> newest(Path root, String experiment) {
        if (root == null || !Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> d.getFileName().toString().endsWith("-" + experiment)
                            && Files.isRegularFile(d.resolve("spec.json")) && !SavedModel.checkpoints(d).isEmpty())
                    .max(Comparator.comparing(d -> d.getFileName().toString()));
        } catch (IOException e) {
            throw new LabException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }
}
