package org.latentlab.ui.common;

import java.nio.file.Path;

/**
 * Where the experiment on a training bench came from, so a session can open it again: a preset, an experiment file,
 * a run folder (reopened at its newest checkpoint), or none of them (a spec made in the lab, e.g. by the network
 * builder). A run folder, once the run has one, is what a session reopens; the preset or file is kept beside it.
 *
 * @param preset a preset's name, or null
 * @param file   an experiment file, or null
 * @param runDir the run's folder, or null before it has one
 */
public record ExperimentSource(String preset, Path file, Path runDir) {

    public static ExperimentSource preset(String name) {
        return new ExperimentSource(name, null, null);
    }

    public static ExperimentSource file(Path file) {
        return new ExperimentSource(null, file.toAbsolutePath().normalize(), null);
    }

    public static ExperimentSource run(Path runDir) {
        return new ExperimentSource(null, null, runDir.toAbsolutePath().normalize());
    }

    /** A spec made in the lab: nothing to name. */
    public static ExperimentSource made() {
        return new ExperimentSource(null, null, null);
    }

    /** The same source with the run's folder (null keeps it without one). */
    public ExperimentSource withRun(Path dir) {
        return new ExperimentSource(preset, file, dir == null ? null : dir.toAbsolutePath().normalize());
    }
}
