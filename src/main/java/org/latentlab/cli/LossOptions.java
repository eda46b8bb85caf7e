package org.latentlab.cli;

import org.latentlab.experiment.Family;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.model.CostEstimate;
import org.latentlab.experiment.geometry.LossSpec;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.util.Locale;

/** The options that pick the loss a geometry command analyses: --n, --part, --seed. */
final class LossOptions {

    @Option(names = "--n", paramLabel = "EXAMPLES", defaultValue = "1000",
            description = "examples the loss is taken over (held-out ones for an autoencoder); default"
                    + " ${DEFAULT-VALUE}")
    int examples;

    @Option(names = "--part", paramLabel = "D|G", defaultValue = "D", converter = PartConverter.class,
            description = "for a GAN: D's loss (G fixed) or G's loss (D fixed); default ${DEFAULT-VALUE}")
    GeometryModels.Part part;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of every random choice (data drawn, codes, start vectors, directions); default"
                    + " ${DEFAULT-VALUE}")
    long seed;

    /** The most examples an analysis takes its loss over (a float64 batch of 100,000 MNIST images is 627 MB). */
    static final int MAX_EXAMPLES = 100_000;

    /** Refuses a zero, negative or absurd --n before anything is loaded. */
    void check() {
        OptionChecks.within("--n", examples, 1, MAX_EXAMPLES, "examples the loss is taken over (default "
                + LossSpec.DEFAULT_EXAMPLES + ")");
    }

    /**
     * The loss, with --n bounded by the examples the run has: more than a finite data set (or held-out part) holds
     * is refused with both numbers instead of being quietly cut.
     */
    LossSpec spec(GeometryJobs jobs) {
        check();
        SavedModel m = jobs.model();
        if (examples > LossSpec.DEFAULT_EXAMPLES && m.kind() != Family.RBM) {
            ExampleSet held = m.heldOut();
            DataSource source = held != null ? held : m.trainingData();
            if (source instanceof ExampleSet set && examples > set.size()) {
                throw new LabException(String.format(Locale.ROOT, "--n %,d: %s has %,d %s examples; use --n %,d or"
                        + " fewer", examples, m.runDir().getFileName(), set.size(), held != null ? "held-out"
                        : "training", set.size()));
            }
        }
        return new LossSpec(examples, part, seed);
    }

    /** The parameters of the loss the analysis takes: encoder and decoder, or D's or G's (from the specs). */
    long parameters(SavedModel m) {
        return switch (m.kind()) {
            case AUTOENCODER, VAE -> CostEstimate.of(m.modelSpec().encoder(), 1).trainable()
                    + CostEstimate.of(m.modelSpec().decoder(), 1).trainable();
            case GAN -> CostEstimate.of(part == GeometryModels.Part.DISCRIMINATOR ? m.ganSpec().discriminator()
                    : m.ganSpec().generator(), 1).trainable();
            case RBM, SBN, CYCLEGAN -> Long.MAX_VALUE; // never opened: SavedModel refuses these runs
            case VAEGAN -> Long.MAX_VALUE; // never opened: SavedModel opens a VAE-GAN run as its VAE
            case AAE -> Long.MAX_VALUE; // never opened: GeometryModels refuses these runs
        };
    }

    /** D, G, discriminator or generator. */
    static final class PartConverter implements ITypeConverter<GeometryModels.Part> {
        @Override
        public GeometryModels.Part convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "d", "discriminator" -> GeometryModels.Part.DISCRIMINATOR;
                case "g", "generator" -> GeometryModels.Part.GENERATOR;
                default -> throw new CommandLine.TypeConversionException("--part is D or G, not '" + value + "'");
            };
        }
    }
}
