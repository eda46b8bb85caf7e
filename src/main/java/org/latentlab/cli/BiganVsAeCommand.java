package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.experiment.BiganComparison;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A BiGAN's held-out reconstructions against a plain autoencoder of the same networks (Donahue et al. 2017). */
@Command(name = "bigan-vs-ae", mixinStandardHelpOptions = true,
        description = "Trains a BiGAN (Donahue et al. 2017) and a plain autoencoder with the same networks (encoder"
                + " E, decoder G, MSE loss, Adam 1e-3) for as many iterations on the same training split, and"
                + " prints both held-out reconstruction errors (mean squared error per value, on [0, 1] pixels for"
                + " images); writes bigan-vs-ae.csv and bigan-vs-ae.md.")
final class BiganVsAeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "EXPERIMENT", description = "a BiGAN preset (ring8-bigan, mnist-bigan) or experiment file")
    String experiment;

    @Option(names = "--iterations", paramLabel = "N", description = "iterations of each (default: the experiment's)")
    Long iterations;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: runs/bigan-vs-ae/NAME)")
    Path out;

    @Override
    public Integer call() {
        if (iterations != null) {
            OptionChecks.within("--iterations", iterations, 1, 10_000_000, "training iterations");
        }
        Path file = Path.of(experiment);
        GanExperiment spec = Files.exists(file) ? ExperimentFiles.readGan(file) : Presets.loadGan(experiment);
        long n = iterations != null ? iterations : spec.iterations();
        Path dir = out != null ? out : Path.of("runs", "bigan-vs-ae", spec.name());
        long start = System.nanoTime();
        BiganComparison c = BiganComparison.run(spec, n, new ConsoleProgress());
        System.out.println(spec.name() + ": " + n + " iterations each, " + c.heldOut() + " held-out examples");
        System.out.printf(Locale.ROOT, "%-40s %12s %12s%n", "model", "MSE at start", "held-out MSE");
        System.out.printf(Locale.ROOT, "%-40s %12.5f %12.5f%n", "BiGAN, G(E(x))", c.biganStart(), c.biganError());
        System.out.printf(Locale.ROOT, "%-40s %12.5f %12.5f%n", "autoencoder (same E and G)", c.aeStart(),
                c.aeError());
        System.out.printf(Locale.ROOT, "wall time %.0f s (BiGAN %.0f s, autoencoder %.0f s)%n",
                (System.nanoTime() - start) / 1e9, c.biganSeconds(), c.aeSeconds());
        OptionChecks.createFolder(dir);
        Path csv = dir.resolve("bigan-vs-ae.csv");
        Path md = dir.resolve("bigan-vs-ae.md");
        AtomicFiles.writeString(csv, c.csv());
        AtomicFiles.writeString(md, c.markdown());
        System.out.println("written: " + csv);
        System.out.println("written: " + md);
        return 0;
    }
}
