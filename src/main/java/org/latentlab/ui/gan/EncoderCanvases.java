package org.latentlab.ui.gan;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.latentlab.train.BiganView;

/**
 * A BiGAN's two pictures (Donahue et al. 2017): held-out examples beside their reconstructions G(E(x)), and the
 * codes E(x) of held-out examples coloured by label.
 */
final class EncoderCanvases {

    /** Images per row of the reconstruction picture: a row of originals, then the row of their reconstructions. */
    static final int PER_ROW = 8;

    private EncoderCanvases() {
    }

    /** The colour of class k of n (the hues the 2-D view gives a conditional GAN's labels). */
    static Color classColour(int k, int n) {
        return Color.hsb(360.0 * k / Math.max(1, n), 0.85, 0.8, 0.8);
    }

    /**
     * Images: rows of originals, each followed by the row of their reconstructions. Points: each held-out point
     * (grey) joined by a segment to its reconstruction (blue).
     */
    static final class Reconstructions extends SquareCanvasPane {
        private BiganView view;

        Reconstructions() {
            setId("biganReconstructions");
        }

        void setView(BiganView v) {
            view = v;
            redraw();
        }

        @Override
        protected void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double s = canvas.getWidth();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, s, canvas.getHeight());
            if (view == null || s <= 0) {
                return;
            }
            if (view.points()) {
                drawPoints(g, s);
            } else {
                drawImages(g, s);
            }
        }

        private void drawImages(GraphicsContext g, double s) {
            int pairs = (view.count() + PER_ROW - 1) / PER_ROW;
            int rows = 2 * pairs;
            double cell = Math.min(s / PER_ROW, s / rows);
            for (int i = 0; i < view.count(); i++) {
                int pair = i / PER_ROW;
                int col = i % PER_ROW;
                double x = col * cell;
                g.drawImage(image(view.originals(), i), x, 2 * pair * cell, cell - 1, cell - 1);
                g.drawImage(image(view.reconstructions(), i), x, (2 * pair + 1) * cell, cell - 1, cell - 1);
            }
            g.setStroke(Color.rgb(40, 90, 200, 0.8));
            for (int pair = 0; pair < pairs; pair++) {
                g.strokeRect(0.5, (2 * pair + 1) * cell + 0.5, PER_ROW * cell - 1.5, cell - 1.5);
            }
        }

        private WritableImage image(float[] pixels, int k) {
            int h = view.height();
            int w = view.width();
            int c = view.channels();
            int size = view.exampleSize();
            WritableImage img = new WritableImage(w, h);
            PixelWriter pw = img.getPixelWriter();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    double r = pixels[k * size + p];
                    double gr = c == 3 ? pixels[k * size + h * w + p] : r;
                    double b = c == 3 ? pixels[k * size + 2 * h * w + p] : r;
                    pw.setColor(x, y, Color.color(clip(r), clip(gr), clip(b)));
                }
            }
            return img;
        }

        private void drawPoints(GraphicsContext g, double s) {
            float[] a = view.originals();
            float[] b = view.reconstructions();
            double m = 0;
            for (float v : a) {
                m = Math.max(m, Math.abs(v));
            }
            double extent = 1.2 * Math.max(m, 1e-3);
            g.setLineWidth(1);
            for (int i = 0; i + 1 < a.length; i += 2) {
                double x0 = px(a[i], extent, s);
                double y0 = py(a[i + 1], extent, s);
                double x1 = px(Math.max(-extent, Math.min(extent, b[i])), extent, s);
                double y1 = py(Math.max(-extent, Math.min(extent, b[i + 1])), extent, s);
                g.setStroke(Color.rgb(40, 90, 200, 0.35));
                g.strokeLine(x0, y0, x1, y1);
                g.setFill(Color.rgb(40, 90, 200, 0.9));
                g.fillOval(x1 - 2, y1 - 2, 4, 4);
                g.setFill(Color.rgb(90, 90, 90, 0.9));
                g.fillOval(x0 - 2, y0 - 2, 4, 4);
            }
            g.setFill(Color.gray(0.3));
            g.fillText("grey: held-out x   blue: G(E(x))", 6, s - 6);
        }
    }

    /** The first two dimensions of E(x) for the held-out examples, coloured by label, with the axes through 0. */
    static final class Codes extends SquareCanvasPane {
        private BiganView view;

        Codes() {
            setId("biganCodes");
        }

        void setView(BiganView v) {
            view = v;
            redraw();
        }

        @Override
        protected void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double s = canvas.getWidth();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, s, canvas.getHeight());
            if (view == null || s <= 0) {
                return;
            }
            float[] z = view.codes();
            double m = 0;
            for (float v : z) {
                if (Float.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
            // at least ±3, the prior's bulk, so that codes E gives can be read against N(0, I)
            double extent = 1.1 * Math.max(3, m);
            g.setStroke(Color.gray(0.8));
            g.strokeLine(px(0, extent, s), 0, px(0, extent, s), s);
            g.strokeLine(0, py(0, extent, s), s, py(0, extent, s));
            g.setStroke(Color.rgb(0, 0, 0, 0.25));
            double r1 = px(1, extent, s) - px(0, extent, s);
            g.strokeOval(px(0, extent, s) - 2 * r1, py(0, extent, s) - 2 * r1, 4 * r1, 4 * r1);
            int[] labels = view.labels();
            int classes = view.labelNames().size();
            for (int i = 0; i + 1 < z.length; i += 2) {
                g.setFill(labels.length > 0 ? classColour(labels[i / 2], classes) : Color.rgb(40, 90, 200, 0.7));
                g.fillOval(px(z[i], extent, s) - 2, py(z[i + 1], extent, s) - 2, 4, 4);
            }
            g.setFill(Color.gray(0.3));
            String axes = view.latentDim() == 1 ? "z₁ (1-D code)" : "z₁ →, z₂ ↑ (of " + view.latentDim() + ")";
            g.fillText(axes + "; circle: |z| = 2", 6, s - 6);
            for (int k = 0; k < classes && classes <= 12; k++) {
                g.setFill(classColour(k, classes));
                g.fillRect(6, 6 + 14 * k, 9, 9);
                g.setFill(Color.gray(0.2));
                g.fillText(view.labelNames().get(k), 19, 15 + 14 * k);
            }
        }
    }

    private static double px(double v, double extent, double s) {
        return (v + extent) / (2 * extent) * s;
    }

    private static double py(double v, double extent, double s) {
        return (extent - v) / (2 * extent) * s;
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
