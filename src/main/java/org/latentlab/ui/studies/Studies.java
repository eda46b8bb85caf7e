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
                new Study("wake-sleep", "Sigmoid belief nets: wake-sleep and explaining away", "A directed net of"
                        + " binary units learns MNIST by wake-sleep: watch the held-out bound rise and compare its"
                        + " generative and recognition filters. Then clamp the house on and see two independent causes"
                        + " explain each other away, which a factorised recognition net cannot show.",
                        WakeSleepPane::new)
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
