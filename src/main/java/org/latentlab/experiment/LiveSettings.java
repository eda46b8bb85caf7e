package org.latentlab.experiment;

import java.util.List;
import java.util.Set;

/**
 * Which of an experiment's settings a person may change, declared once per family: before a run, the whole training
 * block and the experiment's iterations, intervals and seed (the networks stay in the network builder); while a run
 * is paused, only what the family's trainer takes in the middle of a run without reshaping a network or losing its
 * optimiser state. Paths are JSON paths of the experiment file ({@code "training.beta"}, {@code "rbm.k"}).
 */
public final class LiveSettings {

    /** A GAN's: both learning rates, k, and the remedies that act inside the updates (GanTrainer.updateSettings). */
    private static final Set<String> GAN = Set.of(
            "training.discriminatorOptimizer.learningRate", "training.generatorOptimizer.learningRate",
            "training.discriminatorSteps", "training.r1Gamma", "training.historicalAveraging",
            "training.unrollSteps", "training.featureMatching");

    /**
     * An autoencoder's or VAE's: the learning rate, β, the penalty's weight and ρ, and the corruption level
     * (AutoencoderTrainer.updateSettings keeps Adam's moments); the penalty, corruption and reconstruction kinds
     * change what is computed and are set before a run.
     */
    private static final Set<String> RECONSTRUCTION = Set.of(
            "training.optimizer.learningRate", "training.beta", "training.penaltyWeight", "training.sparsityTarget",
            "training.corruptionLevel");

    /**
     * An RBM's or DBN's: CD-k's k, the learning rate, momentum and weight decay (RbmTrainer.updateSettings keeps the
     * parameters, velocities and persistent chains); the batch size is the number of persistent chains, and CD versus
     * PCD decides whether there are chains at all.
     */
    private static final Set<String> RBM = Set.of("rbm.k", "rbm.learningRate", "rbm.momentum", "rbm.weightDecay");

    /** The experiment's own top-level settings editable before a run, besides the family's training block. */
    private static final List<String> RUN = List.of("iterations", "sampleInterval", "checkpointInterval", "seed");

    private LiveSettings() {
    }

    /** The paths a paused run of {@code family} may change. */
    public static Set<String> whilePaused(Family family) {
        return switch (family) {
            case GAN -> GAN;
            case AUTOENCODER, VAE -> RECONSTRUCTION;
            case RBM -> RBM;
            // wake-sleep's trainer takes its settings at the start only
            case SBN -> Set.of();
            // CycleGAN's, the VAE-GAN's and the adversarial autoencoder's trainers take their settings at the start only
            case CYCLEGAN, VAEGAN, AAE -> Set.of();
        };
    }

    /**
     * The training block of {@code family}'s experiment: {@code "training"}, {@code "rbm"} for an RBM, {@code "sbn"}
     * for a sigmoid belief net.
     */
    public static String block(Family family) {
        return family == Family.RBM ? "rbm" : family == Family.SBN ? "sbn"
                : family == Family.CYCLEGAN ? "cyclegan" : family == Family.VAEGAN ? "vaegan"
                : family == Family.AAE ? "aae" : "training";
    }

    /** The top-level components shown and editable before a run: the training block, then iterations... seed. */
    public static List<String> beforeRun(Family family) {
        List<String> roots = new java.util.ArrayList<>();
        roots.add(block(family));
        roots.addAll(RUN);
        return List.copyOf(roots);
    }

    /** Whether {@code path} may change while a run of {@code family} is paused. */
    public static boolean isLiveSafe(Family family, String path) {
        return whilePaused(family).contains(path);
    }
}
