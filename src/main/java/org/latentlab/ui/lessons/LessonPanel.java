package org.latentlab.ui.lessons;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lessons side panel: the list of lessons, the lesson's title, "step k of n", the step's title and text, what
 * to look for, what the step's action did, and Back / Do again / Next. It only lays out and binds; the
 * {@link LessonViewModel} holds the lesson and performs the actions.
 */
public final class LessonPanel extends BorderPane {

    private final LessonViewModel vm;
    private final LessonTextFlow text = new LessonTextFlow();
    private final LessonTextFlow lookFor = new LessonTextFlow();

    public LessonPanel(LessonViewModel vm, Runnable openFile) {
        this.vm = vm;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");

        ComboBox<Lesson> choice = new ComboBox<>(vm.lessons());
        choice.setId("lesson-choice");
        choice.setPromptText("choose a lesson");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.valueProperty().addListener((o, a, l) -> vm.choose(l));
        vm.lessonProperty().addListener((o, a, l) -> choice.setValue(l));
        HBox.setHgrow(choice, Priority.ALWAYS);
        Button open = new Button("Open…");
        open.setId("lesson-open");
        open.setTooltip(new Tooltip("Open a lesson file (JSON) of your own"));
        open.setOnAction(e -> openFile.run());
        open.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, choice, open);
        top.setAlignment(Pos.CENTER_LEFT);

        Label title = label("lesson-title", "lesson-title");
        title.textProperty().bind(vm.lessonProperty().map(Lesson::title).orElse("Lessons"));
        Label summary = label("lesson-summary", "lesson-summary");
        summary.textProperty().bind(vm.lessonProperty().map(Lesson::summary).orElse(
                "Pick a lesson: each walks the class through an experiment, one step at a time. Next performs the"
                        + " step's action (a preset loaded, a run to an iteration, a tab shown)."));
        Label position = label("lesson-position", "lesson-position");
        position.textProperty().bind(vm.positionProperty());
        Label stepTitle = label("lesson-step-title", "lesson-step-title");
        stepTitle.textProperty().bind(vm.stepProperty().map(LessonStep::title).orElse(""));
        text.setId("lesson-text");
        lookFor.setId("lesson-look-for");
        Label lookTitle = label("lesson-look-title", "lesson-look-title");
        lookTitle.setText("What to look for");
        VBox lookBox = new VBox(4, lookTitle, lookFor);
        lookBox.getStyleClass().add("lesson-look");
        vm.stepProperty().addListener((o, a, s) -> {
            text.show(s == null ? "" : s.text());
            lookFor.show(s == null || s.lookFor() == null ? "" : s.lookFor());
            boolean look = s != null && s.lookFor() != null;
            lookBox.setVisible(look);
            lookBox.setManaged(look);
        });
        lookBox.setVisible(false);
        lookBox.setManaged(false);

        VBox body = new VBox(10, title, summary, position, stepTitle, text, lookBox);
        body.setPadding(new Insets(4, 4, 8, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("lesson-scroll");

        Label message = label("lesson-message", "lesson-message");
        message.textProperty().bind(vm.messageProperty());
        vm.messageIsErrorProperty().addListener((o, a, bad) -> {
            message.getStyleClass().remove("message-error");
            if (bad) {
                message.getStyleClass().add("message-error");
            }
        });
        Button back = new Button("◀ Back");
        back.setId("lesson-back");
        back.disableProperty().bind(vm.canBackProperty().not());
        back.setOnAction(e -> vm.back());
        Button again = new Button("Do again");
        again.setId("lesson-again");
        again.setTooltip(new Tooltip("Perform this step's action once more"));
        again.disableProperty().bind(vm.stepProperty().map(s -> s.action() == null).orElse(true));
        again.setOnAction(e -> vm.again());
        Button next = new Button("Next ▶");
        next.setId("lesson-next");
        next.setDefaultButton(false);
        next.disableProperty().bind(vm.canNextProperty().not());
        next.setOnAction(e -> vm.next());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6, back, again, gap, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, message, buttons);
        bottom.setPadding(new Insets(6, 0, 0, 0));

        setTop(top);
        setCenter(scroll);
        setBottom(bottom);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        setPadding(new Insets(8));
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    public LessonViewModel viewModel() {
        return vm;
    }
}
