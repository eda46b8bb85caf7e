package org.latentlab.ui.studies;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The studies, in the order of the lectures. Each entry builds its own pane. */
public final class Studies {

    private Studies() {
    }

    /** Every study, in the order the list shows them. */
    public static List<Study> all() {
        return List.of(
                new Study("dbn-depth", "A DBN sampled by depth", "Samples of the DBNs made of one trained stack's"
                        + " first 1, 2 and 3 RBMs side by side (Gibbs in the top RBM, one pass down): see what each"
                        + " layer adds.", DbnDepthPane::new)
        );
    }

    /** The study named {@code id}, if there is one. */
    public static Optional<Study> find(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.id().equals(key)).findFirst();
    }

    /** The ids, for messages. */
    public static String ids() {
        return String.join(", ", all().stream().map(Study::id).toList());
    }
}
