package org.latentlab.model.edit;

import org.latentlab.model.Shape;

/**
 * The source of a network graph: the shape of one example entering the network (a GAN generator's noise vector, the
 * data for a discriminator or an encoder, the code for a decoder). It has an output port and no input port.
 */
public record InputNode(String id, Shape shape, double x, double y) {

    public InputNode {
        GraphNodes.checkId(id);
        if (shape == null) {
            throw new IllegalArgumentException("the input node needs a shape, e.g. [2] or [1, 28, 28]");
        }
        new Point(x, y);
    }

    public Point position() {
        return new Point(x, y);
    }

    public InputNode withShape(Shape s) {
        return new InputNode(id, s, x, y);
    }

    public InputNode at(Point p) {
        return new InputNode(id, shape, p.x(), p.y());
    }
}
