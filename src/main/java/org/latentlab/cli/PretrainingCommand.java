package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.pca.PretrainingComparison;
import org.latentlab.experiment.pca.PretrainingFiles;
import org.latentlab.experiment.pca.PretrainingRun;
import org.latentlab.experiment.pca.PretrainingTable;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Pretraining against none: one deep autoencoder from three initialisations over several seeds (Erhan et al. 2010). */
@Command(name = "pretraining", mixinStandardHelpOptions = true,
        description = "Trains one deep autoencoder from random initialisation, from greedy autoencoder pretraining"
                + " and from a DBN, each over several seeds and with the same fine-tuning (Erhan et al. 2010):"
                + " prints the final held-out errors (mean ± sd over seeds) and writes pretraining-curves.csv,"
                + " pretraining-curves.png, pretraining-table.csv and pretraining-table.md.")
final class PretrainingCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PRESET", defaultValue = "mnist-deep-ae-small", description = "an autoencoder preset"
            + " whose decoder mirrors its encoder (default ${DEFAULT-VALUE}); its pretraining setting is replaced,"
            + " its iterations per layer kept")
    String preset;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "seeds 1..N (default"
            + " ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--fine-tune", paramLabel = "N", defaultValue = "1000", description = "end-to-end updates"
            + " after the greedy stage (default ${DEFAULT-VALUE})")
    long fineTune;

    @Option(names = "--pretrain", paramLabel = "N", description = "greedy iterations per layer (default: the"
            + " preset's)")
    Integer pretrain;

    @Option(names = "--interval", paramLabel = "N", defaultValue = "50", description = "updates between two"
            + " held-out measurements (default ${DEFAULT-VALUE})")
    long interval;

    @Option(names = "--held-out", paramLabel = "N", defaultValue = "500", description = "held-out images the"
            + " error is measured on (default ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default:"
            + " runs/pretraining/PRESET)")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--seeds", seeds, 1, 20, "seeds");
        OptionChecks.within("--fine-tune", fineTune, 1, 1_000_000, "fine-tuning updates");
        OptionChecks.within("--interval", interval, 1, fineTune, "updates between measurements");
        OptionChecks.within("--held-out", heldOut, 1, 100_000, "held-out images");
        if (!Presets.reconstructs(preset)) {
            throw new LabException(preset + " is not an autoencoder preset (see: presets)");
        }
        ReconstructionExperiment spec = Presets.loadReconstruction(preset);
        if (pretrain != null) {
            OptionChecks.within("--pretrain", pretrain, 1, 1_000_000, "greedy iterations per layer");
            spec = spec.withTraining(spec.training().withPretraining(spec.training().pretraining(), pretrain));
        }
        PretrainingComparison c = new PretrainingComparison(spec, PretrainingComparison.seeds(seeds), fineTune,
                interval, heldOut);
        Path dir = out != null ? out : Path.of("runs", "pretraining", preset);
        OptionChecks.createFolder(dir);
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        long start = System.nanoTime();
        List<PretrainingRun> runs = c.runAll(new ConsoleProgress(), r -> System.err.printf(Locale.ROOT,
                "%s, seed %d: final held-out MSE %.5f (%.0f s)%n", PretrainingRun.label(r.initialisation()), r.seed(),
                r.curve().last(), r.seconds()));
        System.out.println(PretrainingFiles.title(c));
        System.out.printf(Locale.ROOT, "%-26s %-22s %6s%n", "initialisation", "final MSE/pixel", "s/run");
        for (PretrainingTable.Row r : PretrainingTable.of(runs).rows()) {
            System.out.printf(Locale.ROOT, "%-26s %-22s %6.0f%n", PretrainingRun.label(r.initialisation()),
                    r.finalError(), r.meanSeconds());
        }
        System.out.printf(Locale.ROOT, "wall time %.0f s%n", (System.nanoTime() - start) / 1e9);
        for (Path p : PretrainingFiles.write(c, runs, dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
