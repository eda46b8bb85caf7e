package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.engine.InferenceNetwork;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * What one GAN of the zoo changes in {@link GanTrainer}'s game, which keeps the D and G steps, the losses and the
 * remedies for mode collapse and calls these hooks at fixed places: G's input codes, D's input for a real and a
 * generated batch, the way D's input gradient reaches the examples, extra terms of D's and G's losses with their
 * gradients, a loss that replaces D's score loss, extra networks stepped with D or G, what goes into a checkpoint,
 * and the settings the variant refuses. Every hook has the plain GAN's behaviour as its default, so {@link #plain()}
 * overrides only what it must (G's codes in a step array).
 *
 * <p>The implementations: {@link ConditionalBatches} (Mirza and Osindero 2014), {@link InfoGanHead} (Chen et al.
 * 2016), {@link BiganPairs} (Donahue et al. 2017) and {@link EnergyGame} (Zhao et al. 2017). A variant is bound to
 * one trainer: {@link #attach} hands it the trainer's networks before the first step. Its hooks run on the trainer's
 * thread and draw only from the generator they are given, in the order documented on each hook.
 */
public interface GanVariant {

    /** The trainer's side of the game a variant works on, handed over once by {@link #attach}. */
    record Game(MultiLayerNetwork generator, MultiLayerNetwork discriminator, TrainingNetwork d, int latentDim,
                int dataDim, StepArrays step) {
    }

    /** What a step offers the hooks: real batches from the step's generator, the settings, the finiteness check. */
    interface Step {
        /** A batch of n real examples (a step array, overwritten by the next batch), drawn now. */
        INDArray reals(int n);

        GanSettings settings();

        /** Stops the run with a {@link NonFiniteLossException} naming {@code what} when the value is not finite. */
        void requireFinite(String what, double value);
    }

    /** The plain GAN: z ~ N(0, I) as G's input, D's score losses, nothing added. */
    static GanVariant plain() {
        return new PlainGan();
    }

    /** Binds the variant to the trainer's networks (before any other hook runs on a step). */
    default void attach(Game game) {
    }

    /** Why the variant cannot train with these settings, or empty when it can. */
    default Optional<String> settingsRefusal(GanSettings settings) {
        return Optional.empty();
    }

    /**
     * Why the variant cannot train a D whose layers couple the examples of a batch (batch norm, minibatch
     * discrimination), or empty when it can.
     */
    default Optional<String> refusalOfCoupledBatch() {
        return Optional.empty();
    }

    /** Why the variant cannot train a G with virtual batch norm's reference batch of plain codes, or empty. */
    default Optional<String> refusalOfReferenceBatch() {
        return Optional.empty();
    }

    /** G's input size for codes z of {@code latentDim} values. */
    default int generatorInputSize(int latentDim) {
        return latentDim;
    }

    /** D's input size given the plain GAN's, {@code packedSize} (the data's size times PacGAN's packing). */
    default int discriminatorInputSize(int packedSize) {
        return packedSize;
    }

    /** Whether D is an autoencoder (its output the data's size) rather than a scorer (one value per example). */
    default boolean discriminatorReconstructs() {
        return false;
    }

    /**
     * G's input for n drawn codes z (n × latent values, row-major, already drawn from {@code rng}); a variant that
     * adds columns draws them from {@code rng} after the codes.
     */
    INDArray generatorInput(double[] z, int n, Random rng);

    /** A real batch as D takes it, {@code step} drawing the examples (a variant may draw them with labels instead). */
    default INDArray realInput(int n, Random rng, Step step) {
        return step.reals(n);
    }

    /** G's samples as D takes them, given G's input {@code gInput} they were made from. */
    default INDArray generatedInput(INDArray fake, INDArray gInput) {
        return fake;
    }

    /** dL/dx of the examples from dL/d(D's input) (the columns a variant joined to the examples dropped). */
    default INDArray exampleGradient(INDArray joinedGradient) {
        return joinedGradient;
    }

    /**
     * D's gradient when the variant replaces D's score losses: D's packed batch x, its first {@code realPacks} rows
     * real and next {@code fakePacks} generated; sets D's loss and scores in {@code stats}. Empty: D's score loss.
     */
    default Optional<INDArray> ownDiscriminatorGradient(INDArray x, int realPacks, int fakePacks,
                                                     GanTrainer.StepStats stats) {
        return Optional.empty();
    }

    /** dL_G/dx when the variant replaces G's score loss, G's loss set in {@code stats}; empty: G's score loss. */
    default Optional<INDArray> ownGeneratorInputGradient(INDArray fake, GanTrainer.StepStats stats) {
        return Optional.empty();
    }

    /**
     * D's extra loss on the generated batch {@code fake} made from {@code gInput}: adds its gradient to D's live
     * gradient and its value to {@code stats.discriminatorLoss} (with the status fields it sets).
     */
    default void addToDiscriminator(INDArray fake, INDArray gInput, INDArray gradient, GanTrainer.StepStats stats) {
    }

    /**
     * G's extra loss on its samples: returns dL_G/dx with the term's gradient added to the game's
     * {@code inputGradient} (which it may reuse), its value added to {@code stats.generatorLoss}.
     */
    default INDArray addToGenerator(INDArray fake, INDArray gInput, INDArray inputGradient,
                                    GanTrainer.StepStats stats) {
        return inputGradient;
    }

    /** Steps the variant's networks that learn with D, after D's update ({@code updates} D updates before it). */
    default void afterDiscriminatorUpdate(int updates) {
    }

    /** Steps the variant's networks that learn with G, after G's update ({@code updates} G updates before it). */
    default void afterGeneratorUpdate(int updates, Step step) {
    }

    /** Takes the changed settings (learning rates) into the variant's own networks. */
    default void settingsChanged(GanSettings settings) {
    }

    /**
     * D's inference-mode scores of examples [n, d], given the plain GAN's scores {@code discriminator} (D's
     * inference pass on the examples as packs of copies).
     */
    default INDArray score(INDArray x, UnaryOperator<INDArray> discriminator) {
        return discriminator.apply(x);
    }

    /** dL/dx for the dashboard's arrows when the variant replaces G's score loss; empty: the score loss's. */
    default Optional<INDArray> ownLossInputGradient(InferenceNetwork discriminator, INDArray fake) {
        return Optional.empty();
    }

    /** What the variant adds to the run's description ("" for nothing, else ", " and its settings). */
    default String describe() {
        return "";
    }

    /**
     * The variant's own networks that go into a checkpoint with their optimiser state, by file name (Q for InfoGAN's
     * head, E for the BiGAN's encoder); a checkpoint restores each into the network of the same name.
     */
    default Map<String, MultiLayerNetwork> checkpointNetworks() {
        return Map.of();
    }
}
