package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.tangentprop.TangentPropComparison;
import org.latentlab.experiment.tangentprop.TangentPropFiles;
import org.latentlab.experiment.tangentprop.TangentPropOptions;
import org.latentlab.experiment.tangentprop.TangentPropResult;
import org.latentlab.train.Backend;
import org.latentlab.train.classifier.TangentPropSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Tangent Prop against the plain classifier on a small training set, over several seeds. */
@Command(name = "tangent-prop", mixinStandardHelpOptions = true,
        description = "Trains the same dense classifier on a small labelled set plain, with Tangent Prop along the"
                + " classic tangents (translations, rotation, scaling) and along a contractive autoencoder's"
                + " tangents (Simard et al. 1992): prints held-out accuracy, and on shifted and rotated held-out"
                + " images, mean ± sd over the random seeds; writes accuracy.csv, curves.csv, table.md and curves.png.")
final class TangentPropCommand implements Callable<Integer> {

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = "mnist-tangent-prop", description = "a"
            + " classifier preset of dense layers (default ${DEFAULT-VALUE}): its network, optimiser, batch size,"
            + " iterations, seed and Tangent Prop settings")
    String preset;

    @Option(names = "--train", paramLabel = "N", defaultValue = "300", description = "labelled training images"
            + " (default ${DEFAULT-VALUE})")
    int train;

    @Option(names = "--test", paramLabel = "N", defaultValue = "1000", description = "held-out images measured"
            + " (default ${DEFAULT-VALUE})")
    int test;

    @Option(names = "--iterations", paramLabel = "N", description = "minibatches per classifier (default: the"
            + " preset's)")
    Long iterations;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "100", description = "iterations between"
            + " points of the accuracy curves (default ${DEFAULT-VALUE})")
    int evalEvery;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "repetitions (default"
            + " ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--lambda", paramLabel = "L", description = "the penalty's weight (default: the preset's)")
    Double lambda;

    @Option(names = "--classic-k", paramLabel = "K", defaultValue = "4", description = "classic tangents per image,"
            + " 1..4: translation x, y, rotation, scaling (default ${DEFAULT-VALUE})")
    int classicK;

    @Option(names = "--ae-k", paramLabel = "K", defaultValue = "8", description = "autoencoder tangents per image"
            + " (default ${DEFAULT-VALUE})")
    int aeK;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "tangent-prop", description = "where the files go"
            + " (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        ClassifierSpec spec = Presets.loadClassifier(preset);
        TangentPropSettings tp = spec.training().tangentProp();
        double l = lambda != null ? lambda : tp != null && tp.active() ? tp.lambda() : 0.1;
        TangentPropOptions o;
        try {
            o = new TangentPropOptions(train, test, iterations != null ? iterations : spec.iterations(),
                    evalEvery, seeds, l, classicK, aeK);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write the comparison into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        TangentPropResult r = TangentPropComparison.run(spec, o, Path.of("."), new ConsoleProgress());
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.out.print(TangentPropFiles.table(r));
        for (Path p : TangentPropFiles.write(r, out)) {
            System.out.println("written: " + p);
        }
        System.out.printf(Locale.ROOT, "%n");
        return 0;
    }
}
