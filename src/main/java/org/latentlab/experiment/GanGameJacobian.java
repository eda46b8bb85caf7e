package org.latentlab.experiment;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.game.Arnoldi;
import org.latentlab.analysis.game.CentralDifferenceField;
import org.latentlab.analysis.game.GameSpectrum;
import org.latentlab.analysis.game.GradientField;
import org.latentlab.analysis.game.VectorField;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.hessian.ParameterLayout;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Latent;
import org.latentlab.train.TrainingRun;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Random;

/**
 * The Jacobian of a GAN's game at one point of a run: the joint gradient field v(θ) = (∇_{θ_D} L_D, ∇_{θ_G} L_G),
 * each player's gradient of its own loss on fixed batches (the trainer's own {@code discriminatorGradient} and
 * {@code generatorGradient}, so every loss is covered as trained), its Jacobian known through central differences
 * ({@link CentralDifferenceField}) and its eigenvalues of largest modulus found by {@link Arnoldi} (Mescheder et al.
 * 2017, "The numerics of GANs"). Two steps on two threads:
 * <ol>
 *   <li>{@link #capture} on the run's own thread, while it is paused: DOUBLE copies of G and D
 *       ({@link DoubleNetworks#copy}), a fresh trainer over them, and a real batch and a batch of codes drawn once
 *       from a seed. The run's networks are only read, and only there.</li>
 *   <li>{@link #spectrum} anywhere else (a worker): the copies alone, with progress and cancellation.</li>
 * </ol>
 * Random losses have no Jacobian and are refused: instance noise, dropout, and WGAN-GP's penalty (new interpolation
 * points at every evaluation); so is spectral normalisation, whose D update depends on its power iteration's state
 * as well as on θ.
 */
public final class GanGameJacobian {

    /** Real examples and codes in the fixed batches. */
    public static final int BATCH = 128;
    /** Eigenvalues asked for (a conjugate pair is reported together, so one more may come). */
    public static final int EIGENVALUES = 6;
    /** At most this many Jacobian-vector products (two gradient evaluations each). */
    public static final int MAX_DIMENSION = 60;
    /**
     * The relative step of the central differences. Far below the analysis package's default: with ReLU-type units a
     * step of 1e-5·‖θ‖ crosses the kinks of many units on a batch, and the differences stop being additive in the
     * direction (J(u + w) ≠ Ju + Jw by tens of percent on ring8's 2-128-128 networks), which Arnoldi needs; at
     * 1e-7·‖θ‖ they are additive to about 1e-9 and, in double precision, rounding costs about 1e-9 too.
     */
    public static final double STEP = 1e-7;
    /** Ritz residuals relative to the largest modulus at which Arnoldi stops. */
    public static final double TOLERANCE = 1e-3;

    private GanGameJacobian() {
    }

    /**
     * The game at one point: copies of the networks and the fixed batches, independent of the run.
     *
     * @param base      D's and G's flat parameters as copied (batch-norm statistics included), which the field
     *                  starts from; the copies' own parameters move while the field is evaluated
     * @param iteration the run's iteration when copied
     */
    public record Point(GanTrainer copy, INDArray real, INDArray z, double[][] base, long iteration, long seed) {

        /** The number of parameters of both players together (θ_D then θ_G). */
        public int dimension() {
            return layout().dimension();
        }

        ParameterLayout layout() {
            return ParameterLayout.of(List.of(copy.discriminator(), copy.generator()));
        }
    }

