package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.core.LabException;
import org.latentlab.core.Seeds;
import org.latentlab.engine.DenseChain;
import org.latentlab.engine.DensePlan;
import org.latentlab.engine.ExactCurvature;
import org.latentlab.engine.LossHead;
import org.latentlab.engine.SameDiffBackward;
import org.latentlab.train.Host;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.latentlab.train.ae.Reparameterisation;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

/**
 * The loss of an autoencoder made, as in the lab's trainer, of an encoder and a decoder network without output
 * layers, on a fixed batch, as a function of θ = [encoder parameters, decoder parameters]. The loss is computed here
 * as the {@code AutoencoderTrainer} computes it and its gradient fed back with {@code backpropGradient}, the
 * decoder's input gradient becoming the encoder's output gradient:
 * <ul>
 *   <li>plain: the mean over the batch of Σ (r − x)² (squared error) or of the Bernoulli cross-entropy of x
 *       given the decoder's logits;</li>
 *   <li>VAE: the negative ELBO with a fixed noise batch ε (so the loss is a function of θ): the encoder outputs
 *       [μ, log σ²], z = μ + σ ε ({@link Reparameterisation}), reconstruction term as the trainer's (for squared
 *       error the Gaussian ½ (r − x)² + ½ log 2π per value) plus β · KL.</li>
 * </ul>
 * Sparsity and contractive penalties and tied weights are not part of this loss.
 *
 * <p>Hessian-vector products: exact, from the engine (the composite network encoder∘decoder with a squared-error or
 * sigmoid cross-entropy head; for a VAE with the sampling block and its KL term between them), whenever every layer
 * has an R-operator (all the lab builds: dense, convolution, transposed convolution, batch normalisation, pooling,
 * upsampling, reshapes); θ leaves out batch normalisation's running statistics, which stay where they are.
 */
public final class AutoencoderObjective extends NetworkObjective {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final MultiLayerNetwork encoder;
    private final MultiLayerNetwork decoder;
    private final INDArray input;
    private final double[] target;
    private final Reconstruction reconstruction;
    private final boolean vae;
    private final double beta;
    private final double[] noise;
    private final int n;
    private final int dataDim;
    private final int codeDim;
    private final LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();

