package org.latentlab.experiment;

import org.latentlab.core.LabException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiments bundled with the lab, as JSON resources under {@code org/latentlab/experiment/presets/}: one
 * list for every family, in the order the window and the CLI list them. Each preset's family is recorded here and
 * checked against its file by a test, so a screen can list one family's presets without reading them all.
 */
public final class Presets {

    private static final Map<String, Family> CATALOGUE = catalogue(
            Family.GAN, List.of("ring8-nsgan", "ring8-minimax", "ring8-wgan", "ring8-wgangp", "ring8-lsgan",
                    "ring8-hinge", "ring8-fgan-kl", "ring8-fgan-reverse-kl", "ring8-minibatch", "ring8-pacgan",
                    "ring8-r1", "ring8-unrolled", "ring8-unrolled-exact", "ring8-fm", "ring8-ha", "ring8-sn",
                    "ring8-vbn", "ring8-pacgan-nsgan", "grid25-nsgan", "grid25-pacgan", "grid25-r1", "grid25-unrolled",
                    "grid25-unrolled-exact", "grid25-minibatch", "grid25-fm", "grid25-ha", "grid25-sn", "grid25-vbn",
                    "grid25-collapse", "grid25-collapse-r1", "spiral-nsgan", "mnist-mlp-gan", "fashion-dcgan",
                    "fashion-dcgan-vbn", "stacked-dcgan", "stacked-dcgan-pacgan",
                    "ring8-cgan", "mnist-cgan", "fashion-cdcgan",
                    "mnist-infogan", "ring8-infogan", "ring8-bigan", "mnist-bigan", "mnist-ebgan", "mnist-ebgan-pt",
                    "ring8-ebgan", "ring8-ebgan-pt", "ring8-pacgan-paper", "grid25-pacgan-paper", "ring8-veegan-paper",
                    "grid25-veegan-paper"),
            Family.AUTOENCODER, List.of("mnist-ae", "mnist-ae-overcomplete-tied", "mnist-ae-sparse", "mnist-ae-l1",
                    "mnist-dae", "mnist-dae-gaussian", "mnist-cae", "mnist-conv-ae", "mnist-deep-ae",
                    "mnist-deep-ae-dbn", "mnist-deep-ae-scratch", "mnist-deep-ae-small", "mnist-deep-ae-2d",
                    "mnist-ae-2d", "mnist-hash"),
            Family.VAE, List.of("mnist-vae", "mnist-vae-2d", "fashion-vae"),
            Family.AUTOENCODER, List.of("ring8-ae-2d", "curve-dae-2d", "curve-cae-2d"),
            Family.RBM, List.of("mnist-rbm", "mnist-rbm-pcd", "mnist-dbn", "mnist-dbn3"),
            Family.SBN, List.of("mnist-sbn", "mnist-sbn-shallow"),
            Family.CYCLEGAN, List.of("moons-to-ring-cyclegan", "mnist-inverted-cyclegan"),
            Family.VAEGAN, List.of("mnist-vaegan", "fashion-vaegan"),
            Family.AAE, List.of("mnist-aae-gaussian", "mnist-aae-mixture", "mnist-aae-swissroll",
                    "mnist-aae-supervised"));

    /**
     * The bundled classifiers ({@code "family": "classifier"}, {@link ClassifierSpec}), apart from the training
     * benches' presets: they are trained into the models folder by {@link ClassifierModels}, not run on a bench.
     */
    private static final List<String> CLASSIFIERS = List.of("mnist-classifier", "fashion-classifier",
            "mnist-tangent-prop", "mnist-sharp-flat", "mnist-random-labels");

    /** Every bundled preset, GANs first; the first is the window's default. */
    public static final List<String> NAMES = List.copyOf(CATALOGUE.keySet());

    private Presets() {
    }

    private static Map<String, Family> catalogue(Object... familyThenNames) {
        Map<String, Family> m = new LinkedHashMap<>();
        for (int i = 0; i < familyThenNames.length; i += 2) {
            for (Object name : (List<?>) familyThenNames[i + 1]) {
                m.put((String) name, (Family) familyThenNames[i]);
            }
        }
        return Collections.unmodifiableMap(m);
    }

    public static String defaultName() {
        return NAMES.get(0);
    }

