package org.latentlab.latent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written by ImageExport, read back with ImageIO. */
class ImageExportTest {

    @TempDir
    Path dir;

    /** n frames of a 1 x 6 x 5 image whose brightness ramps with the frame number. */
    private static float[][] greyFrames(int n) {
        float[][] frames = new float[n][30];
        for (int f = 0; f < n; f++) {
            for (int p = 0; p < 30; p++) {
                frames[f][p] = (f + p / 30f) / n;
            }
        }
        return frames;
    }

    private static IIOMetadataNode find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return (IIOMetadataNode) node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void anAnimatedGifHasEveryFrameAtTheRightSizeAndLoops() throws Exception {
        Path gif = dir.resolve("walk.gif");
        ImageExport.writeGif(greyFrames(7), ImageShape.image(1, 6, 5), 3, 80, true, gif);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(7, reader.getNumImages(true));
            for (int i = 0; i < 7; i++) {
                BufferedImage img = reader.read(i);
                assertEquals(15, img.getWidth());
                assertEquals(18, img.getHeight());
            }
            Node tree = reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            assertEquals("8", find(tree, "GraphicControlExtension").getAttribute("delayTime"));
            IIOMetadataNode app = find(tree, "ApplicationExtension");
            assertNotNull(app, "the NETSCAPE2.0 loop extension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            byte[] loop = (byte[]) app.getUserObject();
            assertEquals(0, loop[1] | loop[2], "loop count 0: forever");
            // the last frame is brighter than the first, as drawn
            assertTrue((reader.read(6).getRGB(0, 0) & 0xff) > (reader.read(0).getRGB(0, 0) & 0xff));
        } finally {
            reader.dispose();
        }
        assertEquals(List.of(gif), Files.list(dir).toList(), "no temporary file left behind");
    }

    @Test
    void anRgbGifReadsBackInColour() throws Exception {
        float[] red = new float[3 * 4 * 4];
        for (int p = 0; p < 16; p++) {
            red[p] = 1;
        }
        float[] blue = new float[3 * 4 * 4];
        for (int p = 0; p < 16; p++) {
            blue[32 + p] = 1;
        }
        Path gif = dir.resolve("rgb.gif");
        ImageExport.writeGif(new float[][] {red, blue}, ImageShape.image(3, 4, 4), 1, 100, false, gif);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true));
            assertEquals(0xff0000, reader.read(0).getRGB(1, 1) & 0xffffff);
            assertEquals(0x0000ff, reader.read(1).getRGB(1, 1) & 0xffffff);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void aStripIsOnePngWithGaps() throws Exception {
        Path png = dir.resolve("strip.png");
        ImageExport.writeStrip(greyFrames(5), ImageShape.image(1, 6, 5), 2, 5, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(5 * 10 + 4 * 2, img.getWidth());
        assertEquals(12, img.getHeight());
        BufferedImage grid = ImageExport.strip(greyFrames(5), ImageShape.image(1, 6, 5), 1, 2, 1);
        assertEquals(2 * 5 + 1, grid.getWidth());
        assertEquals(3 * 6 + 2, grid.getHeight());
    }

    @Test
    void aPngSequenceHasOneNumberedFilePerFrame() throws Exception {
        List<Path> files = ImageExport.writePngSequence(greyFrames(3), ImageShape.image(1, 6, 5), 1,
                dir.resolve("frames"), "walk");
        assertEquals(List.of("walk_0000.png", "walk_0001.png", "walk_0002.png"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(5, img.getWidth());
            assertEquals(6, img.getHeight());
        }
    }

    @Test
    void vectorsAreNotImages() {
        assertThrows(IllegalArgumentException.class, () -> ImageExport.picture(new float[4], ImageShape.vector(4),
                1));
    }
}
