package org.latentlab.latent;

import org.latentlab.core.LabException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes what the latent studio shows, without JavaFX: a strip (grid) of images as one PNG, an animation as a
 * looping animated GIF or as a numbered PNG sequence. Images are display values in [0, 1] ({@link
 * LatentModel#toDisplay}), planar {@code c x h x w}, grey (1 channel) or RGB (3); each pixel is drawn as a
 * {@code scale x scale} block. Files are written to a temporary file beside the target and then moved, so a reader
 * never sees half a file.
 *
 * <p>The GIF follows the GIF89a specification: each frame carries a Graphic Control Extension with its delay in
 * hundredths of a second, and the first an application extension {@code NETSCAPE2.0} whose loop count 0 means
 * "loop forever" (the de-facto convention every browser follows).
 */
public final class ImageExport {

    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private ImageExport() {
    }

    /** One image as a picture, each value a scale x scale block. */
    public static BufferedImage picture(float[] image, ImageShape shape, int scale) {
        checkImage(image, shape, scale);
        int w = shape.width() * scale;
        int h = shape.height() * scale;
        BufferedImage img = new BufferedImage(w, h, shape.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY
                : BufferedImage.TYPE_INT_RGB);
        draw(img, image, shape, scale, 0, 0);
        return img;
    }

    /**
     * Images in a grid {@code columns} wide (rows as needed), separated by {@code gap} pixels of black: a
     * strip when columns >= the number of images.
     */
    public static BufferedImage strip(float[][] images, ImageShape shape, int scale, int columns, int gap) {
        if (images.length == 0) {
            throw new IllegalArgumentException("a strip needs at least one image");
        }
        if (columns < 1 || gap < 0) {
            throw new IllegalArgumentException("columns must be >= 1 and gap >= 0");
        }
        int cols = Math.min(columns, images.length);
        int rows = (images.length + cols - 1) / cols;
        int cw = shape.width() * scale;
        int ch = shape.height() * scale;
        BufferedImage img = new BufferedImage(cols * cw + (cols - 1) * gap, rows * ch + (rows - 1) * gap,
                shape.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < images.length; i++) {
            checkImage(images[i], shape, scale);
            draw(img, images[i], shape, scale, (i % cols) * (cw + gap), (i / cols) * (ch + gap));
        }
        return img;
    }

    /** Writes {@link #strip} as a PNG. */
    public static void writeStrip(float[][] images, ImageShape shape, int scale, int columns, Path file) {
        writePng(strip(images, shape, scale, columns, 2), file);
    }

    /** Writes a picture as a PNG. */
    public static void writePng(BufferedImage img, Path file) {
        atomically(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /**
     * Writes the frames as an animated GIF.
     *
     * @param delayMillis time each frame is shown, rounded to hundredths of a second (at least 1/100 s)
     * @param loop        loop forever (NETSCAPE2.0 loop count 0); otherwise play once
     */
    public static void writeGif(float[][] frames, ImageShape shape, int scale, int delayMillis, boolean loop,
                                Path file) {
        if (frames.length == 0) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        atomically(file, tmp -> {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames.length; i++) {
                    BufferedImage img = picture(frames[i], shape, scale);
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    IIOMetadata meta = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(img), param);
                    frameMetadata(meta, delayMillis, loop && i == 0);
                    writer.writeToSequence(new IIOImage(img, null, meta), param);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    private static void frameMetadata(IIOMetadata meta, int delayMillis, boolean loopExtension)
            throws IIOInvalidTreeException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMillis / 10f))));
        gce.setAttribute("transparentColorIndex", "0");
        if (loopExtension) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            extensions.appendChild(app);
        }
        meta.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    /**
     * Writes each frame as {@code prefix_0000.png}, {@code prefix_0001.png}... in {@code dir} (created if needed)
     * and returns the files in order.
     */
    public static List<Path> writePngSequence(float[][] frames, ImageShape shape, int scale, Path dir,
                                              String prefix) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LabException("cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
        List<Path> files = new ArrayList<>();
        int digits = Math.max(4, Integer.toString(frames.length - 1).length());
        for (int i = 0; i < frames.length; i++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "%s_%0" + digits + "d.png", prefix, i));
            writePng(picture(frames[i], shape, scale), f);
            files.add(f);
        }
        return files;
    }

    private static void draw(BufferedImage img, float[] v, ImageShape shape, int scale, int ox, int oy) {
        int w = shape.width() * scale;
        int[] px = ImagePixels.scaled(v, 0, shape, scale);
        img.setRGB(ox, oy, w, shape.height() * scale, px, 0, w);
    }

    private static void checkImage(float[] image, ImageShape shape, int scale) {
        if (!shape.isImage() || (shape.channels() != 1 && shape.channels() != 3)) {
            throw new IllegalArgumentException("only grey or RGB images can be exported, not " + shape);
        }
        if (image.length != shape.size()) {
            throw new IllegalArgumentException("an image of " + shape + " has " + shape.size() + " values, not "
                    + image.length);
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("the scale must be 1..64, not " + scale);
        }
    }

    private interface FileWrite {
        void to(Path tmp) throws IOException;
    }

    private static void atomically(Path file, FileWrite write) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            write.to(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed; a stray temp file is harmless
                }
            }
        }
    }
}