    /** The family of a bundled preset. */
    public static Family family(String name) {
        Family f = CATALOGUE.get(name);
        if (f == null) {
            throw unknown(name);
        }
        return f;
    }

    /** The bundled GAN presets, in listing order. */
    public static List<String> gans() {
        return names(f -> f == Family.GAN);
    }

    /** The bundled autoencoder, VAE and RBM presets, in listing order. */
    public static List<String> reconstructions() {
        return names(Family::reconstructs);
    }

    /** The bundled sigmoid belief net presets, in listing order. */
    public static List<String> sbns() {
        return names(f -> f == Family.SBN);
    }

    /** The bundled CycleGAN presets, in listing order. */
    public static List<String> cyclegans() {
        return names(f -> f == Family.CYCLEGAN);
    }

    /** The bundled adversarial autoencoder presets, in listing order. */
    public static List<String> aaes() {
        return names(f -> f == Family.AAE);
    }

    /** The presets the autoencoder / VAE / RBM bench lists: those families', then the sigmoid belief nets. */
    public static List<String> modelBench() {
        return names(Family::onModelBench);
    }

    /** Whether {@code name} is a bundled preset the autoencoder / VAE / RBM bench trains. */
    public static boolean onModelBench(String name) {
        Family f = CATALOGUE.get(name);
        return f != null && f.onModelBench();
    }

    /** Whether {@code name} is a bundled autoencoder / VAE / RBM preset. */
    public static boolean reconstructs(String name) {
        Family f = CATALOGUE.get(name);
        return f != null && f.reconstructs();
    }

    private static List<String> names(java.util.function.Predicate<Family> which) {
        List<String> out = new ArrayList<>();
        CATALOGUE.forEach((n, f) -> {
            if (which.test(f)) {
                out.add(n);
            }
        });
        return List.copyOf(out);
    }

    /** Any bundled preset, of whatever family its file names. */
    public static Experiment<?> load(String name) {
        return ExperimentFiles.parse(text(name), "preset " + name);
    }

    public static GanExperiment loadGan(String name) {
        return ExperimentFiles.parseGan(text(name), "preset " + name);
    }

    public static ReconstructionExperiment loadReconstruction(String name) {
        return ExperimentFiles.parseReconstruction(text(name), "preset " + name);
    }

    /** A bundled sigmoid belief net experiment. */
    public static SbnExperiment loadSbn(String name) {
        return ExperimentFiles.parseSbn(text(name), "preset " + name);
    }

    /** The bundled VAE-GAN presets, in listing order. */
    public static List<String> vaeGans() {
        return names(f -> f == Family.VAEGAN);
    }

    /** A bundled VAE-GAN experiment. */
    public static VaeGanExperiment loadVaeGan(String name) {
        return ExperimentFiles.parseVaeGan(text(name), "preset " + name);
    }

    /** A bundled adversarial autoencoder experiment. */
    public static AaeExperiment loadAae(String name) {
        return ExperimentFiles.parseAae(text(name), "preset " + name);
    }

    /** A bundled experiment the autoencoder / VAE / RBM bench trains (a GAN preset is refused with a message). */
    public static Experiment<org.latentlab.train.ReconstructionStatus> loadModel(String name) {
        return ExperimentFiles.parseModel(text(name), "preset " + name);
    }

    public static List<GanExperiment> allGans() {
        return gans().stream().map(Presets::loadGan).toList();
    }

    public static List<ReconstructionExperiment> allReconstructions() {
        return reconstructions().stream().map(Presets::loadReconstruction).toList();
    }

    /** The bundled classifier experiments, in listing order. */
    public static List<String> classifiers() {
        return CLASSIFIERS;
    }

    /** A bundled classifier experiment. */
    public static ClassifierSpec loadClassifier(String name) {
        if (!CLASSIFIERS.contains(name)) {
            throw new LabException("no classifier preset named '" + name + "' (known: " + String.join(", ",
                    CLASSIFIERS) + ")");
        }
        return ExperimentFiles.parseClassifier(text(name), "preset " + name);
    }

    /** The JSON text of any bundled preset. */
    public static String text(String name) {
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw unknown(name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot read preset " + name + ": " + e.getMessage(), e);
        }
    }

    private static LabException unknown(String name) {
        return new LabException("no preset named '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
}
