package org.latentlab.ui;

import javafx.application.Application;
import org.latentlab.train.Backend;

import java.util.List;

/**
 * The main class: a plain class that launches {@link LabApp}, or with {@code --help} prints the window's options
 * ({@link LaunchPlan#usage()}) instead. (Launching an Application subclass directly from the class path fails with
 * "JavaFX runtime components are missing".) {@code mvn -q exec:java} starts here.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (LaunchPlan.helpRequested(List.of(args))) {
            System.out.print(LaunchPlan.usage());
            return;
        }
        Backend.loadNatives(); // before the toolkit's own libraries load, never beside them (see loadNatives)
        Application.launch(LabApp.class, args);
    }
}
