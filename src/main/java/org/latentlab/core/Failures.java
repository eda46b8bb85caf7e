package org.latentlab.core;

/** Turns any failure into the one line a person reads: a {@link LabException}'s message as it is, else a summary. */
public final class Failures {

    private Failures() {
    }

    /**
     * The message to show for {@code t} when {@code what} ("loading mnist-vae") failed: a {@link LabException}'s
     * own message; otherwise "what failed: message (ExceptionType)", the first line only, never a stack trace.
     */
    public static String message(String what, Throwable t) {
        Throwable shown = t;
        while (shown.getCause() != null && !(shown instanceof LabException)
                && (shown instanceof java.util.concurrent.ExecutionException
                || shown instanceof java.util.concurrent.CompletionException
                || shown instanceof java.lang.reflect.InvocationTargetException)) {
            shown = shown.getCause();
        }
        if (shown instanceof LabException) {
            return firstLine(shown.getMessage());
        }
        String text = shown.getMessage();
        String type = shown.getClass().getSimpleName();
        if (shown instanceof OutOfMemoryError) {
            return what + " failed: out of memory; close other runs or give the lab more memory (-Xmx)";
        }
        return what + " failed: " + (text == null || text.isBlank() ? type : firstLine(text) + " (" + type + ")");
    }

    /** Whether {@code t} is a failure a person caused and can fix (logged without a stack trace). */
    public static boolean expected(Throwable t) {
        return t instanceof LabException || t instanceof IllegalArgumentException;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
