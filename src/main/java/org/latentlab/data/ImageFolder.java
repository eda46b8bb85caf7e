package org.latentlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.latentlab.core.LabException;

/**
 * A person's own images: every {@code .png}, {@code .jpg} and {@code .jpeg} file (any letter case) in a folder,
 * converted to grey or RGB and resized to one chosen size, each sample {@code channels x height x width} floats
 * (channel planes, each row-major: DL4J's NCHW layout) in the range of an {@link ImageScale}.
 *
 * <h2>Folder layout</h2>
 * <ul>
 *   <li>Images directly in the folder: an unlabelled set ({@link #hasLabels()} false, {@link #label} -1).</li>
 *   <li>Images in sub-folders, one per class: a labelled set. Class {@code i} is the {@code i}-th sub-folder in
 *       name order and {@link #labelName(int)} is its name. Only images directly inside a class folder count
 *       (one level deep); sub-folders holding no image are not classes. Images directly in the folder are then
 *       an error, since it is unclear which class they belong to.</li>
 * </ul>
 * Entries whose name starts with a dot (such as macOS {@code ._photo.png} companions) are skipped, as are files
 * with other extensions. Examples are ordered by class folder, then by file name, so a load is deterministic; note
 * that a contiguous {@link #range} of a labelled set therefore follows the class order.
 *
 * <h2>Conversion</h2>
 * <ul>
 *   <li><b>Decoding</b> uses {@link ImageIO}; any content it recognises is accepted whatever the extension. Grey
 *       images (8- or 16-bit, with or without alpha) keep their stored values; other images are read as sRGB.</li>
 *   <li><b>Transparency</b> is composited over <b>black</b>, so a transparent background reads 0 like the
 *       background of MNIST.</li>
 *   <li><b>Grey</b> is the luminance {@code 0.299 R + 0.587 G + 0.114 B}; a grey image read in colour has three
 *       equal planes.</li>
 *   <li><b>Aspect ratio</b>: see {@link Fit}; the default is {@link Fit#CROP}.</li>
 *   <li><b>Resampling</b> is separable and done here, not by Java2D, so results do not depend on the platform:
 *       along an axis that shrinks, each output pixel is the area-weighted mean of the source pixels it covers
 *       (a box filter, exact for non-integer factors); along an axis that grows, it is linearly interpolated
 *       between the two nearest source pixel centres.</li>
 * </ul>
 * Pixels are stored as bytes 0..255 per channel (a quarter of the memory of floats) and scaled when read.
 *
 * <h2>Errors</h2>
 * Loading fails with a {@link LabException} naming the folder or file: a missing folder, a folder without images,
 * loose images beside class folders, or a file that cannot be decoded. One unreadable file fails the whole load
 * rather than being skipped, because a data set silently missing files would be worse than an error.
 *
 * <p>The resampling of each image into the target size is {@link ImageResampler}'s.
 */
public final class ImageFolder implements ExampleSet {

    /** Largest accepted width and height. */
    public static final int MAX_SIZE = 512;

    /** How an image whose aspect ratio differs from the target's is fitted. */
    public enum Fit {
        /** Scale width and height independently to fill the target; shapes get distorted. */
        STRETCH,
        /** Scale to cover the target and cut off the centred excess (the default: no borders, no distortion). */
        CROP,
        /** Scale to fit inside the target and fill the remaining border with the background (black). */
        PAD
    }

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final Fit fit;
    private final ImageScale scale;
    private final float[] table;
    private final byte[] pixels;
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private volatile String contentHash;

