package org.latentlab.train.ae;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;
import org.latentlab.model.OptimizerSpec;

import java.util.Locale;

/**
 * How an autoencoder or a VAE is trained. Losses are per example (summed over the values of an example, averaged
 * over the batch), so a Bernoulli reconstruction reads in nats per example as an ELBO does.
 *
 * @param reconstruction  {@code mse}: Σ (x − r)²; {@code cross-entropy}: Bernoulli −Σ [x log r + (1−x) log(1−r)]
 *                        with r = σ(decoder output) (the decoder's last layer then has no activation)
 * @param tiedWeights     decoder weights are the transposes of the encoder's (dense, mirrored networks only)
 * @param penalty         the regulariser on the code c: sparse-kl β·Σⱼ KL(ρ‖ρ̂ⱼ), sparse-l1 λ·Σⱼ|cⱼ|, contractive
 *                        λ·‖∂c/∂x‖²_F (one sigmoid dense encoder layer), or none
 * @param penaltyWeight   β or λ
 * @param sparsityTarget  ρ, the target mean activation of each code unit (sparse-kl)
 * @param corruption      denoising: masking (each input set to 0 with probability ν) or gaussian (x + N(0, ν²))
 * @param corruptionLevel ν
 * @param pretraining     greedy layer-wise pretraining of a deep dense autoencoder: none, autoencoder (one shallow
 *                        AE per layer), or rbm (a DBN of RBMs trained by CD-1, unrolled)
 * @param pretrainIterations iterations per layer of the pretraining (before fine-tuning end to end)
 * @param beta            the VAE's weight on KL(q(z|x) ‖ N(0, I)); 1 is the ELBO
 * @param codeNoise       the standard deviation s of Gaussian noise added to the logistic code's input while
 *                        training: the decoder sees σ(a + s·ε), ε ~ N(0, 1), where a is the code layer's
 *                        pre-activation, so only codes far from 0.5 survive the noise and the code becomes binary
 *                        (Salakhutdinov and Hinton 2009, "Semantic hashing"); 0, the default, adds none. Needs an
 *                        autoencoder whose encoder ends in a sigmoid, and no code penalty
 */
