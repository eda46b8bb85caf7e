package org.latentlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The session items of the window's File menu: Save session… (Ctrl+S) and Open session… pick a session file
 * ({@link LabSession}) and hand it to the window, which saves or restores itself.
 */
final class LabMenuBar {

    private File lastFolder;

    /** Puts the session items first in {@code bar}'s File menu (made first in the bar when it has none). */
    static void addSessionItems(MenuBar bar, Window owner, Consumer<Path> save, Consumer<Path> open) {
        new LabMenuBar().add(bar, owner, save, open);
    }

    private LabMenuBar() {
    }

    private void add(MenuBar bar, Window owner, Consumer<Path> save, Consumer<Path> open) {
        MenuItem saveItem = new MenuItem("Save session…");
        saveItem.setId("menu-save-session");
        saveItem.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        saveItem.setOnAction(e -> {
            File f = chooser("Save the session: tabs, experiments, runs, views").showSaveDialog(owner);
            if (f != null) {
                lastFolder = f.getParentFile();
                save.accept(f.getName().contains(".") ? f.toPath() : Path.of(f.getPath() + ".json"));
            }
        });
        MenuItem openItem = new MenuItem("Open session…");
        openItem.setId("menu-open-session");
        openItem.setOnAction(e -> {
            File f = chooser("Open a saved session").showOpenDialog(owner);
            if (f != null) {
                lastFolder = f.getParentFile();
                open.accept(f.toPath());
            }
        });
        Menu file = bar.getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().orElse(null);
        if (file == null) {
            file = new Menu("File");
            file.setId("menu-file");
            bar.getMenus().add(0, file);
        }
        boolean others = !file.getItems().isEmpty();
        file.getItems().addAll(0, java.util.List.of(saveItem, openItem));
        if (others) {
            file.getItems().add(2, new javafx.scene.control.SeparatorMenuItem());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Latent Lab session (*.json)", "*.json"));
        c.setInitialFileName("session.json");
        if (lastFolder != null && lastFolder.isDirectory()) {
            c.setInitialDirectory(lastFolder);
        }
        return c;
    }
}
