package org.latentlab.experiment.hashing;

import org.latentlab.core.AtomicFiles;
import org.latentlab.latent.ImageExport;
import org.latentlab.latent.ImageShape;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a semantic hashing retrieval: {@value #PRECISION_CSV} (precision at k of each method),
 * {@value #NEIGHBOURS_CSV} (every query's retrieved images, by Hamming distance and by pixels) and
 * {@value #RETRIEVAL_PNG} (the first queries, each beside its nearest images by Hamming distance and by pixels,
 * a retrieved image of another class framed in red). Each written atomically.
 */
public final class HashingFiles {

    public static final String PRECISION_CSV = "precision.csv";
    public static final String NEIGHBOURS_CSV = "neighbours.csv";
    public static final String RETRIEVAL_PNG = "retrieval.png";
    static final int SCALE = 2;
    static final int GAP = 4;
    static final int HEADER = 22;

    private HashingFiles() {
    }

    /** Writes the three files into {@code dir} (which must exist) and returns their paths. */
    public static List<Path> write(SemanticHashing h, Path dir) {
        Path precision = dir.resolve(PRECISION_CSV);
        AtomicFiles.writeString(precision, precisionCsv(h));
        Path neighbours = dir.resolve(NEIGHBOURS_CSV);
        AtomicFiles.writeString(neighbours, neighboursCsv(h));
        Path png = dir.resolve(RETRIEVAL_PNG);
        BufferedImage img = picture(h);
        AtomicFiles.write(png, out -> javax.imageio.ImageIO.write(img, "png", out));
        return List.of(precision, neighbours, png);
    }

    static String precisionCsv(SemanticHashing h) {
        StringBuilder b = new StringBuilder("method,precision_at_k,k,bits,queries,database\n");
        String tail = String.format(Locale.ROOT, ",%d,%d,%d,%d%n", h.k(), h.bits(), h.queries(), h.database());
        b.append("hamming_on_bits,").append(h.hamming()).append(tail);
        b.append("euclidean_on_pixels,").append(h.pixels()).append(tail);
        b.append("euclidean_on_real_code,").append(h.realCode()).append(tail);
        return b.toString();
    }

    static String neighboursCsv(SemanticHashing h) {
        StringBuilder b = new StringBuilder("query,query_label,method,rank,database_index,label\n");
        for (int q = 0; q < h.queries(); q++) {
            row(b, q, h.queryLabels()[q], "hamming", h.hammingNearest()[q], h.databaseLabels());
            row(b, q, h.queryLabels()[q], "pixels", h.pixelNearest()[q], h.databaseLabels());
        }
        return b.toString();
    }

    private static void row(StringBuilder b, int q, int label, String method, int[] nearest, int[] labels) {
        for (int r = 0; r < nearest.length; r++) {
            b.append(q).append(',').append(label).append(',').append(method).append(',').append(r + 1).append(',')
                    .append(nearest[r]).append(',').append(labels[nearest[r]]).append('\n');
        }
    }

    /** Query | k nearest by Hamming distance | k nearest by pixels, one row per shown query. */
    static BufferedImage picture(SemanticHashing h) {
        ImageShape shape = ImageShape.of(h.imageShape());
        int cell = shape.width() * SCALE + GAP;
        int k = h.k();
        int width = cell * (1 + 2 * k) + 3 * GAP * 4;
        int rowHeight = shape.height() * SCALE + GAP;
        BufferedImage img = new BufferedImage(width, HEADER + rowHeight * Math.max(1, h.rows().size()) + GAP,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int hammingX = cell + GAP * 6;
        int pixelX = hammingX + cell * k + GAP * 6;
        g.drawString("query", GAP, 15);
        g.drawString(String.format(Locale.ROOT, "%d nearest by Hamming distance (%d bits), P@%d %.3f", k, h.bits(),
                k, h.hamming()), hammingX, 15);
        g.drawString(String.format(Locale.ROOT, "%d nearest by pixel distance, P@%d %.3f", k, k, h.pixels()), pixelX,
                15);
        for (int r = 0; r < h.rows().size(); r++) {
            HashingRow row = h.rows().get(r);
            int y = HEADER + r * rowHeight;
            g.drawImage(ImageExport.picture(row.query(), shape, SCALE), GAP, y, null);
            for (int j = 0; j < k; j++) {
                draw(g, row.byHamming()[j], shape, hammingX + j * cell, y, row.hammingLabels()[j] != row.label());
                draw(g, row.byPixels()[j], shape, pixelX + j * cell, y, row.pixelLabels()[j] != row.label());
            }
        }
        g.dispose();
        return img;
    }

    private static void draw(Graphics2D g, float[] image, ImageShape shape, int x, int y, boolean wrong) {
        g.drawImage(ImageExport.picture(image, shape, SCALE), x, y, null);
        if (wrong) {
            g.setColor(new Color(0xd62728));
            g.drawRect(x - 1, y - 1, shape.width() * SCALE + 1, shape.height() * SCALE + 1);
        }
    }
}
