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
                new Study("hashing", "Semantic hashing", "A deep autoencoder's noise-trained code, thresholded to 32"
                        + " bits, retrieves digits by Hamming distance: compare its 10 nearest and precision with"
                        + " pixel distance, and see the code's activations pile up at 0 and 1.", HashingPane::new),
                new Study("anomalies", "Anomaly detection: MNIST against Fashion-MNIST", "An autoencoder's"
                        + " reconstruction error or an RBM's free energy, trained on MNIST, scores foreign images"
                        + " higher: the two histograms and the ROC curve show how well one threshold separates them.",
                        AnomaliesPane::new)
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