    private AutoencoderObjective(MultiLayerNetwork encoder, MultiLayerNetwork decoder, INDArray input,
                                 INDArray target, Reconstruction reconstruction, boolean vae, double beta,
                                 long noiseSeed) {
        super(List.of(encoder, decoder));
        requireDeterministic(encoder, decoder);
        SameDiffBackward.refuseLayerObjects(encoder, "the Hessian analysis takes this autoencoder's loss"
                + " gradient from DL4J's layer objects", "analyse a model without it");
        SameDiffBackward.refuseLayerObjects(decoder, "the Hessian analysis takes this autoencoder's loss"
                + " gradient from DL4J's layer objects", "analyse a model without it");
        this.encoder = encoder;
        this.decoder = decoder;
        this.input = doubles(input);
        this.target = Host.doubles(doubles(target));
        this.reconstruction = reconstruction;
        this.vae = vae;
        this.beta = beta;
        this.n = (int) input.size(0);
        this.dataDim = (int) (input.length() / n);
        if (target.length() != input.length()) {
            throw new IllegalArgumentException("input and target must have the same shape");
        }
        long out = flat(encoder.output(this.input, false)).columns();
        if (vae && out % 2 != 0) {
            throw new LabException("a VAE's encoder outputs [μ, log σ²] side by side, so its output size must be even,"
                    + " not " + out);
        }
        this.codeDim = (int) (vae ? out / 2 : out);
        if (vae) {
            Random rng = new Random(Seeds.mix(noiseSeed));
            noise = new double[n * codeDim];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = rng.nextGaussian();
            }
        } else {
            noise = null;
        }
    }

    /** A plain autoencoder's reconstruction loss of {@code target} from {@code input} (the same batch if clean). */
    public static AutoencoderObjective plain(MultiLayerNetwork encoder, MultiLayerNetwork decoder, INDArray input,
                                             INDArray target, Reconstruction reconstruction) {
        return new AutoencoderObjective(encoder, decoder, input, target, reconstruction, false, 0, 0);
    }

    /** A VAE's negative ELBO (with weight β on the KL term) on {@code input}, its noise drawn once from the random seed. */
    public static AutoencoderObjective vae(MultiLayerNetwork encoder, MultiLayerNetwork decoder, INDArray input,
                                           Reconstruction reconstruction, double beta, long noiseSeed) {
        return new AutoencoderObjective(encoder, decoder, input, input, reconstruction, true, beta, noiseSeed);
    }

    @Override
    public double loss(double[] theta) {
        load(theta);
        double[] e = Host.doubles(flat(planeActivations(encoder, input, encoder.getnLayers() - 1)
                .orElseGet(() -> encoder.output(input, true))));
        double[] code = vae ? Reparameterisation.sample(e, noise, n, codeDim) : e;
        double[] o = Host.doubles(flat(decoder.output(codeArray(code), true)));
        double loss = reconstruction(o, new double[o.length]);
        return vae ? loss + beta * Reparameterisation.kl(e, n, codeDim) : loss;
    }

    @Override
    protected java.util.Optional<ExactCurvature> compileCurvature() {
        LossHead head = reconstruction == Reconstruction.CROSS_ENTROPY ? LossHead.sigmoidCrossEntropy(1.0 / n)
                : LossHead.squaredError((vae ? 0.5 : 1.0) / n);
        INDArray y = Nd4j.create(target, new long[] {n, dataDim}, DataType.DOUBLE);
        if (vae) {
            return ExactCurvature.ofVariational(encoder, decoder, head, input, y,
                    Nd4j.create(noise, new long[] {n, codeDim}, DataType.DOUBLE), beta,
                    reconstruction == Reconstruction.CROSS_ENTROPY ? 0 : HALF_LOG_TWO_PI * dataDim, layout().runs());
        }
        java.util.Optional<DenseChain> dense = DenseChain.of(encoder).flatMap(e -> DenseChain.of(decoder).map(e::then));
        if (dense.isPresent()) {
            return java.util.Optional.of(new ExactCurvature(new DensePlan(dense.get(), n, DataType.DOUBLE), head,
                    input, y));
        }
        // convolutional layers and the rest: encoder then decoder as one chain over θ = [encoder, decoder]
        return ExactCurvature.ofChains(List.of(encoder, decoder), head, input, y, layout().runs());
    }

    @Override
    protected java.util.Optional<FixedInput> fixedInput() {
        return java.util.Optional.of(new FixedInput(encoder, input));
    }

    @Override
    public double[] gradient(double[] theta) {
        load(theta);
        encoder.setInput(input);
        List<INDArray> encActs = encoder.feedForward(true, false);
        INDArray encOut = encActs.get(encActs.size() - 1);
        double[] e = Host.doubles(encOut);
        double[] code = vae ? Reparameterisation.sample(e, noise, n, codeDim) : e;
        decoder.setInput(codeArray(code));
        List<INDArray> decActs = decoder.feedForward(true, false);
        INDArray out = decActs.get(decActs.size() - 1);
        double[] o = Host.doubles(out);
        double[] outGrad = new double[o.length];
        reconstruction(o, outGrad);
        Pair<Gradient, INDArray> decBack = decoder.backpropGradient(
                Nd4j.create(outGrad, out.shape(), DataType.DOUBLE), noWorkspaces);
        double[] decoderGradient = decBack.getFirst().gradient().dup().toDoubleVector();
        double[] codeGrad = Host.doubles(decBack.getSecond());
        double[] encGrad;
        if (vae) {
            encGrad = new double[n * 2 * codeDim];
            Reparameterisation.backward(e, noise, codeGrad, n, codeDim, beta, encGrad);
        } else {
            encGrad = codeGrad;
        }
        Gradient encGradient = encoder.backpropGradient(Nd4j.create(encGrad, encOut.shape(), DataType.DOUBLE),
                noWorkspaces).getFirst();
        return collect(1, encGradient.gradient(), Nd4j.createFromArray(decoderGradient));
    }

    private INDArray codeArray(double[] code) {
        return Nd4j.create(code, new long[] {n, codeDim}, DataType.DOUBLE);
    }

    /** The trainer's reconstruction term (mean over the batch) with its gradient, already divided by n. */
    private double reconstruction(double[] o, double[] grad) {
        double loss = 0;
        if (reconstruction == Reconstruction.CROSS_ENTROPY) {
            for (int i = 0; i < o.length; i++) {
                double l = o[i];
                loss += Math.max(l, 0) - l * target[i] + Math.log1p(Math.exp(-Math.abs(l)));
                double s = l >= 0 ? 1 / (1 + Math.exp(-l)) : Math.exp(l) / (1 + Math.exp(l));
                grad[i] = (s - target[i]) / n;
            }
            return loss / n;
        }
        double scale = vae ? 0.5 : 1.0;
        for (int i = 0; i < o.length; i++) {
            double d = o[i] - target[i];
            loss += scale * d * d;
            grad[i] = 2 * scale * d / n;
        }
        return vae ? loss / n + HALF_LOG_TWO_PI * dataDim : loss / n;
    }

    private static INDArray flat(INDArray a) {
        return a.rank() == 2 ? a : a.reshape(a.size(0), a.length() / a.size(0));
    }

    public int codeDim() {
        return codeDim;
    }

    @Override
    public String describe() {
        return (vae ? "VAE negative ELBO" : "autoencoder " + reconstruction.name().toLowerCase().replace('_', ' ')
                + " loss") + " (" + dimension() + " parameters) on " + n + " examples";
    }
}
