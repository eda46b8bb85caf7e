package org.latentlab.ui.builder;

import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import org.latentlab.model.edit.DesignPicture;
import org.latentlab.model.edit.ModelDesign;

import java.util.HashMap;
import java.util.Map;

/**
 * Draws a design's {@link DesignPicture} over the canvas: boxes for the inputs that are neither noise nor data
 * (left of the node they feed) and for heads (below the layer they read), dashed flows from one network's output
 * into another's input (down under the source's row, along a bus left of every input, into the target's port), and
 * notes under nodes. Nothing here is editable: the wiring bar and the layers are.
 */
final class WiringLayer {

    private static final double W = NodeView.WIDTH;
    private static final double H = NodeView.HEIGHT;

    private WiringLayer() {
    }

    static void draw(ModelDesign d, Map<String, NodeView> views, Group nodes, Group edges) {
        DesignPicture p = DesignPicture.of(d);
        double minX = views.values().stream().mapToDouble(NodeView::getLayoutX).min().orElse(0);
        Map<String, Integer> fromCount = new HashMap<>();
        int lane = 0;
        for (DesignPicture.Flow f : p.flows()) {
            NodeView from = views.get(f.from());
            NodeView to = views.get(f.to());
            if (from == null || to == null) {
                continue;
            }
            int i = fromCount.merge(f.from(), 1, Integer::sum) - 1;
            double x1 = from.getLayoutX() + W + NodeView.PORT;
            double y1 = from.getLayoutY() + H / 2;
            double turn = x1 + 24 + 10 * i;
            double gap = from.getLayoutY() + H + 48 + 12 * i;
            double bus = minX - 28 - 12 * lane++;
            double ty = to.getLayoutY() + H * 0.3;
            Path path = new Path(new MoveTo(x1, y1), new LineTo(turn, y1), new LineTo(turn, gap),
                    new LineTo(bus, gap), new LineTo(bus, ty), new LineTo(to.getLayoutX() - NodeView.PORT, ty));
            path.getStyleClass().add("wiring-flow");
            path.setMouseTransparent(true);
            edges.getChildren().add(path);
            Label text = new Label(f.text());
            text.getStyleClass().add("wiring-flow-label");
            text.setMouseTransparent(true);
            text.setLayoutX(turn + 6);
            text.setLayoutY(gap - 9);
            nodes.getChildren().add(text);
        }
        for (DesignPicture.Box b : p.boxes()) {
            NodeView anchor = views.get(b.anchor());
            if (anchor == null) {
                continue;
            }
            Label box = new Label(b.title() + "\n" + b.text());
            box.setId("builder-" + b.id().replace('/', '-'));
            box.getStyleClass().add("wiring-box");
            box.setWrapText(true);
            box.setPrefWidth(b.side() == DesignPicture.Side.READS ? 2 * W : W);
            box.setMinHeight(H);
            box.setMouseTransparent(true);
            double x;
            double y;
            Line link;
            if (b.side() == DesignPicture.Side.FEEDS) {
                x = anchor.getLayoutX() - W - 70;
                y = anchor.getLayoutY() + b.slot() * (H + 14);
                link = new Line(x + W, y + H / 2, anchor.getLayoutX() - NodeView.PORT, anchor.getLayoutY() + H * 0.7);
            } else {
                x = anchor.getLayoutX();
                y = anchor.getLayoutY() + H + 64;
                link = new Line(x + W / 2, anchor.getLayoutY() + H, x + W / 2, y);
            }
            box.setLayoutX(x);
            box.setLayoutY(y);
            link.getStyleClass().add("wiring-flow");
            link.setMouseTransparent(true);
            edges.getChildren().add(link);
            nodes.getChildren().add(box);
        }
        Map<String, Integer> perNode = new HashMap<>();
        for (DesignPicture.Tag t : p.tags()) {
            NodeView v = views.get(t.node());
            if (v == null) {
                continue;
            }
            int k = perNode.merge(t.node(), 1, Integer::sum) - 1;
            Label tag = new Label(t.text());
            tag.getStyleClass().add("role-tag");
            if (d.hasCode() && d.codeNode().filter(t.node()::equals).isPresent()) {
                v.getStyleClass().add("code-node");
                tag.setId("builder-code-tag");
            }
            tag.setMouseTransparent(true);
            tag.setLayoutX(v.getLayoutX());
            tag.setLayoutY(v.getLayoutY() + H + 8 + 20 * k);
            nodes.getChildren().add(tag);
        }
    }
}
