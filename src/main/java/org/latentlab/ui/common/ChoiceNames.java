package org.latentlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ComboBox;

/**
 * Shows the name of the experiment on a bench in its preset list. A preset is selected; any other experiment (a
 * file, a design from the network builder) is put at the top of the list under its own name, so the list shows it
 * (a combo box does not reliably draw a value that is not one of its items) and never names one that is not loaded.
 */
public final class ChoiceNames {

    private ChoiceNames() {
    }

    public static void show(ComboBox<String> list, List<String> presets, String name) {
        List<String> items = new ArrayList<>();
        if (name != null && !presets.contains(name)) {
            items.add(name);
        }
        items.addAll(presets);
        if (!list.getItems().equals(items)) {
            list.getItems().setAll(items);
        }
        list.getSelectionModel().select(name);
    }
}
