package org.latentlab.core;

/**
 * The one exception a person sees. Its message says what is wrong, where (file, line, JSON path, layer) and,
 * where possible, how to fix it. IO, Jackson and DL4J exceptions are wrapped into this at the boundary.
 */
public class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }

    public LabException(String message, Throwable cause) {
        super(message, cause);
    }
}
