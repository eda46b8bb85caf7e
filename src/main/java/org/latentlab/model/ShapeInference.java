package org.latentlab.model;

import java.util.ArrayList;
import java.util.List;

/** Walks a network's layers from its input shape and names the first layer whose input does not fit. */
public final class ShapeInference {

    private ShapeInference() {
    }

    /**
     * The output shape of each layer, in order.
     *
     * @throws IllegalArgumentException naming the network and layer, e.g. "network 'D', layer 'd1' (dense): a dense
     *                                  layer expects a vector but receives 64x7x7: add a Flatten"
     */
    public static List<Shape> infer(String network, Shape input, List<LayerSpec> layers) {
        List<Shape> out = new ArrayList<>(layers.size());
        Shape current = input;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            try {
                current = layer.outputShape(current);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("network '" + network + "', layer " + (i + 1) + " '" + layer.name()
                        + "' (" + layer.type() + "): " + e.getMessage(), e);
            }
            out.add(current);
        }
        LayerSpec last = layers.get(layers.size() - 1);
        if (last instanceof LayerSpec.Reshape || last instanceof LayerSpec.Flatten) {
            if (layers.size() == 1) {
                throw new IllegalArgumentException("network '" + network + "' has only a " + last.type()
                        + " layer: it needs at least one layer with parameters");
            }
        }
        return out;
    }
}
