package org.latentlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.latentlab.core.LabException;
import org.latentlab.ui.lessons.Lesson;
import org.latentlab.ui.lessons.LessonFiles;
import org.latentlab.ui.lessons.LessonPanel;
import org.latentlab.ui.lessons.LessonViewModel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts the lessons into the window: the menu bar on top, the lessons panel on the right (shown from View → Lessons
 * panel, the Lessons menu or {@code --lesson}), presenter mode as the style class {@code presenter} on the scene's
 * root (View → Presenter mode, F5, {@code --presenter}); {@code lessons.css} scales the fonts from there.
 */
final class LessonsSetup {

    /** The style class presenter mode puts on the scene's root. */
    static final String PRESENTER = "presenter";

    private final BooleanProperty panelShown = new SimpleBooleanProperty(false);
    private final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private final LessonViewModel lessons;

    private LessonsSetup(LessonViewModel lessons) {
        this.lessons = lessons;
    }

    /** Installs the menus, panel and presenter mode in {@code root}; a problem becomes a line in {@code messages}. */
    static LessonsSetup install(Window owner, BorderPane root, LaunchPlan plan, WindowLessonStage.Benches benches,
                                List<String> messages) {
        List<Lesson> bundled;
        try {
            bundled = LessonFiles.bundled().stream().map(LessonFiles.Bundled::lesson).toList();
        } catch (LabException e) {
            messages.add("lessons: " + e.getMessage());
            bundled = List.of();
        }
        LessonsSetup setup = new LessonsSetup(new LessonViewModel(new WindowLessonStage(benches), bundled));
        LessonPanel panel = new LessonPanel(setup.lessons, () -> setup.open(owner));
        root.getStylesheets().add(LabApp.class.getResource("lessons.css").toExternalForm());
        root.setTop(LabMenus.bar(() -> setup.open(owner), setup.lessons, setup.panelShown, setup.presenter));
        setup.panelShown.addListener((o, a, on) -> root.setRight(on ? panel : null));
        setup.presenter.addListener((o, a, on) -> {
            root.getStyleClass().remove(PRESENTER);
            if (on) {
                root.getStyleClass().add(PRESENTER);
            }
        });
        setup.presenter.set(plan.presenter());
        if (plan.lesson() != null) {
            setup.panelShown.set(true);
            // after the window has applied its other options (its tab, presets), which the lesson's first step
            // may change
            javafx.application.Platform.runLater(() -> LessonFiles.find(plan.lesson()).ifPresentOrElse(
                    b -> setup.lessons.choose(b.lesson()), () -> setup.lessons.open(Path.of(plan.lesson()))));
        }
        return setup;
    }

    private void open(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson (JSON)", "*.json"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            panelShown.set(true);
            lessons.open(f.toPath());
        }
    }

    BooleanProperty presenterProperty() {
        return presenter;
    }

    BooleanProperty panelShownProperty() {
        return panelShown;
    }
}
