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
 */
public class VirtualBatchNormLayer extends SameDiffLayer {

    /** Parameter keys, in the flat vector's order. */
    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";
    public static final String MEAN = "mean";
    public static final String VARIANCE = "variance";
    /** ε, batch norm's (DL4J's default). */
    public static final double EPSILON = 1e-5;

    private long nIn;
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
        SDVariable d = input.sub(params.get(MEAN));
        SDVariable variance = params.get(VARIANCE).add(d.mul(d).div(r + 1)).mul(c);
        SDVariable normalised = d.mul(c).div(sd.math().sqrt(variance.add(epsilon)));
        return normalised.mul(params.get(GAMMA)).add(params.get(BETA));
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
        return InputType.feedForward(inputType.arrayElementsPerExample());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (nIn <= 0 || override) {
            nIn = inputType.arrayElementsPerExample();
        }
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
