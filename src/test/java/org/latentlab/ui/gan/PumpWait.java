package org.latentlab.ui.gan;

import java.util.function.BooleanSupplier;

/**
 * Waiting in a plain-JUnit ViewModel test for what a training run sends: the test stands in for the screen's frame
 * timer and drains the ViewModel's statuses itself ({@code pump}) until the condition holds.
 */
public final class PumpWait {

    private PumpWait() {
    }

    /** Calls {@code pump} every few milliseconds until {@code condition} holds, for up to 90 seconds. */
    public static void pumpUntil(String what, Runnable pump, BooleanSupplier condition) {
        long end = System.nanoTime() + 90_000_000_000L;
        while (true) {
            pump.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after 90 s waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
