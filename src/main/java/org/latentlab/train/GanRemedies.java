package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.TrainingNetwork;

/**
 * What the remedies for mode collapse of {@link GanSettings} that can be switched during a run hold between steps:
 * R1's zero-centred penalty (Mescheder et al. 2018), historical averaging's θ̄ of each player (Salimans et al. 2016,
 * section 3.3, {@link HistoricalAverage}), the view of D up to the feature-matching layer (section 3.1) and the exact
 * unrolled gradient's record of the look-ahead (Metz et al. 2017, {@link UnrolledGradient}). Each is null when off.
 * Owned by {@link GanTrainer} on its thread.
 */
final class GanRemedies {

    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final TrainingNetwork g;
    private final TrainingNetwork d;
    private final GeneratorPasses generatorPasses;
    private final boolean discriminatorCouplesBatch;
    /** R1's zero-centred penalty at the real examples, or null when γ = 0 (built when R1 is switched on). */
    CriticPenalty r1Penalty;
    /** Historical averaging's θ̄ of each player, or null when λ = 0 (started afresh when it is switched on). */
    HistoricalAverage generatorAverage;
    HistoricalAverage discriminatorAverage;
    /** D up to the feature-matching layer (a view of D's first layers), or null for G's GAN loss. */
    TrainingNetwork features;
    /** The exact unrolled gradient's record of the look-ahead, or null for the first-order form. */
    UnrolledGradient exactUnroll;

    /** The remedies of {@code settings}, built for a run's first parameters. */
    GanRemedies(MultiLayerNetwork generator, MultiLayerNetwork discriminator, TrainingNetwork g, TrainingNetwork d,
                GeneratorPasses generatorPasses, boolean discriminatorCouplesBatch, GanSettings settings) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.g = g;
        this.d = d;
        this.generatorPasses = generatorPasses;
        this.discriminatorCouplesBatch = discriminatorCouplesBatch;
        switchRemedies(settings, settings, true);
        this.exactUnroll = exactUnroll(settings);
    }

    /**
     * Switches from the remedies of {@code current} to those of {@code next}, all or nothing; what stays on is kept
     * (θ̄ keeps its history).
     *
     * @throws LabException when G or D cannot take a remedy, saying what to change
     */
    void change(GanSettings current, GanSettings next) {
        UnrolledGradient nextUnroll = exactUnroll(next);
        switchRemedies(next, current, false);
        exactUnroll = nextUnroll;
    }

    /**
     * The exact unrolled gradient's recorder when {@code next} asks for it (kept when already built), else null.
     *
     * @throws LabException when G or D cannot take it, saying what to change
     */
    private UnrolledGradient exactUnroll(GanSettings next) {
        if (next.unrollGradient() != UnrollGradient.EXACT || next.unrollSteps() == 0) {
            return null;
        }
        if (exactUnroll != null) {
            return exactUnroll;
        }
        UnrolledGradient.refusal(generator, discriminator, d, discriminatorCouplesBatch).ifPresent(why -> {
            throw new LabException(why);
        });
        return new UnrolledGradient(discriminator, d, g, generatorPasses);
    }

    /**
     * Builds what the remedies of {@code next} need and drops what those switched off leave behind, all or nothing:
     * R1's penalty, historical averaging's θ̄ of each player (started at the current θ when switched on, so its term
     * starts at zero, as at a run's first parameters) and the view of D up to the feature-matching layer. With
     * {@code fresh} false, what is still on is kept (θ̄ keeps its history).
     *
     * @throws LabException when D cannot take a remedy (R1 with layers that couple the batch, or without second
     *                      derivatives; feature matching on a layer D lacks or the engine does not run)
     */
    private void switchRemedies(GanSettings next, GanSettings current, boolean fresh) {
        CriticPenalty r1 = next.r1Gamma() == 0 ? null : !fresh && r1Penalty != null ? r1Penalty : r1Penalty();
        boolean averaging = next.historicalAveraging() > 0;
        boolean keepAverages = !fresh && generatorAverage != null;
        HistoricalAverage gAverage = !averaging ? null : keepAverages ? generatorAverage
                : new HistoricalAverage(generator.params());
        HistoricalAverage dAverage = !averaging ? null : keepAverages ? discriminatorAverage
                : new HistoricalAverage(discriminator.params());
        boolean sameLayer = !fresh && features != null && next.featureMatching().equals(current.featureMatching());
        TrainingNetwork f = !next.matchesFeatures() ? null : sameLayer ? features
                : featureLayer(discriminator, next.featureMatching());
        r1Penalty = r1;
        generatorAverage = gAverage;
        discriminatorAverage = dAverage;
        features = f;
    }

    private CriticPenalty r1Penalty() {
        if (discriminatorCouplesBatch) {
            throw new LabException("R1 penalises D's gradient at each real example, and batch norm or minibatch"
                    + " discrimination makes every score depend on the whole batch: remove those layers from D or set"
                    + " training.r1Gamma to 0");
        }
        return EngineGradientPenalty.zeroCentred(d);
    }

    private static TrainingNetwork featureLayer(MultiLayerNetwork discriminator, String layer) {
        try {
            return TrainingNetwork.prefix(discriminator, layer).orElseThrow(() -> new LabException(
                    "feature matching needs D on the lab's engine, and D has a layer the engine does not run:"
                            + " set training.featureMatching to \"\" (G's GAN loss)"));
        } catch (IllegalArgumentException e) {
            throw new LabException("training.featureMatching: " + e.getMessage(), e);
        }
    }
}
