package org.latentlab.model;

import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Maxout units ({@link LayerSpec.Maxout}; Goodfellow et al. 2013) as a DL4J layer, defined in SameDiff, which gives
 * DL4J its gradient: z = x·W + b with W [nIn, units·pieces] and b [1, units·pieces], then the maximum over each
 * unit's pieces, columns j·pieces .. j·pieces + pieces − 1 of z. W is kept in 'f' order and ahead of b, DL4J's
 * layout of a dense layer's parameters, so the lab's engine reads this layer as a dense layer followed by a maximum
 * over groups; this one is the export format and the test oracle. Weights start as DL4J's Xavier initialisation of
 * the lab's dense layers (fan-in nIn, fan-out units·pieces), biases at 0.
 */
public class MaxoutLayer extends FlatSameDiffLayer {

    /** The parameters' keys, in the flat vector's order (a dense layer's). */
    public static final String W = "W";
    public static final String B = "b";

    private int units;
    private int pieces;

    /** For DL4J's JSON configuration. */
    protected MaxoutLayer() {
    }

    public MaxoutLayer(String name, int units, int pieces) {
        super(name);
        this.units = units;
        this.pieces = pieces;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable z = input.mmul(params.get(W)).add(params.get(B)); // [n, units·pieces]
        return z.reshape(-1, units, pieces).max(2);
    }

    @Override
    protected String weightKey() {
        return W;
    }

    @Override
    protected String biasKey() {
        return B;
    }

    @Override
    protected long weightColumns() {
        return (long) units * pieces;
    }

    @Override
    public char paramReshapeOrder(String param) {
        return W.equals(param) ? 'f' : 'c';
    }

    @Override
    protected void initializeWeights(INDArray weights) {
        initWeights((int) getNIn(), units * pieces, WeightInit.XAVIER, weights);
    }

    @Override
    protected long outputSize(long inputSize) {
        return units;
    }

    public int getUnits() {
        return units;
    }

    public void setUnits(int units) {
        this.units = units;
    }

    public int getPieces() {
        return pieces;
    }

    public void setPieces(int pieces) {
        this.pieces = pieces;
    }
}
