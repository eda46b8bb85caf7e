package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.evaluate.ClassAccuracy;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The accuracy per class of a conditional GAN's samples, judged by the lab's classifier: CSV and Markdown. */
@Command(name = "class-accuracy", mixinStandardHelpOptions = true,
        description = "Asks a conditional GAN's G (Mirza and Osindero 2014) for N samples of each class and"
                + " classifies them with the lab's classifier of the data set (trained into models/ when missing):"
                + " the fraction classified as the class asked for, per class, and the class most often named"
                + " instead. Writes class-accuracy.csv and class-accuracy.md into the run folder (or --out).")
final class ClassAccuracyCommand implements Callable<Integer> {

    static final String CSV = "class-accuracy.csv";
    static final String MARKDOWN = "class-accuracy.md";

    @Parameters(paramLabel = "RUN_FOLDER", description = "a conditional GAN's run folder (its latest checkpoint)")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FOLDER", description = "a checkpoint of the run instead of the"
            + " latest (checkpoints/iter-N, inside the run folder or a path)")
    Path checkpoint;

    @Option(names = "--per-class", paramLabel = "N", defaultValue = "500", description = "samples of each class"
            + " (default ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--classifier", paramLabel = "FOLDER", description = "a saved classifier folder (models/<name>)"
            + " instead of the data set's own")
    Path classifier;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the codes (default"
            + " ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: the run folder)")
    Path out;

    @Option(names = "--force", description = "replace class-accuracy.csv / .md if they exist")
    boolean force;

    @Override
    public Integer call() {
        OptionChecks.within("--per-class", perClass, 1, 100_000, "samples of each class");
        if (!Files.isDirectory(run)) {
            throw new LabException(run + ": no such run folder");
        }
        Path target = CheckpointFolder.of(run, checkpoint);
        Path dir = out != null ? out : run;
        OptionChecks.mayWrite(dir.resolve(CSV), force, out != null ? "--out" : "class-accuracy");
        OptionChecks.mayWrite(dir.resolve(MARKDOWN), force, out != null ? "--out" : "class-accuracy");
        Backend.init();
        ClassAccuracy r = ClassAccuracy.measure(target, perClass, seed, classifier, new ConsoleProgress(),
                note -> System.err.println("note: " + note));
        OptionChecks.createFolder(dir);
        System.out.print(r.markdown());
        System.out.printf(Locale.ROOT, "(%,d samples drawn and classified in %.1f s)%n",
                perClass * r.rows().size(), r.seconds());
        AtomicFiles.writeString(dir.resolve(CSV), r.csv());
        AtomicFiles.writeString(dir.resolve(MARKDOWN), r.markdown());
        System.out.println("written: " + dir.resolve(CSV));
        System.out.println("written: " + dir.resolve(MARKDOWN));
        return 0;
    }
}
