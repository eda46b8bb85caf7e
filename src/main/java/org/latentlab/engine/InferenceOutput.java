package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's inference-mode output (DL4J's {@code output(x, false)}, flat [n, outputs]) as the trainers' views and
 * held-out measures ask for it: on the engine's inference plans ({@link InferenceNetwork}) when the engine runs the
 * network, else on DL4J's layer objects. Each call returns a fresh array. Not thread-safe: the network's owner
 * thread calls it.
 */
public final class InferenceOutput {

    private final MultiLayerNetwork network;
    private InferenceNetwork engine;
    private boolean compiled;

    public InferenceOutput(MultiLayerNetwork network) {
        this.network = network;
    }

    /** The engine's inference plans for the network, compiled on first use; empty when the engine does not run it. */
    public java.util.Optional<InferenceNetwork> engine() {
        if (!compiled) {
            engine = InferenceNetwork.of(network).orElse(null);
            compiled = true;
        }
        return java.util.Optional.ofNullable(engine);
    }

    /** The output for a batch of n examples ([n, inputs] or any shape of n examples), flat [n, outputs]. */
    public INDArray of(INDArray input) {
        if (engine().isPresent()) {
            return engine.output(input).dup();
        }
        INDArray out = network.output(input, false);
        return out.rank() == 2 ? out : out.reshape(out.size(0), out.length() / out.size(0));
    }
}
