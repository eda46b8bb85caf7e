package org.latentlab.experiment.pca;

import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pretraining against none (Erhan et al. 2010, "Why does unsupervised pre-training help deep learning?"; Hinton
 * &amp; Salakhutdinov 2006): one deep autoencoder trained from random initialisation, from greedy autoencoder
 * pretraining and from a DBN (stacked RBMs trained by CD-1, unrolled), each with several seeds and the same number
 * of fine-tuning updates, its held-out error measured as fine-tuning goes.
 *
 * @param spec      the autoencoder (its own pretraining setting is replaced, its iterations per layer kept)
 * @param seeds     the random seeds, each training all three
 * @param fineTune  end-to-end updates after the greedy stage
 * @param interval  updates between two held-out measurements
 * @param probeSize held-out images the error is measured on
 */
public record PretrainingComparison(ReconstructionExperiment spec, List<Long> seeds, long fineTune, long interval,
                                    int probeSize) {

    /** The three initialisations, in the order they run. */
    public static final List<Pretraining> INITIALISATIONS = List.of(Pretraining.NONE, Pretraining.AUTOENCODER,
            Pretraining.RBM);

    public PretrainingComparison {
        DeepAutoencoder.requireAutoencoder(spec);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || seeds.size() > 20) {
            throw new IllegalArgumentException("compare over 1 to 20 seeds, not " + seeds.size());
        }
        if (fineTune < 1 || interval < 1 || interval > fineTune) {
            throw new IllegalArgumentException("fine-tuning needs at least one update and a measurement interval"
                    + " from 1 to the number of updates, not " + fineTune + " and " + interval);
        }
        if (probeSize < 1) {
            throw new IllegalArgumentException("the held-out error needs at least one image, not " + probeSize);
        }
    }

    /** The random seeds 1..n. */
    public static List<Long> seeds(int n) {
        List<Long> s = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            s.add(i);
        }
        return s;
    }

    /** How many runs: three initialisations per seed. */
    public int runCount() {
        return INITIALISATIONS.size() * seeds.size();
    }

    /** The run of one initialisation and seed on the given data (the same held-out images for every run). */
    public PretrainingRun runOne(ExperimentData.Split split, HeldOutImages probe, Pretraining p, long seed,
                                 Monitor monitor) {
        AutoencoderTraining t = AutoencoderTraining.run(spec, split, p, seed, fineTune, interval, probe, monitor);
        NativeMemory.releaseSoon();
        return new PretrainingRun(p, seed, t.curve(), t.seconds());
    }

    /** Every run in turn, each handed to {@code done} as it finishes; seeds outer, initialisations inner. */
    public List<PretrainingRun> runAll(Monitor monitor, Consumer<PretrainingRun> done) {
        ExperimentData.Split split = AutoencoderTraining.data(spec);
        HeldOutImages probe = AutoencoderTraining.probe(split, probeSize);
        List<PretrainingRun> runs = new ArrayList<>();
        int k = 0;
        for (long seed : seeds) {
            for (Pretraining p : INITIALISATIONS) {
                int index = k++;
                Monitor part = new Monitor() {
                    @Override
                    public void progress(double fraction, String message) {
                        monitor.progress((index + fraction) / runCount(), message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return monitor.isCancelled();
                    }
                };
                PretrainingRun r = runOne(split, probe, p, seed, part);
                runs.add(r);
                done.accept(r);
            }
        }
        return runs;
    }
}
