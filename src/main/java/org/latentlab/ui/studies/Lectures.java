package org.latentlab.ui.studies;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The theory lectures, shown as studies in the geometry bench's "Theory lectures" tab: expressiveness,
 * generalisation, sharp and flat minima, in the order of the lectures. Each entry builds its own pane.
 */
public final class Lectures {

    private Lectures() {
    }

    /** Every lecture study, in the order the list shows them. */
    public static List<Study> all() {
        return List.of(
                new Study("relu-pieces", "What depth buys: linear pieces and regions of ReLU nets",
                        "A ReLU net fitted live, with its exact kinks (1-D) or linear regions (2-D); pieces against"
                                + " depth at equal parameter count, Telgarsky's sawtooth, and deep against shallow"
                                + " for x² (Yarotsky 2017).",
                        ReluLecturePane::new)
        );
    }

    /** The lecture study named {@code id}, if there is one. */
    public static Optional<Study> find(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.id().equals(key)).findFirst();
    }
}
