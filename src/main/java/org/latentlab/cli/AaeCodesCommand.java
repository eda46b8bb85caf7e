package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.AaeExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.aae.CodeComparison;
import org.latentlab.experiment.aae.CodeComparisonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** An adversarial autoencoder's and a VAE's 2-D codes of the same held-out images, each against its prior. */
@Command(name = "aae-codes", mixinStandardHelpOptions = true,
        description = "Trains an adversarial autoencoder (Makhzani et al. 2016) and a VAE with 2-D codes on the same"
                + " images, encodes the same held-out images with both and tests each code against its prior (MMD²"
                + " with a Gaussian kernel, threshold by permutation); writes aae-vae-codes.png (the codes side by"
                + " side over their priors), code-prior-tests.csv / .md and codes.csv.")
final class AaeCodesCommand implements Callable<Integer> {

    @Option(names = "--aae", paramLabel = "PRESET", defaultValue = "mnist-aae-gaussian",
            description = "the adversarial autoencoder preset (default ${DEFAULT-VALUE})")
    String aae;

    @Option(names = "--vae", paramLabel = "PRESET", defaultValue = "mnist-vae-2d",
            description = "the VAE preset with a 2-D code (default ${DEFAULT-VALUE})")
    String vae;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2000",
            description = "training iterations of each model (default ${DEFAULT-VALUE})")
    long iterations;

    @Option(names = "--codes", paramLabel = "N", defaultValue = "1000",
            description = "held-out images encoded and tested (default ${DEFAULT-VALUE})")
    int codes;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "200",
            description = "permutations of each two-sample test (default ${DEFAULT-VALUE})")
    int permutations;

    @Option(names = "--level", paramLabel = "A", defaultValue = "0.05",
            description = "the tests' level (default ${DEFAULT-VALUE})")
    double level;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/aae-codes",
            description = "where the files go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "replace the files of an earlier run in --out")
    boolean force;

    @Override
    public Integer call() {
        if (iterations < 1 || codes < 10 || permutations < 19 || !(level > 0 && level < 1)) {
            throw new LabException("--iterations at least 1, --codes at least 10, --permutations at least 19 and"
                    + " --level in (0, 1)");
        }
        if (!Presets.aaes().contains(aae)) {
            throw new LabException("--aae: no adversarial autoencoder preset '" + aae + "' (known: "
                    + String.join(", ", Presets.aaes()) + ")");
        }
        OptionChecks.mayWriteInto(out, force, "--out");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.setProperty("java.awt.headless", "true");
        AaeExperiment a = Presets.loadAae(aae);
        ReconstructionExperiment v = Presets.loadReconstruction(vae);
        int[] lastPercent = {-1};
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                int p = (int) (fraction * 10);
                if (p != lastPercent[0]) {
                    lastPercent[0] = p;
                    System.out.println(message);
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        CodeComparison.Result r = CodeComparison.run(a, v, iterations, codes, permutations, level, Path.of("."),
                monitor);
        System.out.println();
        CodeComparisonFiles.write(r, out);
        System.out.printf(Locale.ROOT, "%-60s %10s %10s %8s%n", "code", "MMD²", "threshold", "p");
        for (CodeComparison.Codes c : r.rows()) {
            System.out.printf(Locale.ROOT, "%-60s %10.5f %10.5f %8.3f  %s%n", c.model(), c.test().statistic(),
                    c.test().threshold(), c.test().pValue(), c.test().rejects() ? "differs from its prior"
                            : "passes for its prior");
        }
        System.out.printf(Locale.ROOT, "wall time %.0f s; written to %s%n", r.seconds(), out);
        return 0;
    }
}
