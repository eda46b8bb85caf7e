package org.latentlab.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Asks before a bench replaces an experiment that is running or has progress: pause it and stay, discard it and
 * load the other one, or cancel. The dialog is not modal-blocking (the FX thread never waits in
 * {@code showAndWait}); the answer arrives through a callback. Tests either click its buttons by id
 * ({@code #replaceDialog}, {@code #replacePause}, {@code #replaceDiscard}, {@code #replaceCancel}) or install a
 * fixed answer with {@link Asker#always(Choice)}.
 */
public final class ReplaceRunDialog {

    /** What to do with the experiment that would be replaced. */
    public enum Choice {
        /** Pause the current experiment and keep it; the other one is not loaded. */
        PAUSE,
        /** Throw the current experiment away and load the other one. */
        DISCARD,
        /** Keep everything as it is. */
        CANCEL
    }

    /** How a bench asks; the default shows {@link ReplaceRunDialog}, tests may answer directly. */
    @FunctionalInterface
    public interface Asker {
        /**
         * Asks whether {@code current} (described by {@code progress}) may be replaced by {@code next}; calls
         * {@code answer} on the FX thread, once.
         */
        void ask(String current, String progress, String next, Consumer<Choice> answer);

        /** An asker that never shows a dialog and always gives {@code choice} (tests, scripted sessions). */
        static Asker always(Choice choice) {
            return (current, progress, next, answer) -> answer.accept(choice);
        }

        /** The dialog, owned by {@code owner}. */
        static Asker dialog(Window owner) {
            return (current, progress, next, answer) -> show(owner, current, progress, next, answer);
        }
    }

    static final ButtonType PAUSE = new ButtonType("Pause it", ButtonBar.ButtonData.OTHER);
    static final ButtonType DISCARD = new ButtonType("Discard and load", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private ReplaceRunDialog() {
    }

    /** The question, for the dialog and for tests. */
    public static String question(String current, String progress, String next) {
        return "'" + current + "' has " + progress + ". Loading '" + next + "' discards it (its run folder keeps"
                + " what was saved). Pause it to keep it, discard it and load '" + next + "', or cancel.";
    }

    private static void show(Window owner, String current, String progress, String next, Consumer<Choice> answer) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question(current, progress, next), PAUSE, DISCARD,
                CANCEL);
        alert.setTitle("Replace the experiment?");
        alert.setHeaderText("Replace '" + current + "' with '" + next + "'?");
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.getDialogPane().setId("replaceDialog");
        ((Button) alert.getDialogPane().lookupButton(PAUSE)).setId("replacePause");
        ((Button) alert.getDialogPane().lookupButton(DISCARD)).setId("replaceDiscard");
        ((Button) alert.getDialogPane().lookupButton(CANCEL)).setId("replaceCancel");
        ((Button) alert.getDialogPane().lookupButton(DISCARD)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(CANCEL)).setDefaultButton(true);
        alert.setOnHidden(e -> {
            ButtonType b = alert.getResult();
            answer.accept(b == PAUSE ? Choice.PAUSE : b == DISCARD ? Choice.DISCARD : Choice.CANCEL);
        });
        alert.show();
    }
}
