package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntBinaryOperator;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.ImageFolder.Fit;

class ImageFolderTest {

    private static final float ONE_LEVEL = 1f / 255f;
    private static final int RED = 0xffff0000;
    private static final int WHITE = 0xffffffff;
    private static final int BLACK = 0xff000000;

    @TempDir
    Path dir;

    /** An opaque RGB image whose pixel (x, y) is {@code argb(x, y)}. */
    private static BufferedImage rgb(int w, int h, IntBinaryOperator argb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, argb.applyAsInt(x, y));
            }
        }
        return image;
    }

    /** An 8-bit grey image whose pixel (x, y) is {@code grey(x, y)} (0..255). */
    private static BufferedImage grey(int w, int h, IntBinaryOperator grey) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.getRaster().setSample(x, y, 0, grey.applyAsInt(x, y));
            }
        }
        return image;
    }

    /** JPEG has no alpha: ARGB test images are flattened to RGB (grey ones are written as they are). */
    private static BufferedImage opaque(BufferedImage argb) {
        BufferedImage image = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawImage(argb, 0, 0, null);
        return image;
    }

    private static Path write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String format = file.toString().toLowerCase().endsWith(".png") ? "png" : "jpeg";
        boolean flatten = format.equals("jpeg") && image.getColorModel().hasAlpha();
        assertTrue(ImageIO.write(flatten ? opaque(image) : image, format, file.toFile()));
        return file;
    }

    private static void assertAll(float expected, float[] values, int from, int to, float tolerance) {
        for (int i = from; i < to; i++) {
            assertEquals(expected, values[i], tolerance, "value " + i);
        }
    }

    @Test
    void whitePngIsOneAndShapeIsChw() throws IOException {
        write(rgb(10, 10, (x, y) -> WHITE), dir.resolve("white.png"));
        ImageFolder grey = ImageFolder.load(dir, 8, 6, false, ImageScale.ZERO_TO_ONE);
        assertArrayEquals(new int[] {1, 6, 8}, grey.shape());
        assertEquals(48, grey.dimension());
        assertEquals(1, grey.size());
        assertAll(1f, grey.example(0), 0, 48, 0f);

        ImageFolder colour = ImageFolder.load(dir, 8, 6, true, ImageScale.MINUS_ONE_TO_ONE);
        assertArrayEquals(new int[] {3, 6, 8}, colour.shape());
        assertAll(1f, colour.example(0), 0, 3 * 48, 0f);
        assertFalse(colour.hasLabels());
        assertEquals(-1, colour.label(0));
        assertEquals(List.of(), colour.classNames());
        assertTrue(colour.name().endsWith(" (1 images)"), colour.name());
    }

    @Test
    void redPixelFillsOnlyTheRedPlane() throws IOException {
        // Left half red, right half black, so the planes and the column order are both checked.
        write(rgb(4, 2, (x, y) -> x < 2 ? RED : BLACK), dir.resolve("red.PNG"));
        ImageFolder colour = ImageFolder.load(dir, 4, 2, true, ImageScale.ZERO_TO_ONE);
        float[] v = colour.example(0);
        assertArrayEquals(new float[] {1, 1, 0, 0, 1, 1, 0, 0}, Arrays.copyOfRange(v, 0, 8));
        assertAll(0f, v, 8, 24, 0f);

        ImageFolder grey = ImageFolder.load(dir, 4, 2, false, ImageScale.ZERO_TO_ONE);
        assertEquals(Math.round(0.299 * 255) / 255f, grey.example(0)[0], 1e-6f);
        assertEquals(0f, grey.example(0)[3]);
    }

    @Test
    void greyPngKeepsItsStoredValues() throws IOException {
        // Java's getRGB would brighten 100 to 168 (it treats TYPE_BYTE_GRAY as linear); the file stores 100.
        write(grey(2, 1, (x, y) -> x == 0 ? 100 : 200), dir.resolve("g.png"));
        float[] grey = ImageFolder.load(dir, 2, 1, false, ImageScale.ZERO_TO_ONE).example(0);
        assertArrayEquals(new float[] {100 / 255f, 200 / 255f}, grey, 1e-6f);
        float[] colour = ImageFolder.load(dir, 2, 1, true, ImageScale.ZERO_TO_ONE).example(0);
        assertArrayEquals(new float[] {100 / 255f, 200 / 255f, 100 / 255f, 200 / 255f, 100 / 255f, 200 / 255f},
                colour, 1e-6f);
    }

    @Test
    void sixteenBitGreyIsScaledToBytes() throws IOException {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 32896); // 128 * 257
        write(image, dir.resolve("deep.png"));
        float[] v = ImageFolder.load(dir, 2, 1, false, ImageScale.ZERO_TO_ONE).example(0);
        assertArrayEquals(new float[] {1f, 128 / 255f}, v, 1e-6f);
    }

    @Test
    void transparencyIsCompositedOverBlack() throws IOException {
        write(rgb(3, 1, (x, y) -> x == 0 ? 0x00ffffff : x == 1 ? 0x80ffffff : WHITE), dir.resolve("a.png"));
        float[] v = ImageFolder.load(dir, 3, 1, false, ImageScale.ZERO_TO_ONE).example(0);
        assertArrayEquals(new float[] {0f, 128 / 255f, 1f}, v, 1e-6f);
    }

    @Test
    void jpegsAreReadApproximately() throws IOException {
        write(rgb(16, 16, (x, y) -> 0xff3060c0), dir.resolve("c.jpg"));
        write(grey(16, 16, (x, y) -> 90), dir.resolve("g.JPEG"));
        ImageFolder folder = ImageFolder.load(dir, 8, 8, true, ImageScale.ZERO_TO_ONE);
        assertEquals(2, folder.size());
        assertEquals("c.jpg", folder.file(0).getFileName().toString());
        float tolerance = 4 * ONE_LEVEL;
        float[] c = folder.example(0);
        assertAll(0x30 / 255f, c, 0, 64, tolerance);
        assertAll(0x60 / 255f, c, 64, 128, tolerance);
        assertAll(0xc0 / 255f, c, 128, 192, tolerance);
        assertAll(90 / 255f, folder.example(1), 0, 192, tolerance);
    }

    @Test
    void downscalingAveragesAreas() throws IOException {
        // One-pixel checker: every 2x2 block holds two black and two white pixels, so 28x28 is uniform mid-grey.
        write(grey(56, 56, (x, y) -> (x + y) % 2 == 0 ? 0 : 255), dir.resolve("checker.png"));
        assertAll(128 / 255f, ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE).example(0), 0, 784, 0f);
        Files.delete(dir.resolve("checker.png"));

        // Left half black, right half white: stays split at column 14.
        write(grey(56, 56, (x, y) -> x < 28 ? 0 : 255), dir.resolve("split.png"));
        float[] split = ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE).example(0);
        for (int y = 0; y < 28; y++) {
            assertAll(0f, split, y * 28, y * 28 + 14, 0f);
            assertAll(1f, split, y * 28 + 14, y * 28 + 28, 0f);
        }
        Files.delete(dir.resolve("split.png"));

        // A non-integer factor: 3 pixels (0, 90, 255) into 2 cover 1.5 pixels each.
        write(grey(3, 1, (x, y) -> x == 0 ? 0 : x == 1 ? 90 : 255), dir.resolve("three.png"));
        float[] two = ImageFolder.load(dir, 2, 1, false, ImageScale.ZERO_TO_ONE, Fit.STRETCH).example(0);
        assertArrayEquals(new float[] {30 / 255f, 200 / 255f}, two, 1e-6f);
    }

    @Test
    void upscalingInterpolatesLinearly() throws IOException {
        write(grey(2, 1, (x, y) -> x == 0 ? 0 : 255), dir.resolve("two.png"));
        float[] four = ImageFolder.load(dir, 4, 1, false, ImageScale.ZERO_TO_ONE, Fit.STRETCH).example(0);
        // Output centres fall at source x = -0.25 (clamped), 0.25, 0.75 and 1.25 (clamped).
        assertArrayEquals(new float[] {0f, 64 / 255f, 191 / 255f, 1f}, four, 1e-6f);
    }

    @Test
    void fitCropsPadsOrStretches() throws IOException {
        // 90x30: black, white, black thirds.
        write(grey(90, 30, (x, y) -> x >= 30 && x < 60 ? 255 : 0), dir.resolve("wide.png"));
        float[] crop = ImageFolder.load(dir, 10, 10, false, ImageScale.ZERO_TO_ONE).example(0);
        assertAll(1f, crop, 0, 100, 0f);
        float[] stretch = ImageFolder.load(dir, 9, 3, false, ImageScale.ZERO_TO_ONE, Fit.STRETCH).example(0);
        for (int y = 0; y < 3; y++) {
            assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0},
                    Arrays.copyOfRange(stretch, y * 9, y * 9 + 9));
        }
        Files.delete(dir.resolve("wide.png"));

        // 90x30 white into 30x30: a 30x10 band in the middle rows, black above and below.
        write(grey(90, 30, (x, y) -> 255), dir.resolve("band.png"));
        ImageFolder pad = ImageFolder.load(dir, 30, 30, false, ImageScale.ZERO_TO_ONE, Fit.PAD);
        assertEquals(Fit.PAD, pad.fit());
        float[] padded = pad.example(0);
        assertAll(0f, padded, 0, 300, 0f);
        assertAll(1f, padded, 300, 600, 0f);
        assertAll(0f, padded, 600, 900, 0f);
    }

    @Test
    void classFoldersGiveSortedLabels() throws IOException {
        write(rgb(5, 5, (x, y) -> WHITE), dir.resolve("zebra/1.png"));
        write(rgb(5, 5, (x, y) -> BLACK), dir.resolve("apple/b.png"));
        write(rgb(5, 5, (x, y) -> BLACK), dir.resolve("apple/a.jpg"));
        write(rgb(5, 5, (x, y) -> RED), dir.resolve("mango/x.jpeg"));
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("README.txt"), "not an image");
        Files.writeString(dir.resolve("mango/._x.png"), "a macOS companion file, skipped");

        ImageFolder folder = ImageFolder.load(dir, 4, 4, false, ImageScale.ZERO_TO_ONE);
        assertTrue(folder.hasLabels());
        assertEquals(List.of("apple", "mango", "zebra"), folder.classNames());
        assertEquals(4, folder.size());
        int[] labels = new int[4];
        for (int i = 0; i < 4; i++) {
            labels[i] = folder.label(i);
        }
        assertArrayEquals(new int[] {0, 0, 1, 2}, labels);
        assertEquals("a.jpg", folder.file(0).getFileName().toString());
        assertEquals("b.png", folder.file(1).getFileName().toString());
        assertEquals("zebra", folder.labelName(2));
        assertThrows(IndexOutOfBoundsException.class, () -> folder.labelName(3));
        assertAll(1f, folder.example(3), 0, 16, 0f);
        assertTrue(folder.toString().contains("3 classes"), folder.toString());
    }

    @Test
    void flatFolderHasNoLabels() throws IOException {
        write(rgb(5, 5, (x, y) -> WHITE), dir.resolve("b.png"));
        write(rgb(5, 5, (x, y) -> BLACK), dir.resolve("a.png"));
        ImageFolder folder = ImageFolder.load(dir, 5, 5, false, ImageScale.ZERO_TO_ONE);
        assertFalse(folder.hasLabels());
        assertEquals(-1, folder.label(1));
        assertEquals(0f, folder.example(0)[0]);
        assertEquals(1f, folder.example(1)[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> folder.labelName(0));
        assertThrows(IndexOutOfBoundsException.class, () -> folder.example(2));
    }

    @Test
    void errorsNameTheFolderOrFile() throws IOException {
        LabException empty = assertThrows(LabException.class,
                () -> ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertEquals("no .png/.jpg/.jpeg files in " + dir, empty.getMessage());

        Path missing = dir.resolve("nowhere");
        LabException gone = assertThrows(LabException.class,
                () -> ImageFolder.load(missing, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(gone.getMessage().contains(missing.toString()), gone.getMessage());

        Path file = write(rgb(3, 3, (x, y) -> WHITE), dir.resolve("fine.png"));
        LabException notDir = assertThrows(LabException.class,
                () -> ImageFolder.load(file, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(notDir.getMessage().contains("not a folder"), notDir.getMessage());

        Path corrupt = Files.write(dir.resolve("corrupt.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        LabException bad = assertThrows(LabException.class,
                () -> ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(bad.getMessage().startsWith(corrupt + ": not a readable PNG/JPEG image ("), bad.getMessage());
        Files.delete(corrupt);

        // A real PNG header followed by garbage: the decoder itself fails.
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 9};
        Path truncated = Files.write(dir.resolve("truncated.png"), header);
        LabException cut = assertThrows(LabException.class,
                () -> ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(cut.getMessage().startsWith(truncated + ": not a readable PNG/JPEG image ("), cut.getMessage());
        Files.delete(truncated);

        write(rgb(3, 3, (x, y) -> WHITE), dir.resolve("cats/c.png"));
        LabException mixed = assertThrows(LabException.class,
                () -> ImageFolder.load(dir, 28, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(mixed.getMessage().contains("fine.png") && mixed.getMessage().contains("cats"),
                mixed.getMessage());

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.load(dir, 513, 28, false, ImageScale.ZERO_TO_ONE));
        assertTrue(size.getMessage().contains("1..512"), size.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageFolder.load(dir, 28, 0, false, ImageScale.ZERO_TO_ONE));
    }

    @Test
    void samplingIsReproducibleAndCopiesExamples() throws IOException {
        for (int i = 0; i < 5; i++) {
            int level = i * 60;
            write(grey(6, 6, (x, y) -> level), dir.resolve("g" + i + ".png"));
        }
        ImageFolder folder = ImageFolder.load(dir, 3, 3, true, ImageScale.MINUS_ONE_TO_ONE);
        int d = folder.dimension();
        float[] a = new float[4 * d];
        float[] b = new float[4 * d];
        folder.sample(4, new Random(11), a);
        folder.sample(4, new Random(11), b);
        assertArrayEquals(a, b);
        Random picks = new Random(11);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(folder.example(picks.nextInt(5)), Arrays.copyOfRange(a, k * d, k * d + d));
        }
        assertThrows(IllegalArgumentException.class, () -> folder.sample(5, new Random(1), a));
    }

    @Test
    void contentHashFollowsThePixels() throws IOException {
        write(grey(4, 4, (x, y) -> 10 * x + y), dir.resolve("p.png"));
        String first = ImageFolder.load(dir, 4, 4, false, ImageScale.ZERO_TO_ONE).contentHash();
        assertEquals(64, first.length());
        assertEquals(first, ImageFolder.load(dir, 4, 4, false, ImageScale.MINUS_ONE_TO_ONE).contentHash());
        assertNotEquals(first, ImageFolder.load(dir, 4, 4, true, ImageScale.ZERO_TO_ONE).contentHash());

        write(grey(4, 4, (x, y) -> x == 3 && y == 3 ? 0 : 10 * x + y), dir.resolve("p.png"));
        assertNotEquals(first, ImageFolder.load(dir, 4, 4, false, ImageScale.ZERO_TO_ONE).contentHash());
    }

    @Test
    void rangeSplitsShareTheStorage() throws IOException {
        for (int i = 0; i < 4; i++) {
            int level = i * 80;
            write(grey(2, 2, (x, y) -> level), dir.resolve("img" + i + ".png"));
        }
        ImageFolder folder = ImageFolder.load(dir, 2, 2, false, ImageScale.ZERO_TO_ONE);
        ExampleSet heldOut = folder.range(3, 4);
        assertEquals(1, heldOut.size());
        assertArrayEquals(folder.example(3), heldOut.example(0));
    }
}
