package org.latentlab.ui.geometry;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * A section's progress bar, Cancel button and message, bound to its {@link SectionTasks}: the bar follows the job
 * in flight, Cancel is enabled while one runs and stops it, and the message says what happens or went wrong.
 */
final class TaskBar extends HBox {

    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();

    /** @param idPrefix prefix of the node ids, e.g. {@code surface} gives {@code surface-progress} */
    TaskBar(String idPrefix, SectionTasks tasks) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        progress.setPrefWidth(200);
        progress.setId(idPrefix + "-progress");
        progress.progressProperty().bind(tasks.progressProperty());
        message.setId(idPrefix + "-message");
        message.setMinWidth(120);
        message.textProperty().bind(tasks.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId(idPrefix + "-cancel");
        cancel.disableProperty().bind(tasks.busyProperty().not());
        cancel.setOnAction(e -> tasks.cancel());
        getChildren().addAll(progress, cancel, message);
    }
}
