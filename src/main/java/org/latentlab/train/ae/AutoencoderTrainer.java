package org.latentlab.train.ae;

import org.latentlab.core.Seeds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.engine.DenseViews;
import org.latentlab.engine.ExampleTable;
import org.latentlab.engine.InferenceOutput;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.train.StepArrays;
import org.latentlab.train.Host;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings.Corruption;
import org.latentlab.train.ae.AutoencoderSettings.Penalty;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Trains an autoencoder (plain, tied, sparse, denoising, contractive, convolutional, stacked) or a VAE: an encoder
 * and a decoder network (no output layers), trained on the lab's engine ({@link TrainingNetwork}); the losses are
 * computed here and their gradients fed back as output gradients, the decoder's input gradient becoming the
 * encoder's output gradient, to which the code penalty's gradient is added.
 *
 * <p>For a VAE the encoder outputs [μ, log σ²] (2k values) and the decoder takes z = μ + σ·ε, ε ~ N(0, I); the loss
 * is the negative ELBO −E[log p(x|z)] + β·KL(N(μ, σ²) ‖ N(0, I)), KL = ½ Σ (μ² + σ² − 1 − log σ²).
 *
 * <p>Stacked autoencoders may first be pretrained greedily ({@link GreedyPretraining}); the iterations it takes
 * count as the trainer's first iterations. Every random draw comes from a generator re-seeded from (seed,
 * iteration), so a run is reproducible. Not thread-safe: a {@code TrainingRun} owns it.
 *
 * <p>The training loop of the autoencoder family, its losses and penalties written out beside the paper's formulas;
 * what the two networks must be for the chosen kind and settings is checked first ({@link ModelRequirements}).
 */
public final class AutoencoderTrainer implements Trainer {

    /** Which kind of model the two networks make. */
    public enum Kind { AUTOENCODER, VAE }


    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork decoder;
    /** A finite training set as one native table, batches gathered from it; made on first use. */
    private Optional<ExampleTable> table;
    /** Inference-mode outputs for views and held-out measures, on the engine. */
    private final InferenceOutput encoderOutput;
    private final InferenceOutput decoderOutput;
    private final TrainingNetwork enc;
    private final TrainingNetwork dec;
    private final DataSource data;
    private final Kind kind;
    private final long seed;
    private final int dataDim;
    private final int codeDim;
    private final DataType dataType;
    private final TiedWeights tied;
    private final GreedyPretraining pretraining;
    private final Random rng = new Random();
    private final NativeMemory memory = new NativeMemory();
    private AutoencoderSettings settings;
    private final ReconstructionLoss reconstructionLoss;
    /** The arrays each step refills (batch, code, gradients), so that a step allocates no native memory. */
    private final StepArrays step;
    /** dL/d(decoder output), kept between steps. */
    private INDArray outGrad;

    private long iteration;
    private long encoderUpdates;
    private long decoderUpdates;
    private boolean diagnostics;
    private boolean faulted;
    private Map<String, Double> lastLosses = new LinkedHashMap<>();
    private double lastGradNorm = Double.NaN;

    /**
     * One batch's loss, split into its parts, and the flat gradients left in the networks' gradient views (live:
     * the next pass overwrites them).
     */
    public record StepResult(Map<String, Double> losses, INDArray encoderGradient, INDArray decoderGradient) {
        public double total() {
            return losses.get("total");
        }
    }

