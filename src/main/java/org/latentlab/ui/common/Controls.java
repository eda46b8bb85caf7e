package org.latentlab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The small controls every screen builds the same way: buttons with a tooltip, text fields, section titles. */
public final class Controls {

    private Controls() {
    }

    /**
     * A button saying {@code text}, explained by {@code tip} when hovered (none when null), doing {@code action} when
     * pressed (nothing yet when null: the caller sets it).
     */
    public static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        if (tip != null) {
            b.setTooltip(new Tooltip(tip));
        }
        if (action != null) {
            b.setOnAction(e -> action.run());
        }
        return b;
    }

    /** The same with the node id {@code id} (for tests and for the README's instructions). */
    public static Button idButton(String id, String text, String tip, Runnable action) {
        Button b = button(text, tip, action);
        b.setId(id);
        return b;
    }

    /** A text field with the node id {@code id}, holding {@code text}, {@code width} pixels wide. */
    public static TextField field(String id, String text, double width) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefWidth(width);
        return f;
    }

    /** A bold heading over a part of a screen (style class {@code section-title}). */
    public static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /**
     * {@code content} filling the pane while it fits, scrolled up and down when the pane is shorter than its
     * least height.
     */
    public static ScrollPane fitting(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * Buttons and labels of a row keep their whole text in a narrow window (1280 wide); the fields, choices and
     * gaps give up the width instead.
     */
    public static void keepLabelsWhole(Pane row) {
        for (Node n : row.getChildren()) {
            if (n instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
    }
}