    /** Copies the game at the trainer's current point. Call it on the run's thread (the trainer's owner). */
    public static Point capture(GanTrainer trainer, long seed) {
        GanLoss loss = trainer.settings().loss();
        if (trainer.settings().instanceNoise() > 0) {
            throw new LabException("instance noise makes the losses random, so the game has no Jacobian: analyse a"
                    + " run without instance noise");
        }
        if (loss == GanLoss.WGAN_GP) {
            throw new LabException("the WGAN-GP penalty draws new interpolation points at every evaluation, so the"
                    + " game's field is random and has no Jacobian: try the wgan loss or another one");
        }
        if (trainer.settings().spectralNorm()) {
            throw new LabException("with spectral normalisation D's update depends on its power iteration's vectors as"
                    + " well as on the parameters, so the game's field here is not the one trained: analyse a run"
                    + " without it");
        }
        requireNoDropout(trainer.generator());
        requireNoDropout(trainer.discriminator());
        MultiLayerNetwork g = DoubleNetworks.copy(trainer.generator());
        MultiLayerNetwork d = DoubleNetworks.copy(trainer.discriminator());
        GanTrainer copy = new GanTrainer(g, d, trainer.data(), trainer.settings(), trainer.latentDim(), seed);
        INDArray real = GeometryModels.batch(trainer.data(), BATCH, seed);
        INDArray z = Latent.gaussian(BATCH, trainer.latentDim(), new Random(seed ^ 0x2545F4914F6CDD1DL),
                DataType.DOUBLE);
        double[][] base = {d.params().dup().toDoubleVector(), g.params().dup().toDoubleVector()};
        return new Point(copy, real, z, base, trainer.iteration(), seed);
    }

    /**
     * Asks a run to {@link #capture} the game on its own thread (where its networks may be read) and hands the copies
     * over when done; the capture's failure (a random loss, a closed run) completes the future exceptionally, and the
     * run shows a one-line message either way.
     */
    public static CompletableFuture<Point> captureFrom(TrainingRun<GanTrainer, ?> run, long seed) {
        CompletableFuture<Point> point = new CompletableFuture<>();
        if (!run.isAlive()) {
            point.completeExceptionally(new LabException("the run has ended: load the experiment again"));
            return point;
        }
        run.modify(t -> {
            try {
                Point p = capture(t, seed);
                point.complete(p);
                return "game Jacobian: networks copied at iteration " + p.iteration();
            } catch (RuntimeException e) {
                point.completeExceptionally(e);
                return "game Jacobian: " + e.getMessage();
            }
        });
        return point;
    }

    private static void requireNoDropout(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof DropoutLayer || conf.getIDropout() != null) {
                throw new LabException("layer '" + conf.getLayerName() + "' uses dropout, so the losses are random"
                        + " and the game has no Jacobian");
            }
        }
    }

    /** The joint gradient field of the game at any θ = (θ_D, θ_G), on the point's fixed batches. */
    public static GradientField field(Point p) {
        ParameterLayout layout = p.layout();
        MultiLayerNetwork d = p.copy().discriminator();
        MultiLayerNetwork g = p.copy().generator();
        return theta -> {
            double[][] flat = layout.toNetworks(theta, p.base());
            d.setParams(Nd4j.createFromArray(flat[0]).reshape(1, flat[0].length));
            g.setParams(Nd4j.createFromArray(flat[1]).reshape(1, flat[1].length));
            INDArray fake = g.output(p.z(), true);
            double[] gd = p.copy().discriminatorGradient(p.real(), fake).dup().toDoubleVector();
            double[] gg = p.copy().generatorGradient(p.z()).dup().toDoubleVector();
            return layout.toObjective(new double[][] {gd, gg});
        };
    }

    /** θ = (θ_D, θ_G) as copied. */
    public static double[] theta(Point p) {
        return p.layout().toObjective(p.base());
    }

    /** The top eigenvalues of the game's Jacobian at the point, reporting each product to the monitor. */
    public static GameSpectrum spectrum(Point p, Monitor monitor) {
        CentralDifferenceField products = new CentralDifferenceField(field(p), theta(p), STEP);
        int budget = Math.min(MAX_DIMENSION, products.dimension());
        VectorField watched = new VectorField() {
            private int done;

            @Override
            public int dimension() {
                return products.dimension();
            }

            @Override
            public double[] jacobianVector(double[] v) {
                monitor.checkCancelled();
                double[] out = products.jacobianVector(v);
                done++;
                monitor.progress(Math.min(1, (double) done / budget), "Jacobian-vector product " + done + " of at"
                        + " most " + budget);
                return out;
            }
        };
        return Arnoldi.topEigenvalues(watched, Math.min(EIGENVALUES, budget), budget, TOLERANCE, p.seed());
    }
}
