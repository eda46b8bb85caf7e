package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvPoints;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageFolder;
import org.latentlab.data.ImageScale;
import org.latentlab.data.StackedMnist;
import org.latentlab.data.ToyDistribution;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an experiment's data set, whatever its family: the bundled MNIST / Fashion-MNIST, an IDX or CSV file, a
 * folder of images or a toy distribution, with paths resolved against the experiment file's folder; and splits it
 * into the part trained on and the held-out part.
 */
public final class ExperimentData {

    private ExperimentData() {
    }

    /** The training data and the held-out examples of an experiment (none for a GAN or a sampled distribution). */
    public record Split(DataSource train, ExampleSet heldOut) {
    }

    /**
     * Opens the data of {@code spec}, images scaled as its family trains on them: [-1, 1] for a GAN's tanh
     * generator, [0, 1] for the families that reconstruct (sigmoid outputs, Bernoulli units).
     */
    public static DataSource open(Experiment<?> spec, Path baseDir) {
        return open(spec.dataset(), baseDir, scaleOf(spec.family()));
    }

    /** How images are scaled for a family. */
    public static ImageScale scaleOf(Family family) {
        return family == Family.GAN ? ImageScale.MINUS_ONE_TO_ONE : ImageScale.ZERO_TO_ONE;
    }

    /** Opens a data set; images scaled to {@code scale}. */
    public static DataSource open(DatasetSpec d, Path baseDir, ImageScale scale) {
        return switch (d.kind()) {
            case TOY -> ToyDistribution.named(d.name());
            case CSV -> CsvPoints.read(resolve(d.path(), baseDir));
            case IMAGES -> d.path() != null
                    ? ImageDataset.load(resolve(d.path(), baseDir), null, scale, d.path())
                    : ImageDataset.bundled(d.name(), bundledDir(baseDir), scale);
            case FOLDER -> ImageFolder.load(resolve(d.path(), baseDir), d.width(), d.height(), d.colour(), scale);
            case STACKED -> new StackedMnist(ImageDataset.bundled(d.name(), bundledDir(baseDir), scale),
                    StackedMnist.DEFAULT_SIZE, StackedMnist.DEFAULT_SEED);
        };
    }

    /**
     * A finite data set keeps its last {@code heldOut} examples (in a fixed shuffled order, so a folder sorted by
     * class gives a held-out part of every class) apart; a distribution is sampled fresh, its held-out examples
     * drawn once with a fixed seed.
     */
    public static Split split(DataSource data, int heldOut, long seed) {
        if (data instanceof ExampleSet set) {
            if (set.size() < heldOut + 10) {
                throw new LabException(set.name() + " has " + set.size() + " examples: too few to keep " + heldOut
                        + " held out; lower heldOut or add examples");
            }
            ExampleSet shuffled = set.permuted(seed);
            return new Split(shuffled.range(0, set.size() - heldOut), shuffled.range(set.size() - heldOut,
                    set.size()));
        }
        return new Split(data, null);
    }

    /** The folder of the bundled data sets: {@code latentlab.datasets}, or {@code datasets}. */
    public static Path datasetsDir() {
        return Path.of(System.getProperty("latentlab.datasets", "datasets"));
    }

    /**
     * Where the bundled data sets are: {@link #datasetsDir()}, or, when that relative folder is not in the working
     * directory, the same folder under {@code baseDir} (a run's recorded base: the lab's folder when it trained), or
     * else in the lab's own folder ({@link #besideTheLab}), so that the lab started from elsewhere finds its data.
     */
    public static Path bundledDir(Path baseDir) {
        Path dir = datasetsDir();
        if (Files.isDirectory(dir) || dir.isAbsolute()) {
            return dir;
        }
        if (baseDir != null && Files.isDirectory(baseDir.resolve(dir))) {
            return baseDir.resolve(dir);
        }
        return besideTheLab(dir, codeLocation()).orElse(dir);
    }

    /**
     * The relative folder {@code dir} in the lab's own folder, when the lab is started from another working
     * directory: the nearest of the code's location ({@code target/classes} or a jar) and its three parents that
     * holds it.
     */
    static java.util.Optional<Path> besideTheLab(Path dir, Path code) {
        for (Path p = code; p != null && code.getNameCount() - p.getNameCount() <= 3; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(dir))) {
                return java.util.Optional.of(p.resolve(dir));
            }
        }
        return java.util.Optional.empty();
    }

    private static Path codeLocation() {
        try {
            java.security.CodeSource source = ExperimentData.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    static Path resolve(String path, Path baseDir) {
        Path p = Path.of(path);
        if (p.isAbsolute() || baseDir == null) {
            return p;
        }
        Path beside = baseDir.resolve(p);
        return Files.exists(beside) ? beside : p;
    }
}
