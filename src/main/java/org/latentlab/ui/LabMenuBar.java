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
 * The window's menu bar. File: Save session… (Ctrl+S) and Open session… pick a session file
 * ({@link LabSession}) and hand it to the window, which saves or restores itself. Other menus go after File.
 */
final class LabMenuBar extends MenuBar {

    private File lastFolder;

    LabMenuBar(Window owner, Consumer<Path> save, Consumer<Path> open) {
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
        Menu file = new Menu("File", null, saveItem, openItem);
        file.setId("menu-file");
        getMenus().add(file);
        setId("lab-menu-bar");
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
