package org.latentlab.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * What the lab's SameDiff layers ({@link MaxoutLayer}, {@link MinibatchDiscriminationLayer}) share as DL4J layer
 * configurations: they take flat rows [n, nIn], with nIn set by DL4J from the input type and written to the model's
 * JSON as {@code nin}; their parameters are one weight matrix [nIn, columns] and, for some, a bias row [1, columns]
 * that starts at 0; their output size follows from the input's. A subclass gives its SameDiff graph
 * ({@code defineLayer}), its sizes and how its weights start.
 *
 * <p>DL4J 1.0.0-M2.1's backward pass through such a layer returns twice the gradient (to its input, its own
 * parameters and every layer below it), so the lab trains these layers on its engine, never through DL4J's layer
 * objects ({@code engine.SameDiffBackward} refuses that case).
 */
public abstract class FlatSameDiffLayer extends SameDiffLayer {

    private long nIn;

    /** For DL4J's JSON configuration. */
    protected FlatSameDiffLayer() {
    }

    protected FlatSameDiffLayer(String name) {
        this.layerName = name;
    }

    /** The weight matrix's key in the parameter table. */
    protected abstract String weightKey();

    /** The weight matrix's columns: it is [nIn, columns]. */
    protected abstract long weightColumns();

    /** The bias row's key (a row [1, weightColumns] after the weights, starting at 0), or null for none. */
    protected String biasKey() {
        return null;
    }

    /** Fills the weight matrix [nIn, weightColumns] at initialisation. */
    protected abstract void initializeWeights(INDArray weights);

    /** Features in one output row, given the features of one input row. */
    protected abstract long outputSize(long inputSize);

    @Override
    public final void defineParameters(SDLayerParams params) {
        params.addWeightParam(weightKey(), nIn, weightColumns());
        if (biasKey() != null) {
            params.addBiasParam(biasKey(), 1, weightColumns());
        }
    }

    @Override
    public final void initializeParameters(Map<String, INDArray> params) {
        initializeWeights(params.get(weightKey()));
        if (biasKey() != null) {
            params.get(biasKey()).assign(0);
        }
    }

    @Override
    public final InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(outputSize(inputType.arrayElementsPerExample()));
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
}
