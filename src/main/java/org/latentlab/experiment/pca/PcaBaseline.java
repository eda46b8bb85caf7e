package org.latentlab.experiment.pca;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A deep autoencoder against PCA from a run folder or a preset: the run's saved autoencoder, or the preset trained
 * here as its file says (greedy pretraining included; no run folder written), compared with PCA of its code size
 * ({@link PcaComparison}), and for a 2-D code both codes of the held-out images ({@link CodeScatters}).
 *
 * @param comparison   the reconstructions and both held-out errors
 * @param scatters     the 2-D codes, or null when the code is not 2-D
 * @param trainSeconds the wall time spent training (0 for a saved run)
 */
public record PcaBaseline(PcaComparison comparison, CodeScatters scatters, double trainSeconds) {

    /** Images shown in each row. */
    public static final int SHOWN = 10;

    /**
     * Runs the comparison.
     *
     * @param runOrPreset a run or checkpoint folder, or the name of an autoencoder preset to train
     * @param iterations  for a preset, its iterations instead of the file's (null: the file's)
     * @param heldOut     held-out images the errors are measured on (and scattered)
     */
    public static PcaBaseline run(String runOrPreset, Long iterations, int heldOut, Monitor monitor) {
        if (heldOut < 1) {
            throw new IllegalArgumentException("measure on at least one held-out image, not " + heldOut);
        }
        Backend.init();
        DeepAutoencoder ae;
        double seconds = 0;
        Path path = Path.of(runOrPreset);
        if (Files.isDirectory(path)) {
            monitor.progress(0, "opening " + path);
            ae = DeepAutoencoder.open(path);
        } else if (Presets.reconstructs(runOrPreset)) {
            ReconstructionExperiment spec = Presets.loadReconstruction(runOrPreset);
            if (iterations != null) {
                spec = spec.withIterations(iterations);
            }
            AutoencoderTraining t = trainAsSpecified(spec, heldOut, monitor);
            ae = t.model();
            seconds = t.seconds();
        } else {
            throw new LabException(runOrPreset + " is neither a run folder nor an autoencoder preset: give a run"
                    + " folder or a preset such as mnist-deep-ae-2d");
        }
        ExperimentData.Split split = ae.split();
        HeldOutImages probe = AutoencoderTraining.probe(split, heldOut);
        PcaComparison c = PcaComparison.of(ae, probe, PcaComparison.DEFAULT_FIT, SHOWN, monitor);
        CodeScatters s = ae.codeDim() == 2 ? CodeScatters.of(ae, c.pca(), probe) : null;
        return new PcaBaseline(c, s, seconds);
    }

    /** Trains {@code spec} for its iterations, the greedy stage counted in them as in a run. */
    static AutoencoderTraining trainAsSpecified(ReconstructionExperiment spec, int probeSize, Monitor monitor) {
        ExperimentData.Split split = AutoencoderTraining.data(spec);
        Pretraining p = spec.training().pretraining();
        long greedy = p == Pretraining.NONE ? 0
                : (long) spec.encoder().layers().size() * spec.training().pretrainIterations();
        long fineTune = spec.iterations() - greedy;
        if (fineTune < 1) {
            throw new LabException(spec.name() + ": " + spec.iterations() + " iterations leave none for fine-tuning"
                    + " after " + greedy + " of pretraining; give more iterations");
        }
        return AutoencoderTraining.run(spec, split, p, spec.seed(), fineTune, Math.max(1, fineTune / 10),
                AutoencoderTraining.probe(split, Math.min(probeSize, 500)), monitor);
    }
}
