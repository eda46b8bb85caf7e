package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.manifold.CurveAutoencoders;
import org.latentlab.experiment.manifold.FieldAgreement;
import org.latentlab.experiment.manifold.FieldFiles;
import org.latentlab.experiment.manifold.NearestPoint;
import org.latentlab.experiment.manifold.ReconstructionField;
import org.latentlab.train.Backend;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The reconstruction field r(x) − x of an autoencoder of 2-D points, on a grid over the plane. */
@Command(name = "vector-field", mixinStandardHelpOptions = true,
        description = "Draws an autoencoder's reconstruction field r(x) - x as arrows on a grid over the plane, with"
                + " the data (a denoising autoencoder's arrows point back to the data's curve): prints how well the"
                + " arrows point at the nearest data point, and writes field.csv and field.png.")
final class VectorFieldCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_OR_PRESET", description = "a run folder of an autoencoder of 2-D points (its latest"
            + " checkpoint), or a preset to train here first (curve-dae-2d, curve-cae-2d, ring8-ae-2d)")
    String source;

    @Option(names = "--iterations", paramLabel = "N", description = "iterations to train a preset (default: the"
            + " preset's)")
    Long iterations;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "25", description = "grid points per side (default"
            + " ${DEFAULT-VALUE})")
    int grid;

    @Option(names = "--band", paramLabel = "INNER,OUTER", defaultValue = "0.1,0.5", split = ",", description =
            "the distances from the nearest data point of the grid points whose arrows are scored (default"
                    + " ${DEFAULT-VALUE})")
    double[] band;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "draws the data points drawn and"
            + " scored against (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "where the files go (default: RUN_FOLDER/vector-field,"
            + " or vector-field/PRESET for a preset)")
    Path out;

    /** Data points the arrows are scored against (the first 1000 are drawn). */
    static final int DATA_POINTS = 4000;

    @Override
    public Integer call() {
        OptionChecks.within("--grid", grid, 2, 200, "points per side");
        if (band.length != 2 || !(band[0] >= 0) || !(band[1] > band[0])) {
            throw new LabException("--band is INNER,OUTER with 0 <= INNER < OUTER, e.g. 0.1,0.5");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new LabException(out + " is a file; --out names a folder to write field.csv and field.png into");
        }
        System.setProperty("java.awt.headless", "true");
        Backend.init();
        Path run = Path.of(source);
        AutoencoderTrainer trainer;
        String label;
        Path dir;
        if (Files.isDirectory(run)) {
            SavedModel saved = SavedModel.open(run);
            trainer = CurveAutoencoders.restore(saved);
            label = CurveAutoencoders.label(saved.modelSpec(), saved.iteration());
            dir = out != null ? out : run.resolve("vector-field");
        } else {
            if (!Presets.reconstructs(source)) {
                throw new LabException(source + " is neither a run folder nor an autoencoder preset (try"
                        + " curve-dae-2d or curve-cae-2d)");
            }
            ReconstructionExperiment spec = Presets.loadReconstruction(source);
            long n = iterations != null ? OptionChecks.within("--iterations", iterations, 1, 10_000_000)
                    : spec.iterations();
            trainer = CurveAutoencoders.build(spec, DataType.FLOAT);
            long start = System.nanoTime();
            for (long i = 0; i < n; i++) {
                trainer.iterate();
            }
            System.out.printf(Locale.ROOT, "trained %s for %d iterations in %.1f s%n", spec.name(), n,
                    (System.nanoTime() - start) / 1e9);
            label = CurveAutoencoders.label(spec, n);
            dir = out != null ? out : Path.of("vector-field", spec.name());
        }
        ReconstructionField f = ReconstructionField.of(trainer, label, CurveAutoencoders.viewBounds(trainer), grid);
        float[] data = CurveAutoencoders.sample(trainer.data(), DATA_POINTS, seed);
        FieldAgreement a = FieldAgreement.of(f, NearestPoint.ofSample(data), band[0], band[1]);
        OptionChecks.createFolder(dir);
        System.out.println(label + " (" + trainer.describeSettings() + ")");
        System.out.printf(Locale.ROOT, "%-46s %10s%n", "measure", "value");
        System.out.printf(Locale.ROOT, "%-46s %10.4f%n", String.format(Locale.ROOT,
                "mean cosine toward the data, band (%.2g, %.2g]", band[0], band[1]), a.meanCosine());
        System.out.printf(Locale.ROOT, "%-46s %10d%n", "grid points in the band", a.points());
        System.out.printf(Locale.ROOT, "%-46s %10.4f%n", "longest arrow |r(x) - x|", f.maxLength());
        for (Path p : FieldFiles.write(f, java.util.Arrays.copyOf(data, 2 * 1000), label, dir)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
