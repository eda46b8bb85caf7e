package org.latentlab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} and {@code System.err} around each test, for tests of the command line through
 * {@link Main#execute}: register it as a field with {@code @RegisterExtension} and read {@link #out} and
 * {@link #err}.
 */
final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    /** Runs {@code train ARGS} through {@link Main#execute}, failing the test instead of hanging past {@code limit}. */
    static int train(java.time.Duration limit, String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "train";
        System.arraycopy(args, 0, line, 1, args.length);
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(limit, () -> Main.execute(line),
                "train did not return within " + limit.toSeconds() + " s: " + String.join(" ", line));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }
}
