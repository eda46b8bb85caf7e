package org.latentlab.train;

/**
 * One model family's training loop (GAN, autoencoder, VAE, RBM), driven by a {@link TrainingRun} on its owner
 * thread. Implementations are not thread-safe: only the owner thread calls them.
 */
public interface Trainer {

    /** One training iteration (for a GAN: k discriminator updates and one generator update). */
    void iterate();

    /** Iterations done so far. */
    long iteration();

    /**
     * The parts of an iteration a person may step one at a time, by name (a GAN: "discriminator", "generator");
     * empty for families whose iteration is one update.
     */
    default java.util.List<String> parts() {
        return java.util.List.of();
    }

    /** Does part number {@code part} of {@link #parts()} once; families without parts do a whole iteration. */
    default void stepPart(int part) {
        iterate();
    }

    /** Whether the next updates should also measure the (costlier) diagnostics the dashboard shows. */
    void setDiagnostics(boolean on);

    /** Marks the state as not worth saving (after a non-finite loss or a failure). */
    void markFaulted();

    boolean isFaulted();

    /** A one-line summary of the current settings ("mse, sparse-kl rho=0.05 beta=3, lr 0.001"). */
    String describeSettings();
}
