package org.latentlab.train;

import org.latentlab.core.LabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link TrainingRun} says when its work throws: a {@link LabException} is a message for a person (logged as
 * one line, shown as it is); anything else is a bug, logged with its trace and shown with its class's name.
 */
final class RunFailures {

    /** The run's own log, so that its failures read under its name. */
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private RunFailures() {
    }

    /** Logs a failure while doing {@code what}: one line for a person's mistake, the trace for a bug. */
    static void log(String what, RuntimeException e) {
        if (e instanceof LabException) {
            // a user-facing failure: the status carries its message to the window or the command line
            LOG.debug(e.getMessage());
        } else {
            LOG.error(what, e);
        }
    }

    /** The one-line message a status carries. */
    static String message(RuntimeException e) {
        if (e instanceof LabException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
