package org.latentlab.ui.gan;

import org.latentlab.experiment.GanExperiment;
import org.latentlab.train.GanSettings;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;

import java.util.Locale;

/** The lines the GAN bench writes: the experiment as it runs, and the status bar's iteration, losses and memory. */
final class GanBenchText {

    private GanBenchText() {
    }

    /** The experiment's description with the settings in force now (after Apply, the applied ones). */
    static String describe(GanExperiment s, GanSettings t) {
        return s.name() + " — " + s.description() + "\n" + s.generator() + "     " + s.discriminator()
                + "\nloss " + t.loss().id() + ", k = " + t.discriminatorSteps() + ", batch " + t.batchSize() + ", G "
                + t.generatorOptimizer() + ", D " + t.discriminatorOptimizer()
                + (t.labelSmoothing() ? ", one-sided label smoothing" : "")
                + (t.instanceNoise() > 0 ? ", instance noise " + t.instanceNoise() : "")
                + remedies(t)
                + ", " + s.iterations() + " iterations, seed " + s.seed() + "\n"
                + (s.energyBased() ? s.energy().formula() : t.loss().formula());
    }

    /** The remedies switched on, each as ", R1 γ 1.0"; empty for the plain GAN. */
    static String remedies(GanSettings t) {
        return (t.packing() > 1 ? ", packing " + t.packing() : "")
                + (t.r1Gamma() > 0 ? ", R1 γ " + t.r1Gamma() : "")
                + (t.historicalAveraging() > 0 ? ", historical averaging λ " + t.historicalAveraging() : "")
                + (t.unrollSteps() > 0 ? ", unrolled " + t.unrollSteps() + " D steps"
                        + (t.unrollGradient() == org.latentlab.train.UnrollGradient.EXACT ? " (exact gradient)" : "")
                        : "")
                + (t.matchesFeatures() ? ", feature matching on " + t.featureMatching() : "");
    }

    /**
     * Null when replacing the run loses nothing; else what would be lost ("1,200 iterations, running"). Running, or
     * paused after at least one update, counts as progress.
     */
    static String atRisk(GanStatus s, RunState st) {
        if (s == null) {
            return null;
        }
        boolean progress = s.iteration() > 0 || s.partialSteps() > 0;
        if (st == RunState.RUNNING || st == RunState.PAUSED && progress) {
            return String.format(Locale.ROOT, "%,d iterations%s, %s", s.iteration(),
                    s.partialSteps() > 0 ? " and " + s.partialSteps() + " single steps" : "",
                    st == RunState.RUNNING ? "running" : "paused");
        }
        return null;
    }

    /** "it 1,200 / 20,000   312 it/s   12.4 s"; single steps since the last iteration as "it 1,200 +2 D +1 G". */
    static String iteration(GanStatus s) {
        if (s == null) {
            return "";
        }
        String partial = (s.partialDiscriminatorSteps() > 0 ? " +" + s.partialDiscriminatorSteps() + " D" : "")
                + (s.partialGeneratorSteps() > 0 ? " +" + s.partialGeneratorSteps() + " G" : "");
        return String.format(Locale.ROOT, "it %,d%s / %,d   %s   %.1f s", s.iteration(), partial, s.maxIterations(),
                Double.isNaN(s.itersPerSecond()) ? "– it/s" : String.format(Locale.ROOT, "%.0f it/s",
                        s.itersPerSecond()), s.elapsedMillis() / 1000.0);
    }

    /**
     * "D 0.6931  G 0.6931  D(x) 0.500  D(G(z)) 0.500", with the gradient penalty and norms when measured; an
     * energy-based GAN's (Zhao et al. 2017) scores are its energies, "mean E(x), real" and "mean E(G(z))".
     */
    static String losses(GanStatus s, org.latentlab.experiment.GanExperiment spec) {
        if (s == null) {
            return "";
        }
        ScoreLabels labels = spec != null && spec.energyBased() ? ScoreLabels.of(spec)
                : s.settings() == null ? null : ScoreLabels.of(s.settings().loss());
        return "D " + num(s.discriminatorLoss(), 4) + "  G " + num(s.generatorLoss(), 4) + "  "
                + (labels == null ? "D(x)" : labels.real()) + " " + num(s.realScore(), 3) + "  "
                + (labels == null ? "D(G(z))" : labels.fake()) + " " + num(s.fakeScore(), 3)
                + (Double.isNaN(s.penalty()) ? "" : "  GP " + num(s.penalty(), 4))
                + (Double.isNaN(s.discriminatorGradNorm()) ? "" : "  |∇D| " + num(s.discriminatorGradNorm(), 3)
                + "  |∇G| " + num(s.generatorGradNorm(), 3));
    }

    /** "heap 312 MB  RSS 1024 MB": the Java heap in use and, where the system says, the whole process. */
    static String memory() {
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        long rss = NativeMemory.residentBytes() >> 20;
        return "heap " + heap + " MB" + (rss > 0 ? "  RSS " + rss + " MB" : "");
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
