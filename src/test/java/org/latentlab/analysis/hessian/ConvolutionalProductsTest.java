package org.latentlab.analysis.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.engine.ExactCurvature;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Random;

/**
 * Exact Hessian-vector products of a small convolutional autoencoder (conv 2-D stride 2, or conv 2-D and max pooling,
 * flatten, dense code; dense, reshape, transposed conv 2-D) in double, from the engine's R-operator over encoder then decoder as one chain:
 * against central differences of the gradient, against the products the geometry bench computes without the engine,
 * and the engine's loss and gradient against DL4J's.
 */
class ConvolutionalProductsTest {

    private static final int SIDE = 6;

    private static MultiLayerNetwork encoder(long seed, boolean maxPooling) {
        List<LayerSpec> layers = maxPooling
                ? List.of(new LayerSpec.Conv2D("conv", 3, 3, 1, Padding.SAME, Activation.TANH, 0.2),
                new LayerSpec.Pool2D("pool", LayerSpec.Pool2D.Pooling.MAX, 2, 2),
                new LayerSpec.Flatten("flat"), new LayerSpec.Dense("code", 4, Activation.IDENTITY, 0.2))
                : List.of(new LayerSpec.Conv2D("conv", 3, 3, 2, Padding.SAME, Activation.TANH, 0.2),
                new LayerSpec.Flatten("flat"), new LayerSpec.Dense("code", 4, Activation.IDENTITY, 0.2));
        return NetworkCompiler.compile(new NetworkSpec("encoder", Shape.image(1, SIDE, SIDE), layers),
                OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
    }

    private static MultiLayerNetwork decoder(long seed) {
        NetworkSpec spec = new NetworkSpec("decoder", Shape.vector(4), List.of(
                new LayerSpec.Dense("fc", 2 * 3 * 3, Activation.LEAKYRELU, 0.2),
                new LayerSpec.Reshape("grid", 2, 3, 3),
                new LayerSpec.Deconv2D("up", 1, 4, 2, Padding.SAME, Activation.IDENTITY, 0.2)));
        return NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
    }

    private static AutoencoderObjective objective(Reconstruction rec, boolean maxPooling) {
        INDArray x = Nets.uniform(9, 5, SIDE * SIDE, 1).addi(1).divi(2);
        return AutoencoderObjective.plain(encoder(3, maxPooling), decoder(4), x, x, rec);
    }

    /** The objective's loss and gradient only: its products fall back to central differences. */
    private static Objective plain(NetworkObjective o) {
        return new Objective() {
            @Override
            public int dimension() {
                return o.dimension();
            }

            @Override
            public double loss(double[] theta) {
                return o.loss(theta);
            }

            @Override
            public double[] gradient(double[] theta) {
                return o.gradient(theta);
            }
        };
    }

    /** A point away from the initialisation, so that every layer's curvature shows. */
    private static double[] point(NetworkObjective o) {
        double[] theta = o.initialPoint();
        Random r = new Random(17);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.2 * r.nextGaussian();
        }
        return theta;
    }

    @Test
    void productsEqualCentralDifferencesOfTheGradient() {
        productsEqualCentralDifferences(false);
    }

    @Test
    void productsThroughMaxPoolingEqualCentralDifferencesOfTheGradient() {
        productsEqualCentralDifferences(true);
    }

    private static void productsEqualCentralDifferences(boolean maxPooling) {
        for (Reconstruction rec : Reconstruction.values()) {
            try (AutoencoderObjective o = objective(rec, maxPooling)) {
                double[] theta = point(o);
                HessianVectorProduct exact = new HessianVectorProduct(o, theta);
                assertTrue(exact.exact(), rec + ": a conv autoencoder should use the engine");
                Random r = new Random(5);
                for (int k = 0; k < 3; k++) {
                    double[] v = Vectors.gaussian(theta.length, r);
                    double h = 1e-5 / Vectors.norm(v);
                    double[] up = o.gradient(Vectors.addScaled(theta, h, v));
                    double[] down = o.gradient(Vectors.addScaled(theta, -h, v));
                    double[] fd = new double[theta.length];
                    for (int i = 0; i < fd.length; i++) {
                        fd[i] = (up[i] - down[i]) / (2 * h);
                    }
                    double[] hv = exact.apply(v);
                    assertTrue(Vectors.norm(hv) > 1e-3, rec + ": the product should not vanish");
                    double err = Nets.maxRelativeError(hv, fd, 1e-8);
                    assertTrue(err < 1e-6, rec + ": relative error " + err);
                }
            }
        }
    }

    @Test
    void productsEqualTheFiniteDifferencePathAndTheEngineAgreesWithDl4j() {
        for (Reconstruction rec : Reconstruction.values()) {
            try (AutoencoderObjective o = objective(rec, false)) {
                double[] theta = point(o);
                HessianVectorProduct exact = new HessianVectorProduct(o, theta);
                HessianVectorProduct differences = new HessianVectorProduct(plain(o), theta);
                assertFalse(differences.exact());
                Random r = new Random(6);
                for (int k = 0; k < 2; k++) {
                    double[] v = Vectors.gaussian(theta.length, r);
                    double err = Nets.maxRelativeError(exact.apply(v), differences.apply(v), 1e-8);
                    assertTrue(err < 1e-6, rec + ": relative error against the bench's differences " + err);
                }
                ExactCurvature engine = o.exactCurvature().orElseThrow();
                assertEquals(o.loss(theta), engine.loss(theta), 1e-12 * Math.abs(o.loss(theta)), rec + " loss");
                double err = Nets.maxRelativeError(engine.gradient(theta), o.gradient(theta), 1e-10);
                assertTrue(err < 1e-9, rec + ": gradient off by " + err);
            }
        }
    }

    @Test
    void lossSurfaceCellsOnTheEngineEqualTheLoss() {
        try (AutoencoderObjective o = objective(Reconstruction.MSE, false)) {
            double[] theta = point(o);
            Random r = new Random(8);
            double[] d1 = Vectors.gaussian(theta.length, r);
            double[] d2 = Vectors.gaussian(theta.length, r);
            ExactCurvature engine = o.exactCurvature().orElseThrow();
            assertFalse(engine.firstLayerShortcut());
            java.util.function.DoubleBinaryOperator cells = engine.onPlane(theta, d1, d2);
            for (double[] ab : new double[][] {{0, 0}, {0.1, -0.05}, {-0.2, 0.3}}) {
                double expected = o.loss(Vectors.addScaled(Vectors.addScaled(theta, ab[0], d1), ab[1], d2));
                assertEquals(expected, cells.applyAsDouble(ab[0], ab[1]), 1e-10 * Math.abs(expected));
            }
            // the products after a scan are taken at their own point again
            double[] v = Vectors.gaussian(theta.length, r);
            double[] before = new HessianVectorProduct(plain(o), theta, 1e-6).apply(v);
            assertTrue(Nets.maxRelativeError(engine.hessianVector(theta, v), before, 1e-8) < 1e-6);
        }
    }
}
