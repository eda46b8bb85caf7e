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
                new Study("random-labels", "Random labels: memorising without generalising", "One MLP fits 1,000"
                        + " MNIST digits with true labels, shuffled labels and Gaussian inputs alike (Zhang et al."
                        + " 2017): training accuracy reaches 100 % every time, held-out accuracy does not.",
                        RandomLabelsPane::new),
                new Study("sensitivity", "Sensitivity and generalisation", "The norm of a classifier's input-output"
                        + " Jacobian at held-out digits against its generalisation gap, over runs with more or less"
                        + " label noise (Novak et al. 2018): the less a network generalises, the more its output moves.",
                        SensitivityPane::new)
        );
    }

    /** The lecture study named {@code id}, if there is one. */
    public static Optional<Study> find(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.id().equals(key)).findFirst();
    }
}
