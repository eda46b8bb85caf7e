package org.latentlab.ui.builder;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.Shape;
import org.latentlab.model.edit.Diagnostic;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One node on the builder's canvas: a box with the layer's name, its type and parameters, and the shape it
 * outputs (or "?" when it cannot be inferred), an input port on the left (layers only) and an output port on the
 * right. Marked red with the diagnostics as its tooltip when something is wrong with it.
 */
final class NodeView extends StackPane {

    static final double WIDTH = 156;
    static final double HEIGHT = 66;
    static final double PORT = 6;

    private final String nodeId;
    private final boolean input;
    private final Circle inPort;
    private final Circle outPort;
    private final Label shapeLabel;

    NodeView(String nodeId, String name, String kind, Optional<Shape> output, boolean input,
             List<Diagnostic> problems, boolean selected) {
        this.nodeId = nodeId;
        this.input = input;
        getStyleClass().add("builder-node");
        if (input) {
            getStyleClass().add("input-node");
        }
        setId("node-" + nodeId.replaceAll("[^A-Za-z0-9_-]", "-"));
        getProperties().put("nodeId", nodeId);
        setPrefSize(WIDTH, HEIGHT);
        setMinSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        Label title = new Label(name);
        title.getStyleClass().add("node-name");
        Label type = new Label(kind);
        type.getStyleClass().add("node-type");
        shapeLabel = new Label(output.map(s -> "→ " + s).orElse("→ ?"));
        shapeLabel.getStyleClass().add("node-shape");
        shapeLabel.setId("shape-" + nodeId.replaceAll("[^A-Za-z0-9_-]", "-"));
        VBox text = new VBox(1, title, type, shapeLabel);
        text.setAlignment(Pos.CENTER_LEFT);
        text.setMouseTransparent(true);
        getChildren().add(text);
        StackPane.setMargin(text, new javafx.geometry.Insets(4, 12, 4, 12));
        inPort = port("in-port");
        outPort = port("out-port");
        if (!input) {
            getChildren().add(inPort);
            StackPane.setAlignment(inPort, Pos.CENTER_LEFT);
            inPort.setTranslateX(-PORT);
        }
        getChildren().add(outPort);
        StackPane.setAlignment(outPort, Pos.CENTER_RIGHT);
        outPort.setTranslateX(PORT);
        boolean error = problems.stream().anyMatch(Diagnostic::isError);
        if (error) {
            getStyleClass().add("node-error");
        } else if (!problems.isEmpty()) {
            getStyleClass().add("node-warning");
        }
        if (selected) {
            getStyleClass().add("node-selected");
        }
        String tip = (input ? "input: one example as it enters the network" : kind)
                + (problems.isEmpty() ? "" : "\n\n" + problems.stream().map(d -> (d.isError() ? "✖ " : "⚠ ")
                + d.message()).collect(Collectors.joining("\n")));
        Tooltip.install(this, new Tooltip(tip));
    }

    private static Circle port(String style) {
        Circle c = new Circle(PORT);
        c.getStyleClass().addAll("node-port", style);
        return c;
    }

    void setSelected(boolean on) {
        getStyleClass().remove("node-selected");
        if (on) {
            getStyleClass().add("node-selected");
        }
    }

    String nodeId() {
        return nodeId;
    }

    boolean isInput() {
        return input;
    }

    Circle inPort() {
        return inPort;
    }

    Circle outPort() {
        return outPort;
    }

    String shapeText() {
        return shapeLabel.getText();
    }

    /** A layer as one line: {@code dense 128 relu}, {@code conv 16@3/1 same relu}. */
    static String describe(LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            return "dense " + d.units() + activation(d.activation());
        } else if (layer instanceof LayerSpec.Act a) {
            return "activation " + a.activation().id();
        } else if (layer instanceof LayerSpec.BatchNorm) {
            return "batch norm";
        } else if (layer instanceof LayerSpec.Dropout d) {
            return "dropout " + d.rate();
        } else if (layer instanceof LayerSpec.Conv2D c) {
            return "conv " + c.filters() + " " + c.kernel() + "x" + c.kernel() + " /" + c.stride() + " "
                    + c.padding().id() + activation(c.activation());
        } else if (layer instanceof LayerSpec.Deconv2D c) {
            return "deconv " + c.filters() + " " + c.kernel() + "x" + c.kernel() + " /" + c.stride() + " "
                    + c.padding().id() + activation(c.activation());
        } else if (layer instanceof LayerSpec.Upsample2D u) {
            return "upsample x" + u.scale();
        } else if (layer instanceof LayerSpec.Pool2D p) {
            return p.pooling().id() + " pool " + p.kernel() + "x" + p.kernel() + " /" + p.stride();
        } else if (layer instanceof LayerSpec.Reshape r) {
            return "reshape " + r.channels() + "x" + r.height() + "x" + r.width();
        } else if (layer instanceof LayerSpec.MinibatchDiscrimination m) {
            return "minibatch discr. " + m.kernels() + " x " + m.dims();
        } else if (layer instanceof LayerSpec.Maxout m) {
            return "maxout " + m.units() + " x " + m.pieces() + " pieces";
        }
        return layer.type();
    }

    private static String activation(org.latentlab.model.Activation a) {
        return a == org.latentlab.model.Activation.IDENTITY ? " linear" : " " + a.id();
    }
}