    public AutoencoderTrainer(MultiLayerNetwork encoder, MultiLayerNetwork decoder, DataSource data,
                              AutoencoderSettings settings, Kind kind, long seed) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.encoderOutput = new InferenceOutput(encoder);
        this.decoderOutput = new InferenceOutput(decoder);
        this.data = data;
        this.settings = settings;
        this.kind = kind;
        this.seed = seed;
        this.dataDim = data.dimension();
        this.dataType = encoder.params().dataType();
        this.codeDim = ModelRequirements.codeDim(encoder, decoder, data, settings, kind, dataType);
        this.tied = settings.tiedWeights() ? new TiedWeights(encoder, decoder) : null;
        if (tied != null) {
            tied.copyToDecoder();
        }
        this.step = new StepArrays(dataType);
        this.reconstructionLoss = new ReconstructionLoss(settings.reconstruction(), kind == Kind.VAE);
        this.pretraining = settings.pretraining() == AutoencoderSettings.Pretraining.NONE ? null
                : new GreedyPretraining(this, settings, seed);
        this.enc = TrainingNetwork.of(encoder);
        this.dec = TrainingNetwork.of(decoder);
    }

    @Override
    public void iterate() {
        reseed(iteration);
        if (pretraining != null && pretraining.active(iteration)) {
            lastLosses = pretraining.step(iteration);
            lastGradNorm = Double.NaN;
        } else {
            int n = settings.batchSize();
            INDArray clean = sample(n);
            INDArray input = corrupted(clean);
            StepResult r = gradients(input, clean);
            if (diagnostics) {
                double sq = r.encoderGradient().norm2Number().doubleValue();
                double sd = r.decoderGradient().norm2Number().doubleValue();
                lastGradNorm = Math.sqrt(sq * sq + sd * sd);
            }
            apply(r);
            lastLosses = r.losses();
        }
        iteration++;
        memory.afterIteration();
    }

    /**
     * The loss of one batch ({@code input} is what the encoder sees, {@code target} what the decoder should
     * reproduce) with its gradients in both networks' gradient views; nothing applied.
     */
    public StepResult gradients(INDArray input, INDArray target) {
        int n = (int) input.rows();
        INDArray encOut = enc.forward(input);
        long encWidth = encOut.columns();
        // a VAE's sampling and the code penalties are computed on the host; a plain code stays in ND4J
        boolean codeNoise = settings.codeNoise() > 0;
        boolean onHost = kind == Kind.VAE || settings.penalty() != Penalty.NONE || codeNoise;
        double[] e = onHost ? Host.doubles(encOut) : null;
        double[] code = e;
        double[] noise = null;
        if (codeNoise) {
            noise = new double[n * codeDim];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rng.nextGaussian();
            }
            code = CodeNoise.noisy(e, noise, settings.codeNoise());
        } else if (kind == Kind.VAE) {
            noise = new double[n * codeDim];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rng.nextGaussian();
            }
            code = Reparameterisation.sample(e, noise, n, codeDim);
        }
        INDArray out = dec.forward(onHost ? step.filled("code", n, codeDim, code) : encOut);
        if (outGrad == null || !outGrad.equalShapes(out) || outGrad.dataType() != out.dataType()) {
            outGrad = out.ulike();
        }
        double recon = reconstructionLoss.valueAndGradient(out, target.castTo(dataType), outGrad);
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("reconstruction", recon);
        INDArray codeGradient = dec.backward(outGrad);
        double total = recon;
        double[] contractiveWeightGrad = null;
        if (!onHost) {
            enc.backward(codeGradient);
        } else if (codeNoise) {
            double[] encGrad = Host.doubles(codeGradient);
            CodeNoise.backward(e, noise, settings.codeNoise(), encGrad);
            enc.backward(step.filled("encoder output gradient", n, encWidth, encGrad));
        } else if (kind == Kind.VAE) {
            double[] encGrad = new double[n * 2 * codeDim];
            double kl = Reparameterisation.backward(e, noise, Host.doubles(codeGradient), n, codeDim,
                    settings.beta(), encGrad);
            losses.put("KL", kl);
            total += settings.beta() * kl;
            enc.backward(step.filled("encoder output gradient", n, encWidth, encGrad));
        } else {
            double[] encGrad = Host.doubles(codeGradient);
            double[] w = settings.penalty() == Penalty.CONTRACTIVE
                    ? Host.doubles(encoder.getParam("0_W")) : null;
            CodePenalty penalty = CodePenalty.of(settings, code, n, codeDim, encGrad, w, dataDim);
            double p = penalty.value();
            contractiveWeightGrad = penalty.weightGradient();
            losses.put(settings.penaltyName(), p);
            total += p;
            enc.backward(step.filled("encoder output gradient", n, encWidth, encGrad));
        }
        INDArray encGradient = enc.gradient();
        INDArray decGradient = dec.gradient();
        if (contractiveWeightGrad != null) {
            INDArray gw = DenseViews.weights(encoder, encGradient, 0);
            gw.addi(Nd4j.create(contractiveWeightGrad, gw.shape(), dataType));
        }
        if (tied != null) {
            tied.foldGradients(encGradient, decGradient);
        }
        losses.put("total", total);
        requireFinite(losses);
        return new StepResult(losses, encGradient, decGradient);
    }

    private void apply(StepResult r) {
        enc.update((int) encoderUpdates);
        dec.update((int) decoderUpdates);
        encoderUpdates++;
        decoderUpdates++;
        if (tied != null) {
            tied.copyToDecoder();
        }
    }

    /** The input the encoder sees: the clean batch, masked or with Gaussian noise for a denoising autoencoder. */
    public INDArray corrupt(INDArray clean) {
        INDArray c = corrupted(clean);
        return c == clean ? clean : c.dup();
    }

    /** {@link #corrupt} into a step array (overwritten by the next step): the training path's. */
    private INDArray corrupted(INDArray clean) {
        Corruption c = settings.corruption();
        double level = settings.corruptionLevel();
        if (c == Corruption.NONE || level == 0) {
            return clean;
        }
        double[] x = Host.doubles(clean);
        for (int i = 0; i < x.length; i++) {
            if (c == Corruption.MASKING) {
                if (rng.nextDouble() < level) {
                    x[i] = 0;
                }
            } else {
                x[i] += level * rng.nextGaussian();
            }
        }
        return step.filled("corrupted", clean.rows(), clean.columns(), x);
    }

    /** The encoder's code for each example: the code layer's activations, or μ for a VAE. Inference mode. */
    public INDArray encode(INDArray x) {
        INDArray e = encoderOutput.of(x);
        return kind == Kind.VAE ? e.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, codeDim)).dup() : e;
    }

    /** The encoder's raw outputs (n × code, or n × 2·code = [μ, log σ²] for a VAE), inference mode. */
    public double[] encoderOutput(INDArray x) {
        return Host.doubles(encoderOutput.of(x));
    }

    /** The decoder's output for codes, as data values (σ applied for a Bernoulli decoder). Inference mode. */
    public INDArray decode(INDArray z) {
        INDArray o = decoderOutput.of(z);
        return settings.reconstruction() == Reconstruction.CROSS_ENTROPY
                ? org.nd4j.linalg.ops.transforms.Transforms.sigmoid(o, false) : o;
    }

    /** Reconstructions of x through the code (μ for a VAE), in inference mode. */
    public INDArray reconstruct(INDArray x) {
        return decode(encode(x));
    }

    /**
     * The loss parts on a batch in inference mode with a fixed seed, without changing anything (held-out
     * evaluation): the input corrupted as in training when {@code corrupted}.
     */
    public Map<String, Double> evaluate(INDArray clean, boolean corrupted, long evalSeed) {
        // every iteration re-seeds the generator first, so drawing from it here changes no later update
        rng.setSeed(evalSeed);
        INDArray input = corrupted ? corrupt(clean) : clean;
        return lossOnly(input, clean);
    }

    /**
     * Each example's loss in inference mode, without changing anything: the reconstruction term the model trains
     * with (cross-entropy or squared error, summed over the values), plus for a VAE the KL term with β = 1, so a
     * VAE's is its negative ELBO with one draw of z per example, the noise drawn from {@code evalSeed}. The terms
     * whose batch mean {@link #evaluate} reports (uncorrupted).
     */
    public double[] lossPerExample(INDArray clean, long evalSeed) {
        rng.setSeed(evalSeed);
        int n = (int) clean.rows();
        double[] e = Host.doubles(encoderOutput.of(clean));
        double[] code = e;
        double[] kl = new double[n];
        if (kind == Kind.VAE) {
            double[] noise = new double[n * codeDim];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rng.nextGaussian();
            }
            code = Reparameterisation.sample(e, noise, n, codeDim);
            for (int i = 0; i < n; i++) {
                kl[i] = Reparameterisation.kl(java.util.Arrays.copyOfRange(e, i * 2 * codeDim, (i + 1) * 2 * codeDim),
                        1, codeDim);
            }
        }
        INDArray o = decoderOutput.of(Nd4j.create(code, new long[] {n, codeDim}, dataType));
        double[] loss = reconstructionLoss.perRow(o, clean.castTo(dataType));
        for (int i = 0; i < n; i++) {
            loss[i] += kl[i];
        }
        return loss;
    }

    private Map<String, Double> lossOnly(INDArray input, INDArray target) {
        int n = (int) input.rows();
        double[] e = Host.doubles(encoderOutput.of(input));
        double[] code = e;
        Map<String, Double> losses = new LinkedHashMap<>();
        double kl = 0;
        if (kind == Kind.VAE) {
            double[] noise = new double[n * codeDim];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rng.nextGaussian();
            }
            code = Reparameterisation.sample(e, noise, n, codeDim);
            kl = Reparameterisation.kl(e, n, codeDim);
        }
        INDArray o = decoderOutput.of(Nd4j.create(code, new long[] {n, codeDim}, dataType));
        double recon = reconstructionLoss.valueAndGradient(o, target.castTo(dataType),
                Nd4j.createUninitialized(dataType, o.shape()));
        losses.put("reconstruction", recon);
        if (kind == Kind.VAE) {
            losses.put("KL", kl);
            losses.put("negative ELBO", recon + kl);
        }
        return losses;
    }

    INDArray sample(int n) {
        if (table == null) {
            table = data instanceof ExampleSet set ? ExampleTable.of(set, dataType) : Optional.empty();
        }
        if (table.isPresent()) {
            return table.get().sample(n, rng);
        }
        float[] values = new float[n * dataDim];
        data.sample(n, rng, values);
        return step.filled("batch", n, dataDim, values);
    }

    Random random() {
        return rng;
    }

    private void reseed(long counter) {
        long s = Seeds.seed(seed, counter);
        rng.setSeed(s);
        Nd4j.getRandom().setSeed(s ^ 0x94D049BB133111EBL);
    }


    private void requireFinite(Map<String, Double> losses) {
        for (Map.Entry<String, Double> e : losses.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new NonFiniteLossException(e.getKey() + " loss", e.getValue(), iteration);
            }
        }
    }


    static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void setDiagnostics(boolean on) {
        diagnostics = on;
    }

    @Override
    public void markFaulted() {
        faulted = true;
    }

    @Override
    public boolean isFaulted() {
        return faulted;
    }

    @Override
    public String describeSettings() {
        return (kind == Kind.VAE ? "VAE, beta " + settings.beta() + ", " : "") + settings.describe();
    }

    public AutoencoderSettings settings() {
        return settings;
    }

    /** New learning rate or β, taking effect at the next iteration (Adam's moments kept). */
    public void updateSettings(AutoencoderSettings next) {
        if (next.tiedWeights() != settings.tiedWeights() || next.pretraining() != settings.pretraining()
                || next.penalty() != settings.penalty() || next.reconstruction() != settings.reconstruction()
                || (next.codeNoise() > 0) != (settings.codeNoise() > 0)) {
            throw new IllegalArgumentException("only the learning rate, beta, penalty weight, corruption level and"
                    + " code noise level"
                    + " can change during a run");
        }
        if (next.optimizer().learningRate() != settings.optimizer().learningRate()) {
            encoder.setLearningRate(next.optimizer().learningRate());
            decoder.setLearningRate(next.optimizer().learningRate());
        }
        settings = next;
    }

    /** The losses of the last batch, by part ("reconstruction", "sparsity KL", "KL", "total"...). */
    public Map<String, Double> lastLosses() {
        return lastLosses;
    }

    public double lastGradNorm() {
        return lastGradNorm;
    }

    /** "pretraining layer 2/4" while the greedy phase runs, else "fine-tuning" or "training". */
    public String phase() {
        if (pretraining == null) {
            return "training";
        }
        return pretraining.active(iteration) ? pretraining.describe(iteration) : "fine-tuning end to end";
    }

    public MultiLayerNetwork encoder() {
        return encoder;
    }

    public MultiLayerNetwork decoder() {
        return decoder;
    }

    public DataSource data() {
        return data;
    }

    public Kind kind() {
        return kind;
    }

    public int codeDim() {
        return codeDim;
    }

    public int dataDim() {
        return dataDim;
    }

    public DataType dataType() {
        return dataType;
    }

    /** True while greedy layer-wise pretraining runs (its shallow models are not part of a checkpoint). */
    public boolean isPretraining() {
        return pretraining != null && pretraining.active(iteration);
    }

    /** Updates applied to each network so far (Adam's step counter; kept in checkpoints). */
    public long[] updateCounts() {
        return new long[] {encoderUpdates, decoderUpdates};
    }

    /** Restores the iteration and update counters of a checkpoint. */
    public void restoreCounters(long iteration, long encoderUpdates, long decoderUpdates) {
        this.iteration = iteration;
        this.encoderUpdates = encoderUpdates;
        this.decoderUpdates = decoderUpdates;
    }
}
