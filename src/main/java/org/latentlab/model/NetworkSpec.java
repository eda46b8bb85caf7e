package org.latentlab.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A feed-forward network as data: its input shape and its layers in order. Validated when built (names unique,
 * shapes fit); compiled to DL4J by {@link NetworkCompiler}.
 */
public record NetworkSpec(String name, Shape input, List<LayerSpec> layers) {

    public NetworkSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a network needs a name");
        }
        if (input == null) {
            throw new IllegalArgumentException("network '" + name + "' needs an input shape, e.g. [2] or [1, 28, 28]");
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' has no layers");
        }
        layers = List.copyOf(layers);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LayerSpec layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("network '" + name + "' has two layers named '" + layer.name()
                        + "': rename one of them");
            }
        }
        ShapeInference.infer(name, input, layers);
    }

    /** Shape of one output example. */
    public Shape output() {
        List<Shape> shapes = ShapeInference.infer(name, input, layers);
        return shapes.get(shapes.size() - 1);
    }

    /** Reads like the architecture: {@code G: 2 -> dense 128 relu -> dense 128 relu -> dense 2}. */
    @Override
    public String toString() {
        return name + ": " + input + " -> " + layers.stream().map(NetworkSpec::describe)
                .collect(Collectors.joining(" -> "));
    }

    private static String describe(LayerSpec l) {
        if (l instanceof LayerSpec.Dense d) {
            return "dense " + d.units() + act(d.activation());
        } else if (l instanceof LayerSpec.Act a) {
            return a.activation().id();
        } else if (l instanceof LayerSpec.BatchNorm) {
            return "bn";
        } else if (l instanceof LayerSpec.Dropout d) {
            return "dropout " + d.rate();
        } else if (l instanceof LayerSpec.Conv2D c) {
            return "conv " + c.filters() + "@" + c.kernel() + "/" + c.stride() + act(c.activation());
        } else if (l instanceof LayerSpec.Deconv2D c) {
            return "deconv " + c.filters() + "@" + c.kernel() + "/" + c.stride() + act(c.activation());
        } else if (l instanceof LayerSpec.Upsample2D u) {
            return "upsample x" + u.scale();
        } else if (l instanceof LayerSpec.Pool2D p) {
            return p.pooling().id() + "pool " + p.kernel() + "/" + p.stride();
        } else if (l instanceof LayerSpec.Reshape r) {
            return "reshape " + r.channels() + "x" + r.height() + "x" + r.width();
        } else if (l instanceof LayerSpec.MinibatchDiscrimination m) {
            return "minibatch " + m.kernels() + "x" + m.dims();
        } else if (l instanceof LayerSpec.VirtualBatchNorm v) {
            return "vbn " + v.referenceBatch();
        } else if (l instanceof LayerSpec.Maxout m) {
            return "maxout " + m.units() + "x" + m.pieces();
        }
        return l.type();
    }

    private static String act(Activation a) {
        return a == Activation.IDENTITY ? "" : " " + a.id();
    }
}
