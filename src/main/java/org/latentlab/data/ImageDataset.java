package org.latentlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.latentlab.core.LabException;

/**
 * Grey-scale images from IDX files (MNIST, Fashion-MNIST), each sample {@code 1 x rows x cols} floats in the range
 * of an {@link ImageScale}, with optional class labels. Pixels are kept as the original bytes (a quarter of the
 * memory of floats: 47 MB for the full 60,000 MNIST images) and scaled when an image or a batch is read.
 */
public final class ImageDataset implements ExampleSet {

    private static final List<String> BUNDLED = List.of("mnist", "fashion");
    private static final String FULL_IMAGES = "train-images-idx3-ubyte";
    private static final String FULL_LABELS = "train-labels-idx1-ubyte";

    private final String name;
    private final IdxImages images;
    private final int[] labels;
    private final ImageScale scale;
    private final float[] table;
    private volatile String contentHash;

    private ImageDataset(String name, IdxImages images, int[] labels, ImageScale scale) {
        this.name = name;
        this.images = images;
        this.labels = labels;
        this.scale = scale;
        this.table = scale.table();
    }

    /**
     * Loads images and, if {@code labelsFileOrNull} is given, their labels, whose count must match. A null
     * {@code name} becomes the images file name.
     */
    public static ImageDataset load(Path imagesFile, Path labelsFileOrNull, ImageScale scale, String name) {
        IdxImages images = IdxReader.readImages(imagesFile);
        if (images.count() == 0) {
            throw new LabException(imagesFile + ": the IDX file holds no images");
        }
        int[] labels = null;
        if (labelsFileOrNull != null) {
            byte[] raw = IdxReader.readLabels(labelsFileOrNull);
            if (raw.length != images.count()) {
                throw new LabException("Label count does not match image count: " + labelsFileOrNull + " has "
                        + raw.length + " labels but " + imagesFile + " has " + images.count() + " images");
            }
            labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
        }
        return new ImageDataset(name != null ? name : imagesFile.getFileName().toString(), images, labels, scale);
    }

    /**
     * {@code mnist} or {@code fashion}. Prefers the full original training files ({@code train-images-idx3-ubyte}
     * and {@code train-labels-idx1-ubyte}, optionally {@code .gz}) in {@code datasetsDir} for MNIST or in
     * {@code datasetsDir/fashion} for Fashion-MNIST; otherwise the bundled 10,000-image files
     * {@code datasetsDir/<name>-10k-images-idx3-ubyte.gz} and {@code -labels-idx1-ubyte.gz}. If the original images
     * are present without labels, they are loaded unlabelled. The name reads e.g. {@code mnist (10000 images)}.
     */
    public static ImageDataset bundled(String name, Path datasetsDir, ImageScale scale) {
        if (name == null || !BUNDLED.contains(name)) {
            throw new LabException("Unknown bundled image dataset '" + name + "'; valid names: "
                    + String.join(", ", BUNDLED));
        }
        Path fullDir = name.equals("fashion") ? datasetsDir.resolve("fashion") : datasetsDir;
        List<Path> lookedAt = new ArrayList<>();
        Path images = firstExisting(lookedAt, fullDir.resolve(FULL_IMAGES), fullDir.resolve(FULL_IMAGES + ".gz"));
        Path labels;
        if (images != null) {
            labels = firstExisting(new ArrayList<>(), fullDir.resolve(FULL_LABELS),
                    fullDir.resolve(FULL_LABELS + ".gz"));
        } else {
            images = firstExisting(lookedAt, datasetsDir.resolve(name + "-10k-images-idx3-ubyte.gz"));
            labels = datasetsDir.resolve(name + "-10k-labels-idx1-ubyte.gz");
            if (images == null) {
                throw new LabException("No " + name + " images found; looked for " + String.join(", ",
                        lookedAt.stream().map(Path::toString).toList()));
            }
        }
        ImageDataset loaded = load(images, labels, scale, name);
        return new ImageDataset(name + " (" + loaded.size() + " images)", loaded.images, loaded.labels, scale);
    }

    private static Path firstExisting(List<Path> lookedAt, Path... candidates) {
        for (Path p : candidates) {
            lookedAt.add(p);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return new int[] {1, images.rows(), images.cols()};
    }

    public int rows() {
        return images.rows();
    }

    public int cols() {
        return images.cols();
    }

    public ImageScale scale() {
        return scale;
    }

    /** Number of images. */
    @Override
    public int size() {
        return images.count();
    }

    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    /** Image {@code i} as rows*cols scaled floats, row-major (a new array). */
    public float[] image(int i) {
        float[] out = new float[images.imageSize()];
        copyImage(checkIndex(i), out, 0);
        return out;
    }

    @Override
    public float[] example(int i) {
        return image(i);
    }

    /** The class label (0..255, 0..9 for MNIST) of image {@code i}. */
    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[checkIndex(i)];
    }

    /** Draws n images uniformly at random, with replacement ({@code rng.nextInt(size())} each). */
    @Override
    public void sample(int n, Random rng, float[] out) {
        int dim = images.imageSize();
        if (n < 0 || out.length < (long) n * dim) {
            throw new IllegalArgumentException("need room for " + n + " images (" + (long) n * dim
                    + " floats), got " + out.length);
        }
        for (int k = 0; k < n; k++) {
            copyImage(rng.nextInt(images.count()), out, k * dim);
        }
    }

    /** SHA-256 (hex) of the raw pixel bytes. */
    @Override
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            hash = Sha256.hex(images.pixels());
            contentHash = hash;
        }
        return hash;
    }

    private void copyImage(int i, float[] out, int offset) {
        byte[] pixels = images.pixels();
        int dim = images.imageSize();
        int start = i * dim;
        for (int p = 0; p < dim; p++) {
            out[offset + p] = table[pixels[start + p] & 0xff];
        }
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= images.count()) {
            throw new IndexOutOfBoundsException("image " + i + " of " + images.count());
        }
        return i;
    }

    @Override
    public String toString() {
        return name + ": " + size() + " images 1x" + rows() + "x" + cols() + ", " + scale
                + (hasLabels() ? ", labelled" : "");
    }
}
