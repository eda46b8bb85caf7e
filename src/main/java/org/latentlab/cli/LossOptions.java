package org.latentlab.cli;

import org.latentlab.experiment.GeometryModels;
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

    LossSpec spec() {
        return new LossSpec(examples, part, seed);
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
