package org.latentlab.ui.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * A nested record shown as a titled group: its path ({@code ""} for the experiment itself, {@code "training"},
 * {@code "training.generatorOptimizer"}), its title, its own fields and its groups, in the record's order.
 */
public record SettingGroup(String path, String title, List<SettingField> fields, List<SettingGroup> groups) {

    public SettingGroup {
        fields = List.copyOf(fields);
        groups = List.copyOf(groups);
    }

    /** Every field of this group and of the groups inside it, depth first. */
    public List<SettingField> allFields() {
        List<SettingField> out = new ArrayList<>(fields);
        for (SettingGroup g : groups) {
            out.addAll(g.allFields());
        }
        return out;
    }
}
