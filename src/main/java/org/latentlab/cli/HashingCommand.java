package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.RunFolders;
import org.latentlab.experiment.hashing.HashingFiles;
import org.latentlab.experiment.hashing.SemanticHashing;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Semantic hashing with a saved autoencoder: retrieval by Hamming distance on its binary code against pixels. */
@Command(name = "hashing", mixinStandardHelpOptions = true,
        description = "Semantic hashing (Salakhutdinov & Hinton 2009): thresholds an autoencoder's logistic code at"
                + " 0.5 and retrieves, for held-out images, the nearest training images by Hamming distance on the"
                + " bits, by Euclidean distance on the pixels and on the real-valued code; prints precision at k"
                + " and writes precision.csv, neighbours.csv and retrieval.png.")
final class HashingCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_PRESET", description = "an autoencoder run folder (its latest checkpoint), or"
            + " a preset name such as mnist-hash: that preset's newest run under --runs")
    String run;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs", description = "where a preset's runs are"
            + " looked for (default ${DEFAULT-VALUE})")
    Path runs;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "a checkpoint of the run instead of the latest"
            + " (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--queries", paramLabel = "N", defaultValue = "500", description = "held-out query images"
            + " (default ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--database", paramLabel = "N", defaultValue = "10000", description = "training images searched"
            + " (default ${DEFAULT-VALUE}; pixel search costs queries x database x pixels)")
    int database;

    @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "images retrieved per query"
            + " (default ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--shown", paramLabel = "N", defaultValue = "8", description = "queries drawn in retrieval.png"
            + " (default ${DEFAULT-VALUE})")
    int shown;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: RUN/hashing)")
    Path out;

    @Override
    public Integer call() {
        OptionChecks.within("--queries", queries, 1, 100_000, "held-out query images");
        OptionChecks.within("--database", database, 1, 100_000, "training images searched");
        OptionChecks.within("-k", k, 1, 1000, "images retrieved per query");
        OptionChecks.within("--shown", shown, 0, 100, "queries drawn");
        if (k > database) {
            throw new LabException("-k " + k + " retrieves more images than the --database of " + database);
        }
        Path dir = runFolder();
        Path target = CheckpointFolder.of(dir, checkpoint);
        Path into = out != null ? out : dir.resolve("hashing");
        if (Files.exists(into) && !Files.isDirectory(into)) {
            throw new LabException(into + " is a file; --out names a folder to write precision.csv into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        long start = System.nanoTime();
        SemanticHashing h = SemanticHashing.run(target, queries, database, k, shown, Monitor.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            Files.createDirectories(into);
        } catch (IOException e) {
            throw new LabException("cannot create " + into + ": " + e.getMessage(), e);
        }
        System.out.println(h.model());
        System.out.printf(Locale.ROOT, "%d held-out queries, %d training images searched, %d-bit codes%n",
                h.queries(), h.database(), h.bits());
        System.out.printf(Locale.ROOT, "code activations within %.1f of 0 or 1: %.1f %%%n", SemanticHashing.NEAR,
                100 * h.nearBinary());
        System.out.printf(Locale.ROOT, "%-36s %s%n", "retrieval", "precision at " + h.k());
        System.out.printf(Locale.ROOT, "%-36s %.4f%n", "Hamming distance on " + h.bits() + " bits", h.hamming());
        System.out.printf(Locale.ROOT, "%-36s %.4f%n", "Euclidean distance on pixels", h.pixels());
        System.out.printf(Locale.ROOT, "%-36s %.4f%n", "Euclidean distance on the real code", h.realCode());
        System.out.printf(Locale.ROOT, "(%.1f s)%n", seconds);
        for (Path p : HashingFiles.write(h, into)) {
            System.out.println("written: " + p);
        }
        return 0;
    }

    /** The run folder RUN_OR_PRESET names: a folder, or the newest run of a preset under --runs. */
    private Path runFolder() {
        Path p = Path.of(run);
        if (Files.isDirectory(p)) {
            return p;
        }
        if (!Presets.NAMES.contains(run)) {
            throw new LabException(run + ": no such run folder or preset (presets: latentlab presets)");
        }
        return RunFolders.newest(runs, run).orElseThrow(() -> new LabException(runs + " holds no run of " + run
                + ": train one first with latentlab train " + run));
    }
}
