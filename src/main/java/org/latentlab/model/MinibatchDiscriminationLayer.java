package org.latentlab.model;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/**
 * Minibatch discrimination ({@link LayerSpec.MinibatchDiscrimination}; Salimans et al. 2016) as a DL4J layer, so a
 * network with it exports, checkpoints and runs in DL4J like any other: defined in SameDiff, which gives DL4J its
 * gradient. One parameter, T, [A, B·C] in 'c' order (row a holds the B kernels' C values for input feature a),
 * initialised from N(0, 0.05²) as in the paper's code. The lab's engine runs the same layer with its own passes;
 * this one is the export format and the test oracle.
 */
public class MinibatchDiscriminationLayer extends FlatSameDiffLayer {

    /** The parameter's key. */
    public static final String T = "T";
    private static final double INIT_STD = 0.05;

    private int kernels;
    private int dims;

    /** For DL4J's JSON configuration. */
    protected MinibatchDiscriminationLayer() {
    }

    public MinibatchDiscriminationLayer(String name, int kernels, int dims) {
        super(name);
        this.kernels = kernels;
        this.dims = dims;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable rows = input.mmul(params.get(T)).reshape(-1, kernels, dims); // [n, B, C]
        SDVariable distance = sd.math().abs(sd.expandDims(rows, 1).sub(sd.expandDims(rows, 0))).sum(3); // [n, n, B]
        SDVariable closeness = sd.math().exp(distance.neg()).sum(1); // [n, B]
        return sd.concat(1, input, closeness);
    }

    @Override
    protected String weightKey() {
        return T;
    }

    @Override
    protected long weightColumns() {
        return (long) kernels * dims;
    }

    @Override
    protected void initializeWeights(INDArray weights) {
        weights.assign(Nd4j.randn(weights.dataType(), weights.shape()).muli(INIT_STD));
    }

    /** The input's features followed by one closeness per kernel. */
    @Override
    protected long outputSize(long inputSize) {
        return inputSize + kernels;
    }

    public int getKernels() {
        return kernels;
    }

    public void setKernels(int kernels) {
        this.kernels = kernels;
    }

    public int getDims() {
        return dims;
    }

    public void setDims(int dims) {
        this.dims = dims;
    }
}
