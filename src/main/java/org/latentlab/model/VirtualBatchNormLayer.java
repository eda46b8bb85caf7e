package org.latentlab.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.Map;

/**
 * Virtual batch normalisation ({@link LayerSpec.VirtualBatchNorm}; Salimans et al. 2016, "Improved techniques for
 * training GANs", section 3.4) as a DL4J layer, so a generator with it exports, checkpoints and runs in DL4J like
 * any other. Four vectors of one value per unit, in this order in the flat parameter vector: γ and β (learned), and
 * the reference batch's mean μ_r and biased variance σ_r² at this layer (kept, not learned: their optimiser is a
 * no-op, as for batch norm's running statistics; the GAN trainer writes them after each generator update).
 *
 * <p>DL4J's layer computes what the lab calls inference mode, in both of DL4J's modes: each example x alone with the
 * stored statistics, the reference batch of R examples and x together. With d = x − μ_r and c = R / (R + 1), that
 * set's mean is μ_r + d / (R + 1) and its variance c (σ_r² + d² / (R + 1)), so
 * y = γ · c d / √(c (σ_r² + d² / (R + 1)) + ε) + β. This is the paper's μ = (R μ_r + x) / (R + 1),
 * ν = (R ν_r + x²) / (R + 1), σ² = ν − μ² rearranged: keeping σ_r² instead of the mean of squares ν_r avoids the
 * cancellation in ν − μ² (in float, with large activations, it can go negative) and the variance is never below
 * c σ_r². The lab's engine runs the same layer in training mode with gradients through the reference rows; this one
 * is the export format and the test oracle of the inference formula.
 *
 * <p>After a convolution the input is an image [n, C, H, W] in DL4J's NCHW layout and the statistics are per
 * channel, over examples and positions (as batch normalisation's): the parameters are then four vectors of one
 * value per channel, and the example's own contribution is its mean and variance over its positions, weighing
 * 1/(R + 1) as one example of the R + 1 (the paper's reference code's combination for images).
 */
public class VirtualBatchNormLayer extends SameDiffLayer {

    /** Parameter keys, in the flat vector's order. */
    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";
    public static final String MEAN = "mean";
    public static final String VARIANCE = "variance";
    /** ε, batch norm's (DL4J's default). */
    public static final double EPSILON = 1e-5;

    /** Units, or channels for an image input. */
    private long nIn;
    private boolean convolutional;
    private int referenceBatch;
    private double epsilon = EPSILON;

    /** For DL4J's JSON configuration. */
    protected VirtualBatchNormLayer() {
    }

    public VirtualBatchNormLayer(String name, int referenceBatch) {
        this.layerName = name;
        this.referenceBatch = referenceBatch;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        double r = referenceBatch;
        double c = r / (r + 1);
        if (convolutional) {
            return defineForImages(sd, input, params, r, c);
        }
        SDVariable d = input.sub(params.get(MEAN));
        SDVariable variance = params.get(VARIANCE).add(d.mul(d).div(r + 1)).mul(c);
        SDVariable normalised = d.mul(c).div(sd.math().sqrt(variance.add(epsilon)));
        return normalised.mul(params.get(GAMMA)).add(params.get(BETA));
    }

    /**
     * [n, C, H, W], per channel: with d = x − μ_r, the example's own e = mean of d over its positions and w its
     * variance there, μ_i − μ_r = e / (R + 1), σ_i² = c (σ_r² + e² / (R + 1)) + w / (R + 1),
     * y = γ (d − e / (R + 1)) / √(σ_i² + ε) + β.
     */
    private SDVariable defineForImages(SameDiff sd, SDVariable input, Map<String, SDVariable> params, double r,
                                       double c) {
        SDVariable d = input.sub(params.get(MEAN).reshape(1, nIn, 1, 1));
        SDVariable own = d.mean(true, 2, 3);
        SDVariable within = d.sub(own);
        SDVariable w = within.mul(within).mean(true, 2, 3);
        SDVariable variance = params.get(VARIANCE).reshape(1, nIn, 1, 1).add(own.mul(own).div(r + 1)).mul(c)
                .add(w.div(r + 1));
        SDVariable normalised = d.sub(own.div(r + 1)).div(sd.math().sqrt(variance.add(epsilon)));
        return normalised.mul(params.get(GAMMA).reshape(1, nIn, 1, 1)).add(params.get(BETA).reshape(1, nIn, 1, 1));
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(GAMMA, 1, nIn);
        params.addBiasParam(BETA, 1, nIn);
        params.addBiasParam(MEAN, 1, nIn);
        params.addBiasParam(VARIANCE, 1, nIn);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAMMA).assign(1);
        params.get(BETA).assign(0);
        params.get(MEAN).assign(0);
        params.get(VARIANCE).assign(1);
    }

    /** The reference statistics are kept, not learned: a no-op optimiser, as for batch norm's running statistics. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        if (MEAN.equals(paramName) || VARIANCE.equals(paramName)) {
            return new NoOp();
        }
        return super.getUpdaterByParam(paramName);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType.getType() == InputType.Type.CNN ? inputType
                : InputType.feedForward(inputType.arrayElementsPerExample());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            convolutional = inputType.getType() == InputType.Type.CNN;
            nIn = convolutional ? ((InputType.InputTypeConvolutional) inputType).getChannels()
                    : inputType.arrayElementsPerExample();
        }
    }

    /** Whether the input is an image [n, C, H, W] (statistics per channel) rather than a vector. */
    public boolean isConvolutional() {
        return convolutional;
    }

    public void setConvolutional(boolean convolutional) {
        this.convolutional = convolutional;
    }

    public long getNIn() {
        return nIn;
    }

    public void setNIn(long nIn) {
        this.nIn = nIn;
    }

    public int getReferenceBatch() {
        return referenceBatch;
    }

    public void setReferenceBatch(int referenceBatch) {
        this.referenceBatch = referenceBatch;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }
}
