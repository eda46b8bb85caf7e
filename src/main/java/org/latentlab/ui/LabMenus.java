package org.latentlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.latentlab.ui.lessons.Lesson;
import org.latentlab.ui.lessons.LessonViewModel;

/**
 * The window's menu bar: File → Open lesson…, View → Lessons panel and Presenter mode, and a Lessons menu with every
 * bundled lesson. Choosing a lesson or opening one shows the panel.
 */
final class LabMenus {

    private LabMenus() {
    }

    /**
     * @param openLesson asks for a lesson file and opens it
     * @param panelShown whether the lessons panel is shown (bound both ways to View → Lessons panel)
     * @param presenter  whether presenter mode is on (bound both ways to View → Presenter mode)
     */
    static MenuBar bar(Runnable openLesson, LessonViewModel lessons, BooleanProperty panelShown,
                       BooleanProperty presenter) {
        MenuItem open = new MenuItem("Open lesson…");
        open.setId("menu-open-lesson");
        open.setOnAction(e -> openLesson.run());
        Menu file = new Menu("File", null, open);
        file.setId("menu-file");

        CheckMenuItem panel = new CheckMenuItem("Lessons panel");
        panel.setId("menu-lessons-panel");
        panel.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        panel.selectedProperty().bindBidirectional(panelShown);
        CheckMenuItem present = new CheckMenuItem("Presenter mode");
        present.setId("menu-presenter");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        present.selectedProperty().bindBidirectional(presenter);
        Menu view = new Menu("View", null, panel, present);
        view.setId("menu-view");

        Menu list = new Menu("Lessons");
        list.setId("menu-lessons");
        fill(list, lessons, panelShown, openLesson);
        lessons.lessons().addListener((javafx.collections.ListChangeListener<Lesson>) c ->
                fill(list, lessons, panelShown, openLesson));
        MenuBar bar = new MenuBar(file, view, list);
        bar.setId("menu-bar");
        return bar;
    }

    private static void fill(Menu list, LessonViewModel lessons, BooleanProperty panelShown, Runnable openLesson) {
        list.getItems().clear();
        int i = 0;
        for (Lesson l : lessons.lessons()) {
            MenuItem item = new MenuItem(l.title());
            item.setId("menu-lesson-" + i++);
            item.setOnAction(e -> {
                panelShown.set(true);
                lessons.choose(l);
            });
            list.getItems().add(item);
        }
        MenuItem open = new MenuItem("Open lesson…");
        open.setOnAction(e -> openLesson.run());
        list.getItems().addAll(new SeparatorMenuItem(), open);
    }
}
