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
                        + " layer adds.", DbnDepthPane::new),
                new Study("wake-sleep", "Sigmoid belief nets: wake-sleep and explaining away", "A directed net of"
                        + " binary units learns MNIST by wake-sleep: watch the held-out bound rise and compare its"
                        + " generative and recognition filters. Then clamp the house on and see two independent causes"
                        + " explain each other away, which a factorised recognition net cannot show.",
                        WakeSleepPane::new),
                new Study("pca", "Deep autoencoder against PCA", "Held-out reconstructions by PCA and by a deep"
                        + " autoencoder with the same code size, both errors, and the 2-D codes of both coloured by"
                        + " digit: look for the classes PCA smears together.", PcaStudyPane::new),
                new Study("pretraining", "Pretraining against none", "One deep autoencoder from random weights,"
                        + " greedy autoencoder pretraining and a DBN, over seeds: held-out error curves and a table;"
                        + " look at the head start at iteration 0.", PretrainingStudyPane::new),
                new Study("hashing", "Semantic hashing", "A deep autoencoder's noise-trained code, thresholded to 32"
                        + " bits, retrieves digits by Hamming distance: compare its 10 nearest and precision with"
                        + " pixel distance, and see the code's activations pile up at 0 and 1.", HashingPane::new),
                new Study("anomalies", "Anomaly detection: MNIST against Fashion-MNIST", "An autoencoder's"
                        + " reconstruction error or an RBM's free energy, trained on MNIST, scores foreign images"
                        + " higher: the two histograms and the ROC curve show how well one threshold separates them.",
                        AnomaliesPane::new),
                new Study("dae-field", "DAE and CAE fields on a curve", "Both trained on a noisy"
                        + " circle; arrows r(x) - x over the plane point back to the curve (Alain and Bengio 2014).",
                        DaeFieldPane::new),
                new Study("ae-vs-vae", "AE against VAE latent spaces", "Interpolations through a plain autoencoder's"
                        + " and a VAE's 2-D codes, and both code scatters: where do the paths leave the digits?",
                        AeVsVaePane::new),
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
