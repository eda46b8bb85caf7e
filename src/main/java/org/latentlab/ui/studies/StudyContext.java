package org.latentlab.ui.studies;

import javafx.stage.Window;
import org.latentlab.core.TaskRunner;

import java.nio.file.Path;

/**
 * What a study's pane may use: the window (for file dialogs), the worker its computations run on (never the FX
 * thread) and the folder runs are written under.
 */
public record StudyContext(Window owner, TaskRunner runner, Path runsRoot) {
}
