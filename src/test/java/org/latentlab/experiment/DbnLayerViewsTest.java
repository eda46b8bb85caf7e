package org.latentlab.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.rbm.DbnSampler;
import org.latentlab.train.rbm.RbmSettings;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny DBN 784-16-8 on the bundled MNIST, 10 updates per layer: the bench's pictures are those of the RBM that
 * trains (layer 2's differ from layer 1's and change while layer 2 trains, though layer 1 is frozen then), a
 * higher layer's filters are the product of the weights down to the pixels, and the samples by depth are drawn and
 * written as one picture.
 */
class DbnLayerViewsTest {

    private static ExampleSet train;
    private static ExampleSet heldOut;

    @BeforeAll
    static void loadMnist() {
        ImageDataset mnist = ImageDataset.bundled("mnist", Path.of("datasets"), ImageScale.ZERO_TO_ONE);
        train = mnist.range(0, 2000);
        heldOut = mnist.range(9800, mnist.size());
    }

    private static RbmTrainer trainer() {
        return new RbmTrainer(train, new RbmSettings(List.of(16, 8), 1, false, 0.1, 0.5, 0, 16, 10), 3,
                DataType.FLOAT);
    }

    private static void iterate(RbmTrainer t, int n) {
        for (int i = 0; i < n; i++) {
            t.iterate();
        }
    }

    @Test
    void eachLayerIsShownWhileItTrains() {
        RbmTrainer t = trainer();
        ReconstructionViews views = new ReconstructionViews(train, heldOut, 3);
        iterate(t, 10);
        ReconstructionView first = views.view(t);
        assertEquals(0, first.stack().layer(), "just as layer 1 finishes, its pictures are shown");
        assertEquals("layer 1 of 2: 784-16", first.stack().caption());
        assertEquals(16, first.codeActivity().length);

        iterate(t, 3);
        ReconstructionView second = views.view(t);
        assertEquals("layer 2 of 2: 784-16-8", second.stack().caption());
        assertEquals(8, second.codeActivity().length, "the activity of layer 2's hidden units");
        assertEquals(8, second.filters().count());
        assertFalse(Arrays.equals(first.reconstructions().values(), second.reconstructions().values()));
        assertFalse(Arrays.equals(first.samples().values(), second.samples().values()));

        float[] layerOneFilters = t.filters(16, 0);
        iterate(t, 5);
        ReconstructionView later = views.view(t);
        assertArrayEquals(layerOneFilters, t.filters(16, 0), "layer 1 is frozen while layer 2 trains");
        assertFalse(Arrays.equals(second.reconstructions().values(), later.reconstructions().values()),
                "layer 2's pictures change as it trains");
        assertFalse(Arrays.equals(second.filters().values(), later.filters().values()));
    }

    @Test
    void aHigherLayersFiltersAreTheWeightsMultipliedDownToThePixels() {
        RbmTrainer t = trainer();
        iterate(t, 14);
        double[][] w0 = t.rbm(0).weights().castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] w1 = t.rbm(1).weights().castTo(DataType.DOUBLE).toDoubleMatrix();
        float[] filters = t.filters(5, 1);
        assertEquals(5 * 784, filters.length);
        for (int u = 0; u < 5; u++) {
            for (int pixel = 0; pixel < 784; pixel++) {
                double sum = 0;
                for (int j = 0; j < 16; j++) {
                    sum += w0[pixel][j] * w1[j][u];
                }
                assertEquals(sum, filters[u * 784 + pixel], 1e-5, "unit " + u + ", pixel " + pixel);
            }
        }
    }

    @Test
    void samplesByDepthStartAtTheSameExamplesAndAreWrittenSideBySide(@TempDir Path tmp) throws Exception {
        RbmTrainer t = trainer();
        iterate(t, 20);
        DbnDepthSamples s = DbnDepthSamples.draw(t, 2, 12, 5, DbnSampler.DownPass.STOCHASTIC, false);
        assertEquals(2, s.columns().size());
        assertArrayEquals(t.gibbsSamples(12, 5), s.columns().get(0).samples().values(), 0f,
                "the 1-layer DBN's samples are the first RBM's Gibbs samples");
        assertEquals("784-16-8", s.columns().get(1).sizes());
        assertTrue(s.columns().get(1).how().contains("Gibbs steps in RBM 2 (16-8) from data, then one pass down"
                + " through RBM 1"), s.columns().get(1).how());
        for (float p : s.columns().get(1).samples().values()) {
            assertTrue(p >= 0 && p <= 1, "pixel probabilities: " + p);
        }
        Path png = tmp.resolve("by-depth.png");
        DbnDepthPicture.write(s, png);
        BufferedImage img = ImageIO.read(png.toFile());
        BufferedImage grid = ReconstructionSamples.strip(s.columns().get(0).samples(), 2, DbnDepthPicture.PER_ROW);
        assertTrue(img.getWidth() >= 2 * grid.getWidth() && img.getHeight() > grid.getHeight(),
                img.getWidth() + "x" + img.getHeight());
    }
}
