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
                new Study("tangent-prop", "Tangent Prop: invariance along the manifold", "The same small MLP"
                        + " trained on 300 MNIST digits plain and with Tangent Prop along classic tangents (shifts,"
                        + " rotation, scaling) or an autoencoder's: look at the tangents, then at the accuracy on"
                        + " shifted and rotated test digits.", TangentPropPane::new)
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
