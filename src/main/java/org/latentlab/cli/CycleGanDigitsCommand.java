package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.CycleGanDigits;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Whether a CycleGAN between digits and changed digits keeps the digit, by the lab's classifier: CSV and Markdown. */
@Command(name = "cyclegan-digits", mixinStandardHelpOptions = true,
        description = "Reads a CycleGAN run between digits and changed digits (Zhu et al. 2017; e.g. the preset"
                + " mnist-inverted-cyclegan) with the lab's classifier of the data set (trained into models/ when"
                + " missing): how often it names the same digit for a held-out a and for G(a) with the change undone,"
                + " for b and F(b), and for a and its cycle F(G(a)). Writes cyclegan-digits.csv and .md into the run"
                + " folder (or --out).")
final class CycleGanDigitsCommand implements Callable<Integer> {

    static final String CSV = "cyclegan-digits.csv";
    static final String MARKDOWN = "cyclegan-digits.md";

    @Parameters(paramLabel = "RUN_FOLDER", description = "a CycleGAN run folder (its latest checkpoint)")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FOLDER", description = "a checkpoint of the run instead of the"
            + " latest (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--classifier", paramLabel = "FOLDER", description = "a saved classifier folder (models/<name>)"
            + " instead of the data set's own")
    Path classifier;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: the run folder)")
    Path out;

    @Option(names = "--force", description = "replace cyclegan-digits.csv / .md if they exist")
    boolean force;

    @Override
    public Integer call() {
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        Path target = checkpoint == null ? null : CheckpointFolder.of(run, checkpoint);
        Path dir = out != null ? out : run;
        OptionChecks.mayWrite(dir.resolve(CSV), force, out != null ? "--out" : "cyclegan-digits");
        OptionChecks.mayWrite(dir.resolve(MARKDOWN), force, out != null ? "--out" : "cyclegan-digits");
        Backend.init();
        CycleGanDigits r = CycleGanDigits.measure(run, target, classifier, new ConsoleProgress(),
                note -> System.err.println("note: " + note));
        OptionChecks.createFolder(dir);
        System.out.print(r.markdown());
        System.out.printf(Locale.ROOT, "(%d held-out examples of each domain read in %.1f s)%n", r.examples(),
                r.seconds());
        AtomicFiles.writeString(dir.resolve(CSV), r.csv());
        AtomicFiles.writeString(dir.resolve(MARKDOWN), r.markdown());
        System.out.println("written: " + dir.resolve(CSV));
        System.out.println("written: " + dir.resolve(MARKDOWN));
        return 0;
    }
}