    private ImageFolder(String name, int channels, int height, int width, Fit fit, ImageScale scale, byte[] pixels,
            List<Path> files, int[] labels, List<String> classNames) {
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.fit = fit;
        this.scale = scale;
        this.table = scale.table();
        this.pixels = pixels;
        this.files = files;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * Loads the images in {@code dir} resized to {@code width x height} with {@link Fit#CROP}; see the class
     * documentation for the folder layout and the conversion.
     *
     * @param colour true for three RGB planes, false for one grey plane
     * @throws IllegalArgumentException if width or height is outside 1..{@value #MAX_SIZE}
     * @throws LabException if the folder is missing, holds no images, mixes loose images with class folders, or
     *         holds a file that cannot be decoded (the message names it)
     */
    public static ImageFolder load(Path dir, int width, int height, boolean colour, ImageScale scale) {
        return load(dir, width, height, colour, scale, Fit.CROP);
    }

    /**
     * Loads the images in {@code dir} resized to {@code width x height}, fitting their aspect ratio with
     * {@code fit}. See {@link #load(Path, int, int, boolean, ImageScale)}.
     */
    public static ImageFolder load(Path dir, int width, int height, boolean colour, ImageScale scale, Fit fit) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(fit, "fit");
        checkSize("width", width);
        checkSize("height", height);
        if (!Files.exists(dir)) {
            throw new LabException("Image folder " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new LabException(dir + " is not a folder: choose the folder that holds the images");
        }

        List<Path> files = new ArrayList<>();
        List<Integer> fileLabels = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (Files.isDirectory(entry)) {
                List<Path> images = imagesIn(entry);
                if (!images.isEmpty()) {
                    for (Path image : images) {
                        files.add(image);
                        fileLabels.add(classNames.size());
                    }
                    classNames.add(fileName(entry));
                }
            } else if (isImageFile(entry)) {
                loose.add(entry);
            }
        }
        if (!loose.isEmpty() && !classNames.isEmpty()) {
            throw new LabException(dir + " holds both images (such as " + fileName(loose.get(0))
                    + ") and class folders (" + String.join(", ", classNames) + "): put every image in a class"
                    + " folder, or keep them all directly in " + dir + " without labels");
        }
        int[] labels = null;
        if (classNames.isEmpty()) {
            files.addAll(loose);
        } else {
            labels = fileLabels.stream().mapToInt(Integer::intValue).toArray();
        }
        if (files.isEmpty()) {
            throw new LabException("no .png/.jpg/.jpeg files in " + dir);
        }

        int channels = colour ? 3 : 1;
        long dimension = (long) channels * height * width;
        long total = dimension * files.size();
        if (total > Integer.MAX_VALUE - 16) {
            throw new LabException(files.size() + " images of " + channels + "x" + height + "x" + width
                    + " need " + total / (1 << 20) + " MB, more than one array can hold: choose a smaller size");
        }
        byte[] pixels = new byte[(int) total];
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image = decode(files.get(i));
            ImageResampler.render(image, channels, height, width, fit, pixels, (int) (i * dimension));
        }
        String folderName = dir.getFileName() != null ? dir.getFileName().toString() : dir.toString();
        return new ImageFolder(folderName + " (" + files.size() + " images)", channels, height, width, fit, scale,
                pixels, List.copyOf(files), labels, List.copyOf(classNames));
    }

    private static void checkSize(String what, int value) {
        if (value < 1 || value > MAX_SIZE) {
            throw new IllegalArgumentException("image " + what + " must be 1.." + MAX_SIZE + ", got " + value);
        }
    }

    /** The entries of a folder, sorted by name, without hidden ones. */
    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !fileName(p).startsWith("."))
                    .sorted(Comparator.comparing(ImageFolder::fileName))
                    .toList();
        } catch (IOException e) {
            throw new LabException("Cannot list the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> imagesIn(Path dir) {
        return list(dir).stream().filter(ImageFolder::isImageFile).toList();
    }

    private static boolean isImageFile(Path p) {
        String lower = fileName(p).toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private static BufferedImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new LabException(file + ": not a readable PNG/JPEG image (" + reason + ")", e);
        }
        if (image == null) {
            throw new LabException(file + ": not a readable PNG/JPEG image (no decoder recognises its content)");
        }
        return image;
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code [channels, height, width]}, channels 1 (grey) or 3 (RGB). */
    @Override
    public int[] shape() {
        return new int[] {channels, height, width};
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public Fit fit() {
        return fit;
    }

    public ImageScale scale() {
        return scale;
    }

    /** Number of images. */
    @Override
    public int size() {
        return files.size();
    }

    /** Image {@code i} as channels*height*width scaled floats, channel planes row-major (a new array). */
    @Override
    public float[] example(int i) {
        float[] out = new float[dimension()];
        copyImage(checkIndex(i), out, 0);
        return out;
    }

    /** The file image {@code i} was read from. */
    public Path file(int i) {
        return files.get(checkIndex(i));
    }

    /** True when the images came from class folders. */
    @Override
    public boolean hasLabels() {
        return labels != null;
    }

    /** The class (index of the class folder in {@link #classNames()}) of image {@code i}, or -1 without labels. */
    @Override
    public int label(int i) {
        return labels == null ? -1 : labels[checkIndex(i)];
    }

    /** The name of the class folder of class {@code label}. */
    @Override
    public String labelName(int label) {
        if (label < 0 || label >= classNames.size()) {
            throw new IndexOutOfBoundsException("class " + label + " of " + classNames.size() + " in " + name);
        }
        return classNames.get(label);
    }

    /** The class folder names in label order; empty when the set has no labels. */
    public List<String> classNames() {
        return classNames;
    }

    /** Draws n images uniformly at random, with replacement ({@code rng.nextInt(size())} each). */
    @Override
    public void sample(int n, Random rng, float[] out) {
        int dim = dimension();
        if (n < 0 || out.length < (long) n * dim) {
            throw new IllegalArgumentException("need room for " + n + " images (" + (long) n * dim
                    + " floats), got " + out.length);
        }
        for (int k = 0; k < n; k++) {
            copyImage(rng.nextInt(size()), out, k * dim);
        }
    }

    /**
     * SHA-256 (hex) of the shape, the stored pixel bytes and, for a labelled set, the labels and class names. The
     * scale is not included: it is applied on reading and recorded with the experiment.
     */
    @Override
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            MessageDigest digest = Sha256.newDigest();
            digest.update(ByteBuffer.allocate(16).putInt(size()).putInt(channels).putInt(height).putInt(width)
                    .array());
            digest.update(pixels);
            if (labels != null) {
                ByteBuffer b = ByteBuffer.allocate(4 * labels.length);
                for (int label : labels) {
                    b.putInt(label);
                }
                digest.update(b.array());
                digest.update(String.join("\n", classNames).getBytes(StandardCharsets.UTF_8));
            }
            hash = Sha256.hex(digest);
            contentHash = hash;
        }
        return hash;
    }

    private void copyImage(int i, float[] out, int offset) {
        int dim = dimension();
        int start = i * dim;
        for (int p = 0; p < dim; p++) {
            out[offset + p] = table[pixels[start + p] & 0xff];
        }
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("image " + i + " of " + size());
        }
        return i;
    }

    @Override
    public String toString() {
        return name + ": " + channels + "x" + height + "x" + width + " " + (channels == 1 ? "grey" : "RGB") + ", "
                + fit + ", " + scale + (hasLabels() ? ", " + classNames.size() + " classes" : ", unlabelled");
    }
}
