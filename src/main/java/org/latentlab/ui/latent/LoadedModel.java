package org.latentlab.ui.latent;

import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.StudioModels.Studio;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.EncodedSet;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.ModelKind;
import org.latentlab.latent.PrincipalComponents;

import java.util.List;
import java.util.TreeSet;

/**
 * What the studio's screens know about the model open (immutable, made on the model's thread): its kind and
 * shape, its code prior, the slider ranges, the examples to pick from and their codes (encoded, or found by
 * inversion for a GAN) with their principal plane.
 */
public record LoadedModel(String name, String description, ModelKind kind, int codeSize, ImageShape shape,
                          ImageScale scale, boolean hasEncoder, CodePrior prior, double[] sliderMin,
                          double[] sliderMax, ExampleSet examples, boolean heldOut, EncodedSet encoded,
                          PrincipalComponents pca, List<Integer> classes, List<String> generatorClasses,
                          boolean infoGan, int continuousCodes) {
    // infoGan: an InfoGAN's G (Chen et al. 2016), generatorClasses the values of its categorical code and the
    // code's last continuousCodes values its continuous codes

    /** Whether the model is a conditional G, decoding every code with a chosen class of {@link #generatorClasses}. */
    public boolean conditional() {
        return !generatorClasses.isEmpty();
    }

    /** Examples encoded to fit a prior, place on the plane and average into attribute vectors. */
    static final int ENCODED_EXAMPLES = 1000;

    /**
     * On the model's thread: encodes the examples (when the model has an encoder), fits the prior to them when the
     * model has none, the principal plane of the codes, and slider ranges covering ±3 prior standard deviations
     * and every encoded code.
     */
    static LoadedModel describe(Studio studio, LatentModel m, long seed) {
        int k = m.codeSize();
        EncodedSet encoded = null;
        PrincipalComponents pca = null;
        if (m.hasEncoder()) {
            encoded = m.encode(studio.examples(), ENCODED_EXAMPLES, seed);
            if (m.prior().isEmpty()) {
                m.setPrior(CodePrior.fit(encoded.codes()));
            }
            pca = principalPlane(encoded, k);
        }
        CodePrior prior = m.prior().orElseThrow();
        double[] sd = prior.marginalStd();
        double[] min = new double[k];
        double[] max = new double[k];
        for (int j = 0; j < k; j++) {
            min[j] = prior.mean()[j] - 3 * sd[j];
            max[j] = prior.mean()[j] + 3 * sd[j];
        }
        if (encoded != null) {
            for (double[] c : encoded.codes()) {
                for (int j = 0; j < k; j++) {
                    min[j] = Math.min(min[j], c[j]);
                    max[j] = Math.max(max[j], c[j]);
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (!(max[j] > min[j])) {
                min[j] -= 1;
                max[j] += 1;
            }
        }
        return new LoadedModel(studio.name(), studio.description() + "; " + m, m.kind(), k, m.shape(), m.scale(),
                m.hasEncoder(), prior, min, max, studio.examples(), studio.heldOut(), encoded, pca,
                classesOf(encoded), m.labelNames(), m.isInfoGan(), m.continuousCodes());
    }

    /** The same model with codes of examples found another way (inversion of a GAN) and their principal plane. */
    LoadedModel withEncoded(EncodedSet set) {
        return new LoadedModel(name, description, kind, codeSize, shape, scale, hasEncoder, prior, sliderMin,
                sliderMax, examples, heldOut, set, principalPlane(set, codeSize), classesOf(set),
                generatorClasses, infoGan, continuousCodes);
    }

    private static PrincipalComponents principalPlane(EncodedSet set, int codeSize) {
        return codeSize >= 2 && set.size() > 2 ? PrincipalComponents.fit(set.codes(), 2) : null;
    }

    private static List<Integer> classesOf(EncodedSet set) {
        TreeSet<Integer> classes = new TreeSet<>();
        if (set != null && set.isLabelled()) {
            for (int c : set.labels()) {
                if (c >= 0) {
                    classes.add(c);
                }
            }
        }
        return List.copyOf(classes);
    }

    public boolean labelled() {
        return encoded != null && encoded.isLabelled();
    }

    public String className(int label) {
        return examples.labelName(label);
    }

    /**
     * A random code: the prior's draw, with an InfoGAN's continuous codes (the code's last values) drawn U(−1, 1) as
     * in its training (Chen et al. 2016, section 7).
     */
    public double[] randomCode(java.util.Random r) {
        double[] z = prior.sample(r);
        for (int j = codeSize - continuousCodes; j < codeSize; j++) {
            z[j] = 2 * r.nextDouble() - 1;
        }
        return z;
    }

    /** {@code n} random codes as {@link #randomCode(java.util.Random)} draws them. */
    public double[][] randomCodes(int n, java.util.Random r) {
        double[][] z = prior.sample(n, r);
        for (double[] row : z) {
            for (int j = codeSize - continuousCodes; j < codeSize; j++) {
                row[j] = 2 * r.nextDouble() - 1;
            }
        }
        return z;
    }

    /** "held-out example" or "training example", for labels. */
    public String exampleNoun() {
        return heldOut ? "held-out example" : "training example";
    }

    /** Example {@code index} as display values in [0, 1] (examples are data values in the model's range). */
    public float[] exampleDisplay(int index) {
        return LatentModel.toDisplay(examples.example(index), scale);
    }

    /** Null when {@code index} names an example, else the message saying which indices do. */
    String exampleProblem(int index) {
        return index >= 0 && index < examples.size() ? null
                : "example indices are 0 to " + (examples.size() - 1) + ", not " + index;
    }
}
