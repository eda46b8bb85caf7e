package org.latentlab.experiment.pca;

import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains one deep autoencoder of an experiment without a run folder: greedy pretraining first when asked
 * ({@code pretrainIterations} per layer, the experiment's), then {@code fineTune} end-to-end updates, the held-out
 * mean squared error per pixel measured every {@code interval} of them (and once before the first).
 *
 * @param model   the trained autoencoder
 * @param curve   its held-out error as fine-tuning went
 * @param seconds the wall time the training took
 */
public record AutoencoderTraining(DeepAutoencoder model, HeldOutCurve curve, double seconds) {

    /** The images the curves are measured on: the first {@code n} held-out examples. */
    public static HeldOutImages probe(ExperimentData.Split split, int n) {
        return HeldOutImages.first(split.heldOut() != null ? split.heldOut() : split.train(), n);
    }

    /** Opens the experiment's data (bundled data sets from the usual folder) and splits it as a run would. */
    public static ExperimentData.Split data(ReconstructionExperiment spec) {
        DeepAutoencoder.requireAutoencoder(spec);
        Backend.init();
        return ExperimentData.split(ExperimentData.open(spec, Path.of(".")), spec.heldOut(), spec.seed());
    }

    /** The greedy stage's length: layers × iterations per layer (0 without pretraining). */
    static long pretrainingLength(DeepAutoencoder m, Pretraining p) {
        return p == Pretraining.NONE ? 0
                : (long) m.trainer().encoder().getnLayers() * m.trainer().settings().pretrainIterations();
    }

    /**
     * Trains {@code spec}'s autoencoder from {@code pretraining} with {@code seed}.
     *
     * @param fineTune end-to-end updates after the greedy stage
     * @param interval fine-tuning updates between two measurements
     */
    public static AutoencoderTraining run(ReconstructionExperiment spec, ExperimentData.Split split,
                                          Pretraining pretraining, long seed, long fineTune, long interval,
                                          HeldOutImages probe, Monitor monitor) {
        if (fineTune < 1 || interval < 1) {
            throw new IllegalArgumentException("fine-tuning needs at least one update and a measurement interval"
                    + " of at least one, not " + fineTune + " and " + interval);
        }
        long start = System.nanoTime();
        DeepAutoencoder m = DeepAutoencoder.build(spec, split, pretraining, seed);
        long greedy = pretrainingLength(m, pretraining);
        long total = greedy + fineTune;
        int points = (int) ((fineTune + interval - 1) / interval) + 1;
        long[] at = new long[points];
        double[] err = new double[points];
        int p = 0;
        for (long it = 0; it < total; it++) {
            if (it >= greedy && (it - greedy) % interval == 0) {
                at[p] = it - greedy;
                err[p++] = error(m, probe);
            }
            m.trainer().iterate();
            if (it % 50 == 0) {
                monitor.checkCancelled();
                monitor.progress((double) it / total, String.format(Locale.ROOT, "%s, %s, seed %d: iteration"
                        + " %d of %d", spec.name(), pretraining.id(), seed, it, total));
            }
        }
        at[p] = fineTune;
        err[p] = error(m, probe);
        return new AutoencoderTraining(m, new HeldOutCurve(at, err), (System.nanoTime() - start) / 1e9);
    }

    static double error(DeepAutoencoder m, HeldOutImages probe) {
        return HeldOutImages.meanSquaredError(m.reconstruct(probe.pixels()), probe.pixels());
    }
}
