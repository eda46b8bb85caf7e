package org.latentlab.cli;

import org.latentlab.core.LabException;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --checkpoint} option of the commands that read a run folder ({@code evaluate}, {@code anomaly}). */
final class CheckpointFolder {

    private CheckpointFolder() {
    }

    /**
     * The folder to load: the run itself when no checkpoint is named, else the named folder inside the run, inside
     * its {@code checkpoints/}, or as given.
     *
     * @throws LabException when none of those is a folder
     */
    static Path of(Path run, Path checkpoint) {
        if (checkpoint == null) {
            return run;
        }
        Path inside = run.resolve(checkpoint);
        Path listed = run.resolve("checkpoints").resolve(checkpoint);
        Path p = Files.isDirectory(inside) ? inside : Files.isDirectory(listed) ? listed : checkpoint;
        if (!Files.isDirectory(p)) {
            throw new LabException(checkpoint + ": no such checkpoint folder in " + run.resolve("checkpoints"));
        }
        return p;
    }
}