public record AutoencoderSettings(Reconstruction reconstruction, OptimizerSpec optimizer, int batchSize,
                                  boolean tiedWeights, Penalty penalty, double penaltyWeight, double sparsityTarget,
                                  Corruption corruption, double corruptionLevel, Pretraining pretraining,
                                  int pretrainIterations, double beta, double codeNoise) {

    /** The reconstruction term. */
    public enum Reconstruction {
        MSE, CROSS_ENTROPY;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Reconstruction parse(String s) {
            return EnumIds.parse(values(), Reconstruction::id, s, "reconstruction");
        }
    }

    /** The regulariser on the code. */
    public enum Penalty {
        NONE, SPARSE_KL, SPARSE_L1, CONTRACTIVE;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Penalty parse(String s) {
            return EnumIds.parse(values(), Penalty::id, s, "penalty");
        }
    }

    /** The corruption of a denoising autoencoder's input. */
    public enum Corruption {
        NONE, MASKING, GAUSSIAN;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Corruption parse(String s) {
            return EnumIds.parse(values(), Corruption::id, s, "corruption");
        }
    }

    /** Greedy layer-wise pretraining of a stacked autoencoder. */
    public enum Pretraining {
        NONE, AUTOENCODER, RBM;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Pretraining parse(String s) {
            return EnumIds.parse(values(), Pretraining::id, s, "pretraining");
        }
    }

    public AutoencoderSettings {
        reconstruction = reconstruction == null ? Reconstruction.MSE : reconstruction;
        penalty = penalty == null ? Penalty.NONE : penalty;
        corruption = corruption == null ? Corruption.NONE : corruption;
        pretraining = pretraining == null ? Pretraining.NONE : pretraining;
        if (optimizer == null) {
            throw new IllegalArgumentException("training.optimizer is missing (e.g. {\"type\": \"adam\","
                    + " \"learningRate\": 0.001})");
        }
        if (batchSize < 1 || batchSize > 65536) {
            throw new IllegalArgumentException("training.batchSize must be 1..65536, not " + batchSize);
        }
        if (!(penaltyWeight >= 0) || penaltyWeight > 1e6) {
            throw new IllegalArgumentException("training.penaltyWeight must be in [0, 1e6], not " + penaltyWeight);
        }
        if (penalty == Penalty.SPARSE_KL && !(sparsityTarget > 0 && sparsityTarget < 1)) {
            throw new IllegalArgumentException("training.sparsityTarget (rho) must be in (0, 1) for sparse-kl, not "
                    + sparsityTarget);
        }
        if (corruption == Corruption.MASKING && !(corruptionLevel >= 0 && corruptionLevel < 1)) {
            throw new IllegalArgumentException("training.corruptionLevel is the masked fraction: it must be in"
                    + " [0, 1), not " + corruptionLevel);
        }
        if (corruption == Corruption.GAUSSIAN && !(corruptionLevel >= 0 && corruptionLevel <= 10)) {
            throw new IllegalArgumentException("training.corruptionLevel is the noise's standard deviation: it must"
                    + " be in [0, 10], not " + corruptionLevel);
        }
        if (pretrainIterations < 0 || (pretraining != Pretraining.NONE && pretrainIterations < 1)) {
            throw new IllegalArgumentException("training.pretrainIterations must be >= 1 when pretraining is "
                    + pretraining.id() + ", not " + pretrainIterations);
        }
        beta = beta == 0 ? 1 : beta;
        if (!(beta > 0) || beta > 1000) {
            throw new IllegalArgumentException("training.beta must be in (0, 1000], not " + beta);
        }
        if (!(codeNoise >= 0) || codeNoise > 100) {
            throw new IllegalArgumentException("training.codeNoise is the standard deviation of the noise on the"
                    + " code's input: it must be in [0, 100], not " + codeNoise);
        }
        if (codeNoise > 0 && penalty != Penalty.NONE) {
            throw new IllegalArgumentException("training.codeNoise makes the code binary by itself: set penalty to"
                    + " none, or codeNoise to 0");
        }
    }

    /** Plain settings: the given reconstruction, Adam, no penalty, no corruption, no pretraining. */
    public static AutoencoderSettings plain(Reconstruction reconstruction, double learningRate, int batchSize) {
        return new AutoencoderSettings(reconstruction, OptimizerSpec.adam(learningRate, 0.9), batchSize, false,
                Penalty.NONE, 0, 0, Corruption.NONE, 0, Pretraining.NONE, 0, 1, 0);
    }

    public AutoencoderSettings withPenalty(Penalty p, double weight, double rho) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tiedWeights, p, weight, rho, corruption,
                corruptionLevel, pretraining, pretrainIterations, beta, codeNoise);
    }

    public AutoencoderSettings withCorruption(Corruption c, double level) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tiedWeights, penalty, penaltyWeight,
                sparsityTarget, c, level, pretraining, pretrainIterations, beta, codeNoise);
    }

    public AutoencoderSettings withTiedWeights(boolean tied) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tied, penalty, penaltyWeight,
                sparsityTarget, corruption, corruptionLevel, pretraining, pretrainIterations, beta, codeNoise);
    }

    public AutoencoderSettings withPretraining(Pretraining p, int iterationsPerLayer) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tiedWeights, penalty, penaltyWeight,
                sparsityTarget, corruption, corruptionLevel, p, iterationsPerLayer, beta, codeNoise);
    }

    /** Gaussian noise of standard deviation {@code s} on the code's input while training (0: none). */
    public AutoencoderSettings withCodeNoise(double s) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tiedWeights, penalty, penaltyWeight,
                sparsityTarget, corruption, corruptionLevel, pretraining, pretrainIterations, beta, s);
    }

    public AutoencoderSettings withBeta(double b) {
        return new AutoencoderSettings(reconstruction, optimizer, batchSize, tiedWeights, penalty, penaltyWeight,
                sparsityTarget, corruption, corruptionLevel, pretraining, pretrainIterations, b, codeNoise);
    }

    public AutoencoderSettings withLearningRate(double lr) {
        return new AutoencoderSettings(reconstruction, optimizer.withLearningRate(lr), batchSize, tiedWeights,
                penalty, penaltyWeight, sparsityTarget, corruption, corruptionLevel, pretraining, pretrainIterations,
                beta, codeNoise);
    }

    /** The penalty's name as a loss part ("sparsity", "contraction"...), or null when there is none. */
    public String penaltyName() {
        switch (penalty) {
            case SPARSE_KL:
                return "sparsity KL";
            case SPARSE_L1:
                return "sparsity L1";
            case CONTRACTIVE:
                return "contraction";
            default:
                return null;
        }
    }

    /** "cross-entropy, sparse-kl rho=0.05 beta=3, masking 0.3, lr 0.001". */
    public String describe() {
        StringBuilder b = new StringBuilder(reconstruction.id());
        if (tiedWeights) {
            b.append(", tied");
        }
        if (penalty == Penalty.SPARSE_KL) {
            b.append(", sparse-kl rho=").append(sparsityTarget).append(" beta=").append(penaltyWeight);
        } else if (penalty != Penalty.NONE) {
            b.append(", ").append(penalty.id()).append(" lambda=").append(penaltyWeight);
        }
        if (corruption != Corruption.NONE) {
            b.append(", ").append(corruption.id()).append(' ').append(corruptionLevel);
        }
        if (codeNoise > 0) {
            b.append(", code noise ").append(codeNoise);
        }
        if (pretraining != Pretraining.NONE) {
            b.append(", ").append(pretraining.id()).append(" pretraining ").append(pretrainIterations).append("/layer");
        }
        return b.append(", lr ").append(optimizer.learningRate()).toString();
    }
}
