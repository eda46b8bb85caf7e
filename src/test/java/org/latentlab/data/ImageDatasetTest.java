package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;

class ImageDatasetTest {

    private static final Path DATASETS = Path.of("datasets");

    @TempDir
    Path dir;

    private Path images(String name, int count, int rows, int cols) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols).putInt(0x803).putInt(count).putInt(rows)
                .putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            b.put((byte) (i % 2 == 0 ? 0 : 255));
        }
        return Files.write(dir.resolve(name), b.array());
    }

    private Path labels(String name, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return Files.write(dir.resolve(name), b.array());
    }

    @Test
    void bundledMnistLoadsScaledAndLabelled() {
        ImageDataset mnist = ImageDataset.bundled("mnist", DATASETS, ImageScale.MINUS_ONE_TO_ONE);
        assertEquals(10000, mnist.size());
        assertArrayEquals(new int[] {1, 28, 28}, mnist.shape());
        assertEquals(784, mnist.dimension());
        assertEquals("mnist (10000 images)", mnist.name());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : mnist.image(0)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(-1f, min);
        assertTrue(max > 0.9f && max <= 1f);
        for (int i = 0; i < mnist.size(); i++) {
            assertTrue(mnist.label(i) >= 0 && mnist.label(i) <= 9);
        }
        assertEquals(64, mnist.contentHash().length());
    }

    @Test
    void bundledFashionLoads() {
        ImageDataset fashion = ImageDataset.bundled("fashion", DATASETS, ImageScale.ZERO_TO_ONE);
        assertEquals(10000, fashion.size());
        for (float v : fashion.image(9999)) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void sampleIsReproducibleAndCopiesImages() throws IOException {
        ImageDataset data = ImageDataset.load(images("i.idx", 5, 2, 2), labels("l.idx", 5), ImageScale.ZERO_TO_ONE,
                null);
        assertEquals("i.idx", data.name());
        float[] a = new float[3 * 4];
        float[] b = new float[3 * 4];
        data.sample(3, new Random(9), a);
        data.sample(3, new Random(9), b);
        assertArrayEquals(a, b);
        assertArrayEquals(new float[] {0f, 1f, 0f, 1f}, data.image(4));
        assertEquals(4, data.label(4));
    }

    @Test
    void labelCountMismatchNamesBothFiles() throws IOException {
        Path img = images("imgs.idx", 5, 2, 2);
        Path lab = labels("labs.idx", 4);
        LabException e = assertThrows(LabException.class,
                () -> ImageDataset.load(img, lab, ImageScale.ZERO_TO_ONE, "x"));
        assertTrue(e.getMessage().contains("imgs.idx") && e.getMessage().contains("labs.idx"), e.getMessage());
    }

    @Test
    void fullOriginalFilesArePreferred() throws IOException {
        images("train-images-idx3-ubyte", 3, 4, 4);
        labels("train-labels-idx1-ubyte", 3);
        ImageDataset mnist = ImageDataset.bundled("mnist", dir, ImageScale.ZERO_TO_ONE);
        assertEquals(3, mnist.size());
        assertArrayEquals(new int[] {1, 4, 4}, mnist.shape());
    }

    @Test
    void missingBundledSaysWhereItLooked() {
        LabException e = assertThrows(LabException.class,
                () -> ImageDataset.bundled("fashion", dir, ImageScale.ZERO_TO_ONE));
        assertTrue(e.getMessage().contains("fashion-10k-images-idx3-ubyte.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
        assertThrows(LabException.class, () -> ImageDataset.bundled("cifar", dir, ImageScale.ZERO_TO_ONE));
    }
}
