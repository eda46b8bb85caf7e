package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network as the trainers drive it: a training-mode forward pass, a backward pass to the parameters and to the
 * input, and one optimiser step. Its parameters, gradient and optimiser state are those of a DL4J
 * {@link MultiLayerNetwork} (the same arrays, in DL4J's flat layout), so that network's inference, checkpoints and
 * exports always see the current θ.
 *
 * <p>{@link #of} compiles the network onto the engine ({@link PlannedNetwork}: a {@link DensePlan} for dense layers
 * alone, a {@link ChainPlan} for chains with convolutions, batch normalisation, pooling, dropout and the like) when
 * the engine has all of its layers, and otherwise (a layer kind the lab does not build) drives DL4J's layer objects
 * ({@link LayerObjectNetwork}); the trainers do not tell the two apart.
 * Arrays returned are live: the next pass overwrites them. Not thread-safe: one owner thread.
 */
public interface TrainingNetwork extends AutoCloseable {

    /**
     * The network on the engine when the engine runs all of its layers, else on DL4J's layer objects.
     *
     * @throws org.latentlab.core.LabException when it would run on DL4J's layer objects and has a SameDiff layer,
     *                                         whose gradients DL4J gets wrong ({@link SameDiffBackward})
     */
    static TrainingNetwork of(MultiLayerNetwork network) {
        return of(network, "the network of layers " + java.util.stream.IntStream.range(0, network.getnLayers())
                .mapToObj(i -> java.util.Objects.requireNonNullElse(network.getLayerWiseConfigurations().getConf(i)
                        .getLayer().getLayerName(), "layer" + i))
                .collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * {@link #of(MultiLayerNetwork)}, naming the network for a person ("G", "D") should it be refused.
     */
    static TrainingNetwork of(MultiLayerNetwork network, String name) {
        java.util.Optional<DenseChain> dense = DenseChain.of(network);
        if (dense.isPresent()) {
            return new PlannedNetwork(network, dense.get());
        }
        java.util.Optional<Chain> chain = Chain.of(network);
        if (chain.isPresent()) {
            return new PlannedNetwork(network, chain.get());
        }
        SameDiffBackward.refuseLayerObjects(network, name + " has a layer the lab's engine does not run, so its"
                + " gradients would come from DL4J's layer objects", "remove one of the two");
        return new LayerObjectNetwork(network);
    }

    /**
     * The network's first layers, up to and including the layer named {@code layer} (with its activation), on the
     * engine: its forward pass gives that layer's training-mode activations, flat [n, units], and its backward pass
     * the gradient to the input and to the parameters of those layers. DL4J lays a network's parameters out layer
     * by layer, so the prefix's parameters and gradient are views of the head of the network's own vectors: it always
     * sees the current θ, and its backward pass writes the head of the network's gradient (the gradient, for a loss
     * on these activations, that the whole network would have). It has no optimiser: {@link #update} throws.
     *
     * @return empty when the engine does not run those layers (a layer only DL4J's objects run)
     * @throws IllegalArgumentException when the network has no layer of that name, naming the ones it has
     */
    static java.util.Optional<TrainingNetwork> prefix(MultiLayerNetwork network, String layer) {
        return PlannedNetwork.prefix(network, layer);
    }

    /** The DL4J network whose parameters, gradient and optimiser state this one trains. */
    MultiLayerNetwork network();

    /** Whether the passes run on the engine's compiled plans (false: on DL4J's layer objects). */
    boolean onEngine();

    /** The training-mode output for a batch of flat inputs, flat [n, outputs]. */
    INDArray forward(INDArray input);

    /**
     * The backward pass of the last forward from dL/d(output) (flat [n, outputs]): fills {@link #gradient()} with
     * dL/dθ summed over the batch and returns dL/d(input), flat [n, inputs].
     */
    INDArray backward(INDArray outputGradient);

    /** Like {@link #backward} when only dL/d(input) is wanted; {@link #gradient()} may or may not change. */
    INDArray inputGradient(INDArray outputGradient);

    /**
     * Pearlmutter's R-operator along an input direction: after {@link #forward} at x and {@link #inputGradient} (or
     * {@link #backward}) from an output gradient e at the same x, e held fixed, the exact derivative
     * d/dt ∂L/∂θ (x + t·u) for L = Σ e ⊙ output, summed over the batch, in a live vector [1, P] of its own (DL4J's
     * layout; {@link #gradient()} is left alone). With e = 1 and uᵢ = cᵢ ∇ₓ out(xᵢ) it is the parameter gradient of
     * a gradient penalty Σᵢ φ(‖∇ₓ out(xᵢ)‖) with cᵢ = φ′(‖gᵢ‖) / ‖gᵢ‖ (Gulrajani et al. 2017).
     *
     * @param u the input direction, [n, inputs] as the last forward pass's input
     * @throws UnsupportedOperationException when {@link #secondDerivativesUnavailable()} says why
     */
    default INDArray inputDirectionalGradient(INDArray u) {
        throw new UnsupportedOperationException(secondDerivativesUnavailable().orElse("no second derivatives"));
    }

    /**
     * Pearlmutter's R-operator along a parameter direction v, after {@link #forward} at x and {@link #backward} from
     * an output gradient e = ∂L/∂(output) at the same x: R{output} = d/dt output(θ + t·v) is handed to
     * {@code rOutputGradient}, which returns R{∂L/∂(output)} (for a loss Σ l(outᵢ) of each output alone,
     * l″(outᵢ) ⊙ R{outᵢ}); the R-backward pass then gives the Hessian-vector product H·v = R{∂L/∂θ} (summed over the
     * batch, DL4J's layout) and R{∂L/∂x} = (∂²L/∂x∂θ)·v, the derivative of the input gradient along v. Both results
     * are live arrays of the pass (the next pass overwrites them); {@link #gradient()} is left alone.
     *
     * @param v               the parameter direction, P values (any shape)
     * @param rOutputGradient from the live R{output} [n, outputs] to R{∂L/∂(output)} of the same shape
     * @throws UnsupportedOperationException when {@link #secondDerivativesUnavailable()} says why
     */
    default ParameterDirectionalPass parameterDirectionalPass(
            INDArray v, java.util.function.UnaryOperator<INDArray> rOutputGradient) {
        throw new UnsupportedOperationException(secondDerivativesUnavailable().orElse("no second derivatives"));
    }

    /**
     * What {@link #parameterDirectionalPass} gives: H·v [1, P] and R{∂L/∂x} [n, inputs], live arrays of the pass.
     */
    record ParameterDirectionalPass(INDArray hessianVector, INDArray rInputGradient) {
    }

    /**
     * Empty when {@link #inputDirectionalGradient} works for this network; else one line saying why not (a layer
     * without an R-operator, or the network on DL4J's layer objects).
     */
    default java.util.Optional<String> secondDerivativesUnavailable() {
        return java.util.Optional.of("the network runs on DL4J's layer objects (it has a layer the engine does not"
                + " run), which take no second derivatives");
    }

    /** The live flat gradient [1, P], DL4J's gradient view of the network. */
    INDArray gradient();

    /**
     * One optimiser step from {@link #gradient()}: the network's own updater (Adam, RMSProp or SGD as configured,
     * with its state) turns the gradient into the update, which is subtracted from θ.
     *
     * @param iteration the number of updates made before this one (Adam's bias correction counts them)
     */
    void update(int iteration);

    /** Releases the compiled plans' native op contexts (the network itself stays usable). */
    @Override
    void close();
}
