package org.latentlab.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
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
public class MaxoutLayer extends SameDiffLayer {

    /** The parameters' keys, in the flat vector's order (a dense layer's). */
    public static final String W = "W";
    public static final String B = "b";

    private long nIn;
    private int units;
    private int pieces;

    /** For DL4J's JSON configuration. */
    protected MaxoutLayer() {
    }

    public MaxoutLayer(String name, int units, int pieces) {
        this.layerName = name;
        this.units = units;
        this.pieces = pieces;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable z = input.mmul(params.get(W)).add(params.get(B)); // [n, units·pieces]
        return z.reshape(-1, units, pieces).max(2);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.addWeightParam(W, nIn, (long) units * pieces);
        params.addBiasParam(B, 1, (long) units * pieces);
    }

    @Override
    public char paramReshapeOrder(String param) {
        return W.equals(param) ? 'f' : 'c';
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        initWeights((int) nIn, units * pieces, WeightInit.XAVIER, params.get(W));
        params.get(B).assign(0);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(units);
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
