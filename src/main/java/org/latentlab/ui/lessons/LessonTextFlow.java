package org.latentlab.ui.lessons;

import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws a lesson's text ({@link LessonText}) as wrapped paragraphs and list items; styles come from the stylesheet
 * ({@code .lesson-bold}, {@code .lesson-italic}, {@code .lesson-code}), so presenter mode scales them with the rest.
 */
public final class LessonTextFlow extends VBox {

    public LessonTextFlow() {
        super(8);
        getStyleClass().add("lesson-text");
    }

    /** Shows {@code text}, replacing what was shown. */
    public void show(String text) {
        getChildren().clear();
        for (LessonText.Block b : LessonText.parse(text)) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("lesson-block");
            if (b.kind() == LessonText.Kind.BULLET) {
                flow.getChildren().add(text("•  ", "lesson-marker"));
                flow.getStyleClass().add("lesson-item");
            } else if (b.kind() == LessonText.Kind.NUMBERED) {
                flow.getChildren().add(text(b.number() + ".  ", "lesson-marker"));
                flow.getStyleClass().add("lesson-item");
            }
            for (LessonText.Span s : b.spans()) {
                flow.getChildren().add(text(s.text(), s.bold() ? "lesson-bold" : s.italic() ? "lesson-italic"
                        : s.code() ? "lesson-code" : "lesson-plain"));
            }
            flow.prefWidthProperty().bind(widthProperty());
            getChildren().add(flow);
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().addAll("lesson-span", style);
        return t;
    }

    /** The text shown, without styles, one block a line (tests). */
    public String plainText() {
        StringBuilder b = new StringBuilder();
        getChildren().forEach(n -> {
            ((TextFlow) n).getChildren().forEach(t -> b.append(((Text) t).getText()));
            b.append('\n');
        });
        return b.toString().strip();
    }
}
