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
                        ReluLecturePane::new),
                new Study("random-labels", "Random labels: memorising without generalising", "One MLP fits 1,000"
                        + " MNIST digits with true labels, shuffled labels and Gaussian inputs alike (Zhang et al."
                        + " 2017): training accuracy reaches 100 % every time, held-out accuracy does not.",
                        RandomLabelsPane::new),
                new Study("sensitivity", "Sensitivity and generalisation", "The norm of a classifier's input-output"
                        + " Jacobian at held-out digits against its generalisation gap, over runs with more or less"
                        + " label noise (Novak et al. 2018): the less a network generalises, the more its output moves.",
                        SensitivityPane::new),
                new Study("sharp-flat", "Sharp and flat minima",
                        "The same MLP trained with a small and a large batch: the top Hessian eigenvalue, the loss"
                                + " along random filter-normalised directions and on the line between the two"
                                + " minima, and their held-out accuracy (Keskar et al. 2017).",
                        SharpFlatPane::new),
                new Study("deep-linear", "Deep linear networks beyond two weights",
                        "L(w) = (1 − w₁…w_d)²: the loss over two weights, and the Hessian at the origin (zero"
                                + " beyond depth 2), at a global minimum and at a saddle, in closed form.",
                        DeepLinearPane::new)
        );
    }

    /** The lecture study named {@code id}, if there is one. */
    public static Optional<Study> find(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(s -> s.id().equals(key)).findFirst();
    }
}
