package org.latentlab.ui;

import javafx.application.Application;

/**
 * The main class: a plain class that launches {@link LabApp}. (Launching an Application subclass directly from the
 * class path fails with "JavaFX runtime components are missing".) {@code mvn -q exec:java} starts here.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(LabApp.class, args);
    }
}
