package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pearlmutter's R-operator R{·} = d/dt (·)(θ + t v, x + t u) over a {@link GraphPlan} (Pearlmutter 1994, "Fast exact
 * multiplication by the Hessian"): each node's R(output) and R{dL/d(output)} wired as the plan's own arrays
 * (readers' R-gradients summed, a concatenation's readers writing column views of its R-gradient), each layer's
 * {@link ChainLayer.RPass} compiled over its pass, a parameter direction v and the product R{∂L/∂θ}. Not
 * thread-safe.
 */
final class GraphCurvature implements AutoCloseable {

    private final Map<String, GraphPlan.Slot> r = new HashMap<>();
    private final List<GraphPlan.Step> rSteps = new ArrayList<>();
    private final List<List<ChainLayer.RPass>> rPasses = new ArrayList<>();
    private final INDArray direction;
    private final INDArray product;
    private final List<INDArray> rInputs;
    private final List<INDArray> rInputGradients;
    private final List<INDArray> rOutputs;
    private final List<INDArray> rOutputGradients;

    /** @throws UnsupportedOperationException naming the first layer without one (batch normalisation in inference) */
    GraphCurvature(GraphPlan plan) {
        Graph graph = plan.graph;
        int batch = plan.batch;
        DataType type = plan.gradient.dataType();
        direction = Nd4j.create(type, plan.gradient.shape());
        product = Nd4j.create(type, plan.gradient.shape());
        for (Map.Entry<String, GraphPlan.Slot> e : plan.slots.entrySet()) {
            GraphPlan.Slot slot = new GraphPlan.Slot(e.getValue().size);
            slot.reads = e.getValue().reads;
            slot.isOutput = e.getValue().isOutput;
            r.put(e.getKey(), slot);
        }
        try {
            long offset = 0;
            for (int n = 0; n < graph.nodes().size(); n++) {
                Graph.Node node = graph.nodes().get(n);
                GraphPlan.Slot slot = r.get(node.name());
                List<ChainLayer.RPass> passes = new ArrayList<>();
                rPasses.add(passes);
                if (node instanceof Graph.Input) {
                    slot.output = Nd4j.create(type, batch, slot.size);
                    slot.gradient = Nd4j.create(type, batch, slot.size);
                    rSteps.add(new GraphPlan.Step(slot, List.of(), null));
                } else if (node instanceof Graph.Layers l) {
                    GraphPlan.Slot read = r.get(l.input());
                    INDArray in = read.output;
                    INDArray inGradient = plan.edge(read);
                    for (int k = 0; k < l.layers().size(); k++) {
                        ChainLayer layer = l.layers().get(k);
                        long[] shape = plan.withBatch(layer.inputShape());
                        ChainLayer.RPass pass;
                        try {
                            pass = plan.steps.get(n).passes().get(k).curvature(offset, direction, product,
                                    GraphPlan.view(in, shape), GraphPlan.view(inGradient, shape));
                        } catch (UnsupportedOperationException e) {
                            throw new UnsupportedOperationException("layer '" + layer.name()
                                    + "' has no second derivatives on the engine"
                                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                        }
                        passes.add(pass);
                        in = pass.rOutput();
                        inGradient = pass.rOutputGradient();
                        offset += layer.parameters();
                    }
                    slot.output = GraphPlan.view(in, batch, slot.size);
                    slot.gradient = GraphPlan.view(inGradient, batch, slot.size);
                    rSteps.add(new GraphPlan.Step(slot, List.of(), null));
                } else {
                    rSteps.add(plan.concat((Graph.Concat) node, slot, type, r));
                }
            }
            r.values().forEach(GraphPlan::sums);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        rInputs = graph.inputNodes().stream().map(i -> r.get(i.name()).output).toList();
        rInputGradients = graph.inputNodes().stream().map(i -> r.get(i.name()).gradient).toList();
        rOutputs = graph.outputs().stream().map(o -> r.get(o).output).toList();
        rOutputGradients = graph.outputs().stream().map(o -> r.get(o).gradient).toList();
    }

    /** The live R(input) of every input, [batch, size] each: the input direction u that {@link #rForward} follows. */
    List<INDArray> rInputs() {
        return rInputs;
    }

    /** The live parameter direction v (shaped as the gradient) that {@link #rForward} follows when asked. */
    INDArray direction() {
        return direction;
    }

    /** R{dL/d(output)} of every output, to be written before {@link #rBackward}. */
    List<INDArray> rOutputGradients() {
        return rOutputGradients;
    }

    /** R{dL/d(input)} of every input, from the last {@link #rBackward}. */
    List<INDArray> rInputGradients() {
        return rInputGradients;
    }

    /**
     * The R-forward at the plan's last forward pass, along the input directions {@link #rInputs()} and, when
     * {@code alongParameters}, the parameter direction {@link #direction()} (else v = 0); returns the live R(output)
     * of every output.
     */
    List<INDArray> rForward(boolean alongParameters) {
        for (int n = 0; n < rSteps.size(); n++) {
            GraphPlan.Step s = rSteps.get(n);
            if (s.concat() != null) {
                s.concat().run();
            }
            for (ChainLayer.RPass p : rPasses.get(n)) {
                p.rForward(alongParameters);
            }
        }
        return rOutputs;
    }

    /**
     * R-backward from {@link #rOutputGradients()}, after the plan's forward and backward passes and
     * {@link #rForward} at the same point with the same {@code alongParameters}: fills {@link #rInputGradients()} and
     * returns the live R{∂L/∂θ} (shaped as the gradient, summed over the batch). Along a parameter direction v
     * alone, with R{dL/d(output)} = (∂²L/∂out²)·R(output) for every output, that is the Hessian-vector product H·v.
     */
    INDArray rBackward(boolean alongParameters) {
        for (int n = rSteps.size() - 1; n >= 0; n--) {
            GraphPlan.gather(rSteps.get(n).slot());
            List<ChainLayer.RPass> passes = rPasses.get(n);
            for (int l = passes.size() - 1; l >= 0; l--) {
                passes.get(l).rBackward(alongParameters);
            }
        }
        return product;
    }

    /**
     * After the plan's forward pass at x and a backward pass from output gradients e at the same x (e held fixed),
     * the derivative of ∂L/∂θ along the input directions u, L = Σ e ⊙ output: R{∂L/∂θ} with R x = u, v = 0 and
     * R{dL/d(output)} = 0 (a gradient penalty's mixed term). Returns the live vector (shaped as the gradient).
     */
    INDArray inputDirectionalGradient(INDArray... u) {
        if (u.length != rInputs.size()) {
            throw new IllegalArgumentException("the graph takes " + rInputs.size() + " inputs, not " + u.length);
        }
        for (int k = 0; k < u.length; k++) {
            rInputs.get(k).assign(u[k]);
        }
        rOutputGradients.forEach(g -> g.assign(0));
        rForward(false);
        return rBackward(false);
    }

    @Override
    public void close() {
        rPasses.forEach(p -> p.forEach(ChainLayer.RPass::close));
        for (GraphPlan.Step s : rSteps) {
            if (s.concat() != null) {
                s.concat().close();
            }
        }
        r.values().forEach(s -> s.sum.forEach(Kernel::close));
    }
}
