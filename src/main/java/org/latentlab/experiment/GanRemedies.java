package org.latentlab.experiment;

import org.latentlab.model.LayerSpec;
import org.latentlab.train.GanSettings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The remedies for mode collapse an experiment switches on, named briefly, and the label a kept run goes by: its
 * name, seed and remedies, so that a collapsed run and its cured twin are told apart at a glance
 * ("ring8-r1 · seed 1 · R1 γ=1"). The remedies: PacGAN's packing m (Lin et al. 2018), the R1 penalty γ (Mescheder
 * et al. 2018), unrolling k (Metz et al. 2017), feature matching on a layer of D, historical averaging λ and
 * minibatch discrimination in D (Salimans et al. 2016), spectral normalisation of D (Miyato et al. 2018), an
 * f-divergence (Nowozin et al. 2016), and the older tricks one-sided label smoothing and instance noise.
 */
public final class GanRemedies {

    /** Said of a run with none switched on. */
    public static final String NONE = "no remedy";

    private GanRemedies() {
    }

    /** The remedies the experiment switches on, in the order above; empty for the plain GAN. */
    public static List<String> of(GanExperiment spec) {
        return of(spec, spec.training());
    }

    /**
     * The remedies switched on in {@code t}, the settings in force (R1, historical averaging, unrolling and feature
     * matching may change during a run), with those built into {@code spec}'s D; empty for the plain GAN.
     */
    public static List<String> of(GanExperiment spec, GanSettings t) {
        List<String> on = new ArrayList<>();
        if (t.packing() > 1) {
            on.add("pack m=" + t.packing());
        }
        if (t.r1Gamma() > 0) {
            on.add("R1 γ=" + number(t.r1Gamma()));
        }
        if (t.unrollSteps() > 0) {
            on.add("unrolled k=" + t.unrollSteps()
                    + (t.unrollGradient() == org.latentlab.train.UnrollGradient.EXACT ? " exact" : ""));
        }
        if (t.matchesFeatures()) {
            on.add("feature matching on " + t.featureMatching());
        }
        if (t.historicalAveraging() > 0) {
            on.add("hist. avg λ=" + number(t.historicalAveraging()));
        }
        for (LayerSpec l : spec.discriminator().layers()) {
            if (l instanceof LayerSpec.MinibatchDiscrimination m) {
                on.add("minibatch discr. " + m.kernels() + "×" + m.dims() + " in D");
            }
        }
        if (t.spectralNorm()) {
            on.add("spectral norm in D");
        }
        t.loss().fDivergence().ifPresent(f -> on.add("f-GAN " + f.label()));
        if (t.labelSmoothing()) {
            on.add("label smoothing");
        }
        if (t.instanceNoise() > 0) {
            on.add("instance noise σ=" + number(t.instanceNoise()));
        }
        return on;
    }

    /** "ring8-r1 · seed 1 · R1 γ=1", or "… · no remedy". */
    public static String label(GanExperiment spec) {
        return label(spec, spec.training());
    }

    /** The same with the settings in force {@code t}. */
    public static String label(GanExperiment spec, GanSettings t) {
        List<String> on = of(spec, t);
        return spec.name() + " · seed " + spec.seed() + " · " + (on.isEmpty() ? NONE : String.join(", ", on));
    }

    /** A setting as a person writes it: 1 not 1.0, 0.01 not 1.0E-2, at most four significant digits. */
    static String number(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
