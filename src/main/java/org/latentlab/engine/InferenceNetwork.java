package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A DL4J network run in inference mode on the engine: the output DL4J's {@code output(x, false)} gives (batch
 * normalisation with its running statistics, dropout passing its input through) and the gradient of a loss of that
 * output with respect to the input, with no parameter gradient. One {@link ChainPlan} compiled for inference per
 * batch size it meets, the few most recent kept (dense networks too: a chain runs leaky ReLU as DL4J does, with
 * its slope in double, so a double network's output is DL4J's to the last bits); all read the network's own flat parameter array, so parameters copied into the network
 * ({@code setParams}) are seen by the next pass without recompiling.
 *
 * <p>What the latent studio decodes and inverts with: a generator or decoder z → x. Arrays returned are live (the
 * next pass overwrites them). Not thread-safe: one owner thread, the same one that owns the network.
 */
public final class InferenceNetwork implements AutoCloseable {

    /** Plans kept at once: a slider's single code, a batch of codes, an inversion's targets. */
    private static final int PLANS_KEPT = 4;

    private final MultiLayerNetwork network;
    private final PlannedNetwork.Compiler compiler;
    private final long inputs;
    private final long outputs;
    private final Map<Integer, PlannedNetwork.BatchPlan> plans = new LinkedHashMap<>(8, 0.75f, true);
    /** The parameter array the plans read, and scratch for the gradients the passes may write. */
    private INDArray params;
    private INDArray scratch;
    private PlannedNetwork.BatchPlan current;

    private InferenceNetwork(MultiLayerNetwork network, long inputs, long outputs, PlannedNetwork.Compiler compiler) {
        this.network = network;
        this.inputs = inputs;
        this.outputs = outputs;
        this.compiler = compiler;
    }

    /**
     * The network on the engine when the engine runs all of its layers in inference mode (dense, convolution,
     * transposed convolution, batch normalisation, activation, pooling, upsampling, dropout, reshapes); empty
     * otherwise (use DL4J's {@code output}). Compiles nothing yet: plans are built on first use, on the caller's
     * thread then.
     */
    public static Optional<InferenceNetwork> of(MultiLayerNetwork network) {
        return Chain.forInference(network).map(chain -> new InferenceNetwork(network, chain.inputSize(),
                chain.outputSize(), (batch, p, g) -> new ChainPlan(chain, batch, p, g, true)));
    }

    /** The DL4J network whose parameters this one reads. */
    public MultiLayerNetwork network() {
        return network;
    }

    /** Values in one flat input example. */
    public long inputSize() {
        return inputs;
    }

    /** Values in one flat output example. */
    public long outputSize() {
        return outputs;
    }

    /**
     * The inference-mode output for a batch of inputs ([n, inputs], or any shape of n examples), flat
     * [n, outputs] in 'c' order: DL4J's {@code output(x, false)} row by row. Live: the next pass overwrites it.
     */
    public INDArray output(INDArray input) {
        long n = input.size(0);
        if (input.length() != n * inputs) {
            throw new IllegalArgumentException("the network takes examples of " + inputs + " values, not "
                    + input.length() / Math.max(1, n));
        }
        current = plan((int) n);
        return current.forward(input.rank() == 2 ? input : input.reshape(n, inputs));
    }

    /**
     * dL/d(input), flat [n, inputs], from dL/d(output) ([n, outputs], or any shape of the same values) at the
     * last {@link #output}. Live: the next pass overwrites it.
     */
    public INDArray inputGradient(INDArray outputGradient) {
        if (current == null) {
            throw new IllegalStateException("an input gradient needs an output computed first");
        }
        long n = outputGradient.size(0);
        return current.inputGradient(outputGradient.rank() == 2 ? outputGradient
                : outputGradient.reshape(n, outputGradient.length() / n));
    }

    private PlannedNetwork.BatchPlan plan(int batch) {
        if (network.params() != params) {
            // first use, or the network was given a new parameter array: compile against that one
            close();
            params = network.params();
            scratch = Nd4j.create(params.dataType(), 1, params.length());
        }
        PlannedNetwork.BatchPlan plan = plans.get(batch);
        if (plan == null) {
            if (plans.size() >= PLANS_KEPT) {
                Map.Entry<Integer, PlannedNetwork.BatchPlan> eldest = plans.entrySet().iterator().next();
                eldest.getValue().close();
                plans.remove(eldest.getKey());
            }
            plan = compiler.compile(batch, params, scratch);
            plans.put(batch, plan);
        }
        return plan;
    }

    /** Releases the compiled plans (the network itself stays usable; later calls compile again). */
    @Override
    public void close() {
        plans.values().forEach(PlannedNetwork.BatchPlan::close);
        plans.clear();
        current = null;
    }
}
