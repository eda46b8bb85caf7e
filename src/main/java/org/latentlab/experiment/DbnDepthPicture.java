package org.latentlab.experiment;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DbnDepthSamples} as one PNG: a column of samples per depth, titled with the DBN's sizes and captioned with
 * what produced them (wrapped to the column's width).
 */
public final class DbnDepthPicture {

    /** Samples per row of a column. */
    static final int PER_ROW = 6;

    private static final Color BACKGROUND = new Color(40, 40, 48);
    private static final Color TEXT = new Color(230, 230, 235);

    private DbnDepthPicture() {
    }

    /** Writes the picture (2 screen pixels per image pixel) atomically. */
    public static void write(DbnDepthSamples samples, Path png) {
        PngFiles.write(picture(samples, 2), png);
    }

    public static BufferedImage picture(DbnDepthSamples samples, int scale) {
        List<BufferedImage> grids = new ArrayList<>();
        for (DbnDepthSamples.Column c : samples.columns()) {
            grids.add(ReconstructionSamples.strip(c.samples(), scale, PER_ROW));
        }
        int gap = 16;
        int columnWidth = grids.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int gridHeight = grids.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        Font caption = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics tm = pg.getFontMetrics(title);
        FontMetrics cm = pg.getFontMetrics(caption);
        List<List<String>> captions = new ArrayList<>();
        int lines = 1;
        for (DbnDepthSamples.Column c : samples.columns()) {
            List<String> wrapped = wrap(c.how(), cm, columnWidth);
            captions.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        pg.dispose();
        int top = tm.getHeight() + 8;
        int width = samples.columns().size() * (columnWidth + gap) + gap;
        int height = top + gridHeight + 6 + lines * cm.getHeight() + 10;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < grids.size(); i++) {
            DbnDepthSamples.Column c = samples.columns().get(i);
            int x = gap + i * (columnWidth + gap);
            g.setColor(TEXT);
            g.setFont(title);
            g.drawString(c.depth() + (c.depth() == 1 ? " layer: " : " layers: ") + c.sizes(), x, tm.getAscent() + 4);
            g.drawImage(grids.get(i), x, top, null);
            g.setFont(caption);
            int y = top + gridHeight + 6 + cm.getAscent();
            for (String line : captions.get(i)) {
                g.drawString(line, x, y);
                y += cm.getHeight();
            }
        }
        g.dispose();
        return img;
    }

    /** Words of {@code text} in lines no wider than {@code width}. */
    static List<String> wrap(String text, FontMetrics m, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && m.stringWidth(tried) > width) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
