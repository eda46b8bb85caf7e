package org.latentlab.experiment.manifold;

import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An autoencoder's reconstruction field on a grid over the plane: at each grid point x the arrow r(x) − x from the
 * point to its reconstruction. For a denoising autoencoder trained with Gaussian corruption of standard deviation
 * σ, r(x) − x estimates σ² ∇ log p(x) for small σ (Alain and Bengio 2014, "What regularized auto-encoders learn from
 * the data-generating distribution"), so the arrows point back towards the data's curve (Vincent et al. 2010,
 * "Stacked denoising autoencoders"); a contractive autoencoder (Rifai et al. 2011, "Contractive auto-encoders")
 * shows the same picture with λ in the role of σ².
 *
 * <p>The grid has {@code size × size} points, row-major from the bottom row (y = ymin) up, x from xmin to xmax.
 *
 * @param model  what the field was computed from ("curve-dae-2d at iteration 3000")
 * @param bounds {xmin, xmax, ymin, ymax}
 * @param size   points per side
 * @param x      grid points' x, row-major
 * @param y      grid points' y
 * @param dx     r(x) − x, first coordinate
 * @param dy     r(x) − x, second coordinate
 */
public record ReconstructionField(String model, double[] bounds, int size, double[] x, double[] y, double[] dx,
                                  double[] dy) {

    public ReconstructionField {
        if (bounds == null || bounds.length != 4 || !(bounds[1] > bounds[0]) || !(bounds[3] > bounds[2])) {
            throw new IllegalArgumentException("bounds are {xmin, xmax, ymin, ymax} with xmin < xmax, ymin < ymax");
        }
        if (size < 2) {
            throw new IllegalArgumentException("a field's grid needs at least 2 points per side, not " + size);
        }
        int n = size * size;
        if (x.length != n || y.length != n || dx.length != n || dy.length != n) {
            throw new IllegalArgumentException("a " + size + "x" + size + " grid has " + n + " points");
        }
    }

    /** The grid points, {x, y} each, in the field's order. */
    public static double[][] grid(double[] bounds, int size) {
        double[][] p = new double[size * size][];
        for (int i = 0; i < size; i++) {
            double yy = bounds[2] + (bounds[3] - bounds[2]) * i / (size - 1);
            for (int j = 0; j < size; j++) {
                double xx = bounds[0] + (bounds[1] - bounds[0]) * j / (size - 1);
                p[i * size + j] = new double[] {xx, yy};
            }
        }
        return p;
    }

    /**
     * The field of a 2-D autoencoder (the trainer's reconstruction in inference mode: the clean point encoded and
     * decoded, no corruption). Call on the thread that owns the trainer.
     *
     * @throws IllegalArgumentException when the trainer's data are not 2-D points
     */
    public static ReconstructionField of(AutoencoderTrainer trainer, String model, double[] bounds, int size) {
        if (trainer.dataDim() != 2) {
            throw new IllegalArgumentException("a reconstruction field is drawn over the plane: the autoencoder must"
                    + " reconstruct 2-D points, not " + trainer.dataDim() + "-value examples");
        }
        double[][] p = grid(bounds, size);
        int n = p.length;
        double[] flat = new double[2 * n];
        for (int i = 0; i < n; i++) {
            flat[2 * i] = p[i][0];
            flat[2 * i + 1] = p[i][1];
        }
        INDArray in = Nd4j.create(flat, new long[] {n, 2}).castTo(trainer.dataType());
        double[] r = trainer.reconstruct(in).dup('c').data().asDouble();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p[i][0];
            y[i] = p[i][1];
            dx[i] = r[2 * i] - x[i];
            dy[i] = r[2 * i + 1] - y[i];
        }
        return new ReconstructionField(model, bounds.clone(), size, x, y, dx, dy);
    }

    public int points() {
        return x.length;
    }

    /** The longest arrow. */
    public double maxLength() {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.hypot(dx[i], dy[i]));
        }
        return m;
    }
}
