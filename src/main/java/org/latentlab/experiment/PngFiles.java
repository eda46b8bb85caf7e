package org.latentlab.experiment;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.latentlab.core.AtomicFiles;

/** Writes a run folder's pictures as PNG, complete or not at all. */
final class PngFiles {

    static {
        // ImageIO's default disk cache registers a shutdown hook for each stream it opens, which fails once the JVM
        // is exiting: the picture written on SIGTERM, and then the checkpoint after it, would be lost. PNGs this
        // small need no cache.
        ImageIO.setUseCache(false);
    }

    private PngFiles() {
    }

    static void write(BufferedImage img, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) {
                throw new java.io.IOException("no PNG writer is available");
            }
        });
    }
}
