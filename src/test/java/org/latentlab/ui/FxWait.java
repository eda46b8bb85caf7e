package org.latentlab.ui;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting in TestFX tests for what a screen shows after background work: one helper for every screen's test. */
public final class FxWait {

    private FxWait() {
    }

    /** Waits up to {@code seconds} for {@code condition}, then lets the FX thread drain its queue. */
    public static void waitFor(String what, long seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The text of a text control, read on the FX thread: a TextArea read from the test thread while the screen
     * appends to it can fail inside JavaFX (its paragraphs change under the reader).
     */
    public static String textOf(javafx.scene.control.TextInputControl control) {
        try {
            java.util.concurrent.Callable<String> read = control::getText;
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read the text of " + control.getId(), e);
        }
    }

    /** Waits up to 90 seconds (a short training run on this 2-core box) for {@code condition}. */
    public static void waitFor(String what, BooleanSupplier condition) {
        waitFor(what, 90, condition);
    }
}
