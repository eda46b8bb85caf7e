package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A {@link Graph} compiled for a fixed batch size over given flat parameter and gradient vectors (DL4J's
 * {@code ComputationGraph} layout for the same graph, in the data type the plan computes in): each layer node's
 * {@link ChainLayer.Pass}es compiled once over the output of the node it reads (reshaped as a view where the shapes
 * differ), a concatenation node's rows filled by one native op, so the passes allocate no arrays. Inputs and
 * outputs are flat examples, [batch, size].
 *
 * <p>{@link #forward} runs every node from all inputs, in training mode; {@link #backward} runs from dL/d(output)
 * of every output to the parameters (summed over the batch, as DL4J's) and to every input. A node read by several
 * others (or read and also an output) receives each reader's gradient in an array of its own and sums them before
 * its own backward pass; a node read once by a layer node has its gradient written there directly. A
 * concatenation's backward pass is free: its readers' gradients are column views of its own. A plan compiled for
 * inference runs {@link #forward} in inference mode and {@link #inputGradient} alone. Pearlmutter's R-operator
 * ({@link #curvature()}) runs over the same wiring along input and parameter directions, for
 * exact Hessian-vector products and gradient penalties (every layer kind with one, as in {@link ChainPlan}).
 * Not thread-safe.
 */
final class GraphPlan implements AutoCloseable {

    /** One node's arrays: its output and dL/d(output), flat [batch, size], and what its readers write. */
    static final class Slot {
        final long size;
        INDArray output;
        INDArray gradient;
        int reads;
        boolean isOutput;
        /** Gradients its readers write, summed into {@link #gradient} (empty when its one reader writes there). */
        final List<INDArray> edges = new ArrayList<>();
        final List<Kernel> sum = new ArrayList<>();

        Slot(long size) {
            this.size = size;
        }
    }

    /** A compiled node: what runs forward and backward. */
    record Step(Slot slot, List<ChainLayer.Pass> passes, Kernel concat) {
    }

    final Graph graph;
    final int batch;
    final INDArray gradient;
    final Map<String, Slot> slots = new HashMap<>();
    final List<Step> steps = new ArrayList<>();
    private final List<INDArray> inputs;
    private final List<INDArray> inputGradients;
    private final List<INDArray> outputs;
    private final List<INDArray> outputGradients;
    /** The R-operator's arrays and passes, compiled on first use (training never needs them). */
    private GraphCurvature curvature;

    GraphPlan(Graph graph, int batch, INDArray params, INDArray gradient) {
        this(graph, batch, params, gradient, false);
    }

    /**
     * The plan in training mode or, when {@code inference}, in inference mode (each layer's
     * {@link ChainLayer#compileInference}: only {@link #inputGradient} may follow {@link #forward}; {@code gradient}
     * is then scratch).
     */
    GraphPlan(Graph graph, int batch, INDArray params, INDArray gradient, boolean inference) {
        DataType type = params.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE || gradient.dataType() != type) {
            throw new IllegalArgumentException("the engine computes in FLOAT or DOUBLE with a gradient of the same"
                    + " type, not " + type + " and " + gradient.dataType());
        }
        if (batch < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, not " + batch);
        }
        if (params.length() != graph.parameters() || gradient.length() != graph.parameters()) {
            throw new IllegalArgumentException("the graph has " + graph.parameters() + " parameters; given vectors of "
                    + params.length() + " and " + gradient.length());
        }
        if (new HashSet<>(graph.outputs()).size() != graph.outputs().size()) {
            throw new IllegalArgumentException("each output may be named once: " + graph.outputs());
        }
        this.graph = graph;
        this.batch = batch;
        this.gradient = gradient;
        Map<String, Long> sizes = graph.sizes();
        for (Graph.Node n : graph.nodes()) {
            slots.put(n.name(), new Slot(sizes.get(n.name())));
            for (String in : n.inputs()) {
                slots.get(in).reads++;
            }
        }
        graph.outputs().forEach(o -> slots.get(o).isOutput = true);
        try {
            long offset = 0;
            for (Graph.Node n : graph.nodes()) {
                Slot slot = slots.get(n.name());
                if (n instanceof Graph.Input) {
                    slot.output = Nd4j.create(type, batch, slot.size);
                    slot.gradient = Nd4j.create(type, batch, slot.size);
                    steps.add(new Step(slot, List.of(), null));
                } else if (n instanceof Graph.Layers l) {
                    steps.add(layers(l, slot, params, gradient, offset, inference));
                    offset += l.parameters();
                } else {
                    steps.add(concat((Graph.Concat) n, slot, type));
                }
            }
            for (Slot slot : slots.values()) {
                sums(slot);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        inputs = graph.inputNodes().stream().map(i -> slots.get(i.name()).output).toList();
        inputGradients = graph.inputNodes().stream().map(i -> slots.get(i.name()).gradient).toList();
        outputs = graph.outputs().stream().map(o -> slots.get(o).output).toList();
        outputGradients = graph.outputs().stream().map(o -> slots.get(o).gradient).toList();
    }

    /** Where a layer node writes dL/d(its input): the read node's gradient itself when it is its only reader. */
    INDArray edge(Slot read) {
        if (read.reads == 1 && !read.isOutput) {
            return read.gradient;
        }
        INDArray e = Nd4j.create(read.gradient.dataType(), batch, read.size);
        read.edges.add(e);
        return e;
    }

    private Step layers(Graph.Layers node, Slot slot, INDArray params, INDArray gradient, long offset,
                        boolean inference) {
        Slot read = slots.get(node.input());
        INDArray in = read.output;
        INDArray inGradient = edge(read);
        List<ChainLayer.Pass> passes = new ArrayList<>();
        for (ChainLayer layer : node.layers()) {
            long[] shape = withBatch(layer.inputShape());
            ChainLayer.Pass pass = inference
                    ? layer.compileInference(batch, params, gradient, offset, view(in, shape), view(inGradient, shape))
                    : layer.compile(batch, params, gradient, offset, view(in, shape), view(inGradient, shape));
            passes.add(pass);
            in = pass.output();
            inGradient = pass.outputGradient();
            offset += layer.parameters();
        }
        slot.output = view(in, batch, slot.size);
        slot.gradient = view(inGradient, batch, slot.size);
        return new Step(slot, passes, null);
    }

    /** The rows side by side by libnd4j's {@code concat}; each reader's gradient is a column view of this one's. */
    private Step concat(Graph.Concat node, Slot slot, DataType type) {
        return concat(node, slot, type, slots);
    }

    Step concat(Graph.Concat node, Slot slot, DataType type, Map<String, Slot> slots) {
        slot.output = Nd4j.create(type, batch, slot.size);
        slot.gradient = Nd4j.create(type, batch, slot.size);
        INDArray[] parts = new INDArray[node.inputs().size()];
        long column = 0;
        for (int k = 0; k < parts.length; k++) {
            Slot read = slots.get(node.inputs().get(k));
            parts[k] = read.output;
            read.edges.add(slot.gradient.get(NDArrayIndex.all(), NDArrayIndex.interval(column, column + read.size)));
            column += read.size;
        }
        return new Step(slot, List.of(), Kernel.of("concat", parts, slot.output, 1));
    }

    /** The kernels that sum a node's readers' gradients (onto an output's own gradient) into its gradient. */
    static void sums(Slot slot) {
        List<INDArray> edges = slot.edges;
        if (edges.isEmpty()) {
            return;
        }
        if (slot.isOutput) {
            edges.forEach(e -> slot.sum.add(Kernel.add(slot.gradient, e, slot.gradient)));
        } else if (edges.size() == 1) {
            slot.sum.add(Kernel.of("identity", new INDArray[] {edges.get(0)}, slot.gradient));
        } else {
            slot.sum.add(Kernel.add(edges.get(0), edges.get(1), slot.gradient));
            edges.subList(2, edges.size()).forEach(e -> slot.sum.add(Kernel.add(slot.gradient, e, slot.gradient)));
        }
    }

    long[] withBatch(long[] example) {
        long[] shape = new long[example.length + 1];
        shape[0] = batch;
        System.arraycopy(example, 0, shape, 1, example.length);
        return shape;
    }

    /** {@code a} ('c' order, contiguous) as {@code shape}, sharing its buffer. */
    static INDArray view(INDArray a, long... shape) {
        if (Arrays.equals(a.shape(), shape)) {
            return a;
        }
        INDArray v = a.reshape('c', shape);
        if (v.data().address() != a.data().address() || v.offset() != a.offset()) {
            throw new IllegalStateException("a reshape copied " + a.shapeInfoToString());
        }
        return v;
    }

    Graph graph() {
        return graph;
    }

    int batch() {
        return batch;
    }

    /**
     * The outputs, [batch, size] each in the graph's output order (live arrays), for the inputs [batch, size] each
     * in the graph's input order.
     */
    List<INDArray> forward(INDArray... x) {
        if (x.length != inputs.size()) {
            throw new IllegalArgumentException("the graph takes " + inputs.size() + " inputs, not " + x.length);
        }
        for (int i = 0; i < x.length; i++) {
            INDArray in = inputs.get(i);
            in.assign(x[i].rank() == 2 ? x[i] : x[i].reshape(batch, in.size(1)));
        }
        for (Step s : steps) {
            if (s.concat != null) {
                s.concat.run();
            }
            for (ChainLayer.Pass p : s.passes) {
                p.forward();
            }
        }
        return outputs;
    }

    /**
     * From dL/d(output) of every output (in the graph's output order): the parameter gradient into the flat
     * gradient and dL/d(input) of every input, [batch, size] each in the graph's input order (live arrays).
     */
    List<INDArray> backward(INDArray... dOutputs) {
        run(dOutputs, true);
        return inputGradients;
    }

    /** dL/d(input) of every input alone from dL/d(output) of every output (the flat gradient may or may not change). */
    List<INDArray> inputGradient(INDArray... dOutputs) {
        run(dOutputs, false);
        return inputGradients;
    }

    private void run(INDArray[] dOutputs, boolean toParameters) {
        if (dOutputs.length != outputGradients.size()) {
            throw new IllegalArgumentException("the graph has " + outputGradients.size() + " outputs; given "
                    + dOutputs.length + " gradients");
        }
        for (int o = 0; o < dOutputs.length; o++) {
            outputGradients.get(o).assign(dOutputs[o]);
        }
        for (int n = steps.size() - 1; n >= 0; n--) {
            Step s = steps.get(n);
            gather(s.slot);
            for (int l = s.passes.size() - 1; l >= 0; l--) {
                s.passes.get(l).backward(toParameters);
            }
        }
    }

    /** Sums a node's readers' gradients into its own, before its backward pass. */
    static void gather(Slot slot) {
        if (slot.reads == 0 && !slot.isOutput) {
            slot.gradient.assign(0); // read by no one: nothing flows back through it
        }
        slot.sum.forEach(Kernel::run);
    }

    /**
     * Pearlmutter's R-operator over this plan, compiled on first use.
     *
     * @throws UnsupportedOperationException naming the first layer without one (batch normalisation in a plan
     *                                       compiled for inference)
     */
    GraphCurvature curvature() {
        if (curvature == null) {
            curvature = new GraphCurvature(this);
        }
        return curvature;
    }

    /** The live output of node {@code name}, [batch, size], as the last {@link #forward} left it. */
    INDArray output(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("the graph has no node '" + name + "'");
        }
        return slot.output;
    }

    @Override
    public void close() {
        if (curvature != null) {
            curvature.close();
        }
        for (Step s : steps) {
            s.passes.forEach(ChainLayer.Pass::close);
            if (s.concat != null) {
                s.concat.close();
            }
        }
        slots.values().forEach(s -> s.sum.forEach(Kernel::close));
    }
}
