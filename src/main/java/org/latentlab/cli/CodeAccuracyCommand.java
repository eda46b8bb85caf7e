package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.InfoGanViews;
import org.latentlab.experiment.evaluate.CodeAccuracy;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * An InfoGAN's categorical code against the class, judged by the lab's classifier (CSV and Markdown), and the code
 * sweeps of its continuous codes (PNG).
 */
@Command(name = "code-accuracy", mixinStandardHelpOptions = true,
        description = "Asks an InfoGAN's G (Chen et al. 2016) for N samples of each value of its categorical code"
                + " (noise N(0, I), continuous codes U(-1, 1)) and classifies them with the lab's classifier of the"
                + " data set (trained into models/ when missing); matches code values to classes one-to-one (the"
                + " Hungarian method) and gives the accuracy, the many-to-one accuracy and I(code; class). Writes"
                + " code-accuracy.csv, code-accuracy.md and, per continuous code j, infogan-codes-cj.png (rows: the"
                + " categorical values; columns: code j from -2 to 2) into the run folder (or --out).")
final class CodeAccuracyCommand implements Callable<Integer> {

    static final String CSV = "code-accuracy.csv";
    static final String MARKDOWN = "code-accuracy.md";

    @Parameters(paramLabel = "RUN_FOLDER", description = "an InfoGAN's run folder (its latest checkpoint)")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FOLDER", description = "a checkpoint of the run instead of the"
            + " latest (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--per-value", paramLabel = "N", defaultValue = "500", description = "samples of each code"
            + " value (default ${DEFAULT-VALUE})")
    int perValue;

    @Option(names = "--columns", paramLabel = "N", defaultValue = "9", description = "columns of the code sweeps"
            + " (default ${DEFAULT-VALUE})")
    int columns;

    @Option(names = "--classifier", paramLabel = "FOLDER", description = "a saved classifier folder (models/<name>)"
            + " instead of the data set's own")
    Path classifier;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the codes (default"
            + " ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: the run folder)")
    Path out;

    @Option(names = "--force", description = "replace code-accuracy.csv / .md if they exist")
    boolean force;

    @Override
    public Integer call() {
        OptionChecks.within("--per-value", perValue, 1, 100_000, "samples of each code value");
        OptionChecks.within("--columns", columns, 2, 41, "columns of the code sweeps");
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        Path target = CheckpointFolder.of(run, checkpoint);
        Path dir = out != null ? out : run;
        OptionChecks.mayWrite(dir.resolve(CSV), force, out != null ? "--out" : "code-accuracy");
        OptionChecks.mayWrite(dir.resolve(MARKDOWN), force, out != null ? "--out" : "code-accuracy");
        Backend.init();
        CodeAccuracy r = CodeAccuracy.measure(target, perValue, seed, classifier, new ConsoleProgress(),
                note -> System.err.println("note: " + note));
        OptionChecks.createFolder(dir);
        System.out.print(r.markdown());
        System.out.printf(Locale.ROOT, "(%,d samples drawn and classified in %.1f s)%n",
                perValue * r.counts().length, r.seconds());
        AtomicFiles.writeString(dir.resolve(CSV), r.csv());
        AtomicFiles.writeString(dir.resolve(MARKDOWN), r.markdown());
        System.out.println("written: " + dir.resolve(CSV));
        System.out.println("written: " + dir.resolve(MARKDOWN));
        for (Path png : InfoGanViews.writeSweeps(target, dir, columns, seed)) {
            System.out.println("written: " + png);
        }
        return 0;
    }
}
