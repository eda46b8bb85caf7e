package org.latentlab.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.scene.control.ComboBox;

/**
 * A bench's preset list and what it does before another experiment replaces the one on the bench.
 *
 * <p>The list always names the experiment on the bench: a preset is selected; any other experiment (a file, a
 * design from the network builder) is put at the top of the list under its own name (a combo box does not reliably
 * draw a value that is not one of its items). Loading another experiment while the current one runs or has progress
 * asks first: pause keeps it (paused), discard loads the other one, cancel keeps everything; unless the other one is
 * loaded, the list goes back to the current one.
 */
public final class PresetChoice {

    private final ComboBox<String> list;
    private final List<String> presets;
    private final Supplier<String> current;
    private final Supplier<String> progressAtRisk;
    private final Runnable pause;
    private ReplaceRunDialog.Asker asker;
    private boolean showing;

    /**
     * @param current        the name of the experiment on the bench
     * @param progressAtRisk what replacing it would lose ("120 iterations, running"), or null when nothing
     * @param pause          pauses the current experiment
     * @param pick           loads a preset the user picked (through {@link #replace})
     */
    public PresetChoice(ComboBox<String> list, List<String> presets, ReplaceRunDialog.Asker asker,
                        Supplier<String> current, Supplier<String> progressAtRisk, Runnable pause,
                        Consumer<String> pick) {
        this.list = list;
        this.presets = List.copyOf(presets);
        this.asker = asker;
        this.current = current;
        this.progressAtRisk = progressAtRisk;
        this.pause = pause;
        list.getItems().setAll(presets);
        list.setOnAction(e -> {
            String name = list.getValue();
            if (!showing && name != null && this.presets.contains(name)) {
                pick.accept(name);
            }
        });
    }

    /** Names {@code name} in the list without loading anything. */
    public void show(String name) {
        showing = true;
        try {
            List<String> items = new ArrayList<>();
            if (name != null && !presets.contains(name)) {
                items.add(name);
            }
            items.addAll(presets);
            if (!list.getItems().equals(items)) {
                list.getItems().setAll(items);
            }
            list.getSelectionModel().select(name);
        } finally {
            showing = false;
        }
    }

    /** Runs {@code load}, which puts {@code next} on the bench, asking first when that loses progress. */
    public void replace(String next, Runnable load) {
        String risk = progressAtRisk.get();
        if (risk == null) {
            load.run();
            return;
        }
        String now = current.get();
        asker.ask(now, risk, next, choice -> {
            switch (choice) {
                case DISCARD -> load.run();
                case PAUSE -> {
                    pause.run();
                    show(now);
                }
                case CANCEL -> show(now);
            }
        });
    }

    /** How to ask before replacing an experiment (tests: {@link ReplaceRunDialog.Asker#always}). */
    public void setAsker(ReplaceRunDialog.Asker asker) {
        this.asker = asker;
    }
}
