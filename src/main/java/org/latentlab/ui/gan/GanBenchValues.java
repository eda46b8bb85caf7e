package org.latentlab.ui.gan;

import org.latentlab.ui.common.ValueTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GAN bench's settings as paths: the learning rates and k ({@link GanSettingsForm}) and the remedies a run takes
 * while it trains ({@link GanRemediesForm}). Setting fills the bench's own fields and presses its Apply, so a value
 * set here is checked, refused and shown exactly as one typed by a person.
 */
public final class GanBenchValues implements ValueTarget {

    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put("gan.lr.d", "D's learning rate (e.g. 1e-3)");
        PATHS.put("gan.lr.g", "G's learning rate (e.g. 1e-4)");
        PATHS.put("gan.k", "k, D's updates per iteration (a whole number >= 1)");
        PATHS.put("gan.r1", "R1's gamma (0 = off)");
        PATHS.put("gan.ha", "historical averaging's lambda (0 = off)");
        PATHS.put("gan.unroll", "unrolled GAN's k (0 = off)");
        PATHS.put("gan.feature-matching", "a hidden layer of D for feature matching, or off");
    }

    private final GanBenchViewModel vm;

    public GanBenchValues(GanBenchViewModel vm) {
        this.vm = vm;
    }

    /** The paths, without a bench (to check a lesson file before any window exists). */
    public static List<String> known() {
        return List.copyOf(PATHS.keySet());
    }

    @Override
    public List<String> paths() {
        return known();
    }

    @Override
    public Map<String, String> describe() {
        return Map.copyOf(PATHS);
    }

    @Override
    public String set(Map<String, String> values) {
        if (vm.specProperty().get() == null) {
            return "no GAN on the bench yet";
        }
        for (String p : values.keySet()) {
            if (!PATHS.containsKey(p)) {
                return "the GAN bench has no value '" + p + "' (known: " + String.join(", ", PATHS.keySet()) + ")";
            }
        }
        GanSettingsForm rates = vm.settings();
        GanRemediesForm remedies = vm.remedies();
        if (values.containsKey("gan.feature-matching")
                && !remedies.featureLayers().contains(values.get("gan.feature-matching"))) {
            return "feature matching takes one of " + String.join(", ", remedies.featureLayers()) + ", not '"
                    + values.get("gan.feature-matching") + "'";
        }
        values.forEach((p, v) -> {
            switch (p) {
                case "gan.lr.d" -> rates.discriminatorRateProperty().set(v);
                case "gan.lr.g" -> rates.generatorRateProperty().set(v);
                case "gan.k" -> rates.discriminatorStepsProperty().set(v);
                case "gan.r1" -> remedies.r1GammaProperty().set(v);
                case "gan.ha" -> remedies.historicalAveragingProperty().set(v);
                case "gan.unroll" -> remedies.unrollStepsProperty().set(v);
                default -> remedies.featureLayerProperty().set(v);
            }
        });
        if (!vm.applySettings()) {
            String said = vm.messageProperty().get();
            return said == null || said.isBlank() ? "the settings were not applied" : said;
        }
        return null;
    }
}
