package org.latentlab.experiment;

/**
 * The checks every experiment record makes of its name and its schedule, with the same messages, so that a file of
 * any family is told what is wrong in the same words. Each check throws {@link IllegalArgumentException} naming the
 * field, as a record's compact constructor does.
 */
final class ExperimentChecks {

    /** The most iterations an experiment may ask for. */
    static final long MAX_ITERATIONS = 1_000_000_000L;

    private ExperimentChecks() {
    }

    /** Letters, digits, '.', '_' or '-': the name becomes the run folder's. */
    static void name(String name) {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name: letters, digits, '.', '_' or '-', not '" + name + "'");
        }
    }

    /** 1 to {@value #MAX_ITERATIONS} iterations, measured and saved every 1 or more. */
    static void schedule(long iterations, int sampleInterval, int checkpointInterval) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations: 1 to " + MAX_ITERATIONS + ", not " + iterations);
        }
        if (sampleInterval < 1) {
            throw new IllegalArgumentException("sampleInterval: measure every 1 or more iterations, not "
                    + sampleInterval);
        }
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval: save every 1 or more iterations, not "
                    + checkpointInterval);
        }
    }
}
