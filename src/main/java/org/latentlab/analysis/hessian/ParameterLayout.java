package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where each parameter of one or more DL4J networks sits in the flat vector θ that a {@link NetworkObjective}
 * exposes: θ is the concatenation of the networks' trainable parameters in DL4J's own order (network by network,
 * layer by layer, each layer's parameter table in order). Batch-norm running statistics (mean, variance) are
 * parameters to DL4J but not to the loss, so they are left out of θ and kept at their values.
 *
 * <p>Each block knows its shape, memory order and, for weights, which axis indexes the output filters (a dense
 * layer's W is [nIn, nOut] in 'f' order, a convolution's [nOut, nIn, kH, kW] and a deconvolution's
 * [nIn, nOut, kH, kW] in 'c' order), which is what filter normalisation needs.
 *
 * @param blocks    every parameter block of every network, in order
 * @param sizes     the flat parameter count of each network
 * @param dimension the length of θ (trainable parameters only)
 */
public record ParameterLayout(List<Block> blocks, int[] sizes, int dimension) {

    /** What a block of parameters is. */
    public enum Role { WEIGHT, BIAS, NORMALIZATION, STATISTIC, OTHER }

    /**
     * One parameter array of one layer.
     *
     * @param network         index of the network in the layout
     * @param layer           layer index in that network
     * @param layerName       the layer's name
     * @param key             DL4J's parameter key ("W", "b", "gamma", "mean"...)
     * @param shape           its shape
     * @param order           'c' or 'f': how its elements lie in the flat buffer
     * @param networkOffset   where it starts in the network's flat parameters
     * @param objectiveOffset where it starts in θ, or −1 when it is not part of θ
     * @param role            what it is
     * @param filterAxis      the axis that indexes output filters (weights only), or −1
     */
    public record Block(int network, int layer, String layerName, String key, long[] shape, char order,
                        int networkOffset, int objectiveOffset, Role role, int filterAxis) {

        public int length() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return (int) n;
        }

        public boolean trainable() {
            return objectiveOffset >= 0;
        }

        /** The number of output filters (1 when the block has no filter axis). */
        public int filters() {
            return filterAxis < 0 ? 1 : (int) shape[filterAxis];
        }

        /** The filter that element {@code i} (0-based within the block, in memory order) belongs to. */
        public int filterOf(int i) {
            if (filterAxis < 0) {
                return 0;
            }
            long stride = 1;
            if (order == 'c') {
                for (int a = shape.length - 1; a > filterAxis; a--) {
                    stride *= shape[a];
                }
            } else {
                for (int a = 0; a < filterAxis; a++) {
                    stride *= shape[a];
                }
            }
            return (int) ((i / stride) % shape[filterAxis]);
        }

        @Override
        public String toString() {
            return layerName + "." + key + " " + Arrays.toString(shape) + " " + role;
        }
    }

    /** The layout of the given networks' parameters, in that order. */
    public static ParameterLayout of(List<MultiLayerNetwork> networks) {
        List<Block> blocks = new ArrayList<>();
        int[] sizes = new int[networks.size()];
        int objective = 0;
        for (int n = 0; n < networks.size(); n++) {
            MultiLayerNetwork net = networks.get(n);
            int offset = 0;
            for (int l = 0; l < net.getnLayers(); l++) {
                org.deeplearning4j.nn.api.Layer layer = net.getLayer(l);
                String name = layer.conf().getLayer().getLayerName();
                if (name == null) {
                    name = "layer" + l;
                }
                for (Map.Entry<String, INDArray> e : layer.paramTable().entrySet()) {
                    INDArray view = e.getValue();
                    Role role = role(e.getKey());
                    int axis = role == Role.WEIGHT ? filterAxis(layer, view.rank()) : -1;
                    Block b = new Block(n, l, name, e.getKey(), view.shape(), view.ordering(), offset,
                            role == Role.STATISTIC ? -1 : objective, role, axis);
                    blocks.add(b);
                    offset += b.length();
                    if (b.trainable()) {
                        objective += b.length();
                    }
                }
            }
            if (offset != net.params().length()) {
                throw new IllegalStateException("the parameter tables of network " + n + " cover " + offset
                        + " values but its flat parameters have " + net.params().length());
            }
            sizes[n] = offset;
        }
        return new ParameterLayout(List.copyOf(blocks), sizes, objective);
    }

    private static Role role(String key) {
        return switch (key) {
            case "W" -> Role.WEIGHT;
            case "b" -> Role.BIAS;
            case "gamma", "beta" -> Role.NORMALIZATION;
            case "mean", "var", "log10stdev" -> Role.STATISTIC;
            default -> Role.OTHER;
        };
    }

    private static int filterAxis(org.deeplearning4j.nn.api.Layer layer, int rank) {
        if (rank == 2) {
            return 1; // [nIn, nOut]
        }
        if (layer.conf().getLayer() instanceof Deconvolution2D) {
            return 1; // [nIn, nOut, kH, kW]
        }
        return rank >= 3 ? 0 : -1; // [nOut, nIn, k...]
    }

    /** θ from the networks' flat parameter arrays (one per network). */
    public double[] toObjective(double[][] networkParams) {
        double[] theta = new double[dimension];
        for (Block b : blocks) {
            if (b.trainable()) {
                System.arraycopy(networkParams[b.network()], b.networkOffset(), theta, b.objectiveOffset(),
                        b.length());
            }
        }
        return theta;
    }

    /**
     * Where θ sits in the networks' flat parameters joined one after another (the first network's, then the
     * second's, ...): the runs of trainable blocks, adjacent ones merged, for the engine's exact curvature.
     */
    public org.latentlab.engine.ParameterRuns runs() {
        java.util.List<long[]> runs = new java.util.ArrayList<>();
        long[] networkStart = new long[sizes.length];
        for (int i = 1; i < sizes.length; i++) {
            networkStart[i] = networkStart[i - 1] + sizes[i - 1];
        }
        for (Block b : blocks) {
            if (!b.trainable()) {
                continue;
            }
            long start = networkStart[b.network()] + b.networkOffset();
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[0] + last[1] == start) {
                last[1] += b.length();
            } else {
                runs.add(new long[] {start, b.length()});
            }
        }
        return new org.latentlab.engine.ParameterRuns(runs.stream().mapToLong(r -> r[0]).toArray(),
                runs.stream().mapToLong(r -> r[1]).toArray());
    }

    /** Each network's flat parameters: θ written over a copy of {@code base} (which supplies the statistics). */
    public double[][] toNetworks(double[] theta, double[][] base) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("θ has " + theta.length + " values, the networks " + dimension);
        }
        double[][] out = new double[base.length][];
        for (int i = 0; i < base.length; i++) {
            out[i] = base[i].clone();
        }
        for (Block b : blocks) {
            if (b.trainable()) {
                System.arraycopy(theta, b.objectiveOffset(), out[b.network()], b.networkOffset(), b.length());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ParameterLayout " + dimension + " parameters in " + blocks.size() + " blocks";
    }
}
