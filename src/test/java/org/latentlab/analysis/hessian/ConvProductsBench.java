package org.latentlab.analysis.hessian;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.experiment.Presets;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Run by hand, not a test: the convolutional autoencoder's (mnist-conv-ae's encoder and decoder, double, at
 * initialisation) exact Hessian-vector products on the engine against central differences of DL4J's gradient on a
 * batch of uniform images: their agreement at several relative steps (ReLU's kinks make large steps wrong; batches
 * up to 64), the time of a gradient and of a loss-surface cell each way, and the median milliseconds of one product
 * each way after a warm-up. Arguments: the batch size and the number of products.
 */
public final class ConvProductsBench {

    private ConvProductsBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var ae = Presets.loadReconstruction("mnist-conv-ae");
        MultiLayerNetwork enc = NetworkCompiler.compile(ae.encoder(), OptimizerSpec.adam(1e-3, 0.5), 1,
                DataType.DOUBLE);
        MultiLayerNetwork dec = NetworkCompiler.compile(ae.decoder(), OptimizerSpec.adam(1e-3, 0.5), 2,
                DataType.DOUBLE);
        INDArray x = Nd4j.rand(DataType.DOUBLE, n, 784);
        try (AutoencoderObjective o = AutoencoderObjective.plain(enc, dec, x, x, Reconstruction.MSE)) {
            double[] theta = o.initialPoint();
            Objective plain = new Objective() {
                @Override
                public int dimension() {
                    return o.dimension();
                }

                @Override
                public double loss(double[] t) {
                    return o.loss(t);
                }

                @Override
                public double[] gradient(double[] t) {
                    return o.gradient(t);
                }
            };
            HessianVectorProduct exact = new HessianVectorProduct(o, theta);
            HessianVectorProduct differences = new HessianVectorProduct(plain, theta);
            Random r = new Random(1);
            double[] v = Vectors.gaussian(theta.length, r);
            double err = org.latentlab.analysis.Nets.maxRelativeError(exact.apply(v), differences.apply(v), 1e-8);
            System.out.printf(Locale.ROOT, "%d parameters, batch %d, exact=%s, relative difference %.2e%n",
                    theta.length, n, exact.exact(), err);
            for (double eps : n > 64 ? new double[0] : new double[] {1e-4, 1e-6, 1e-7}) {
                double e2 = org.latentlab.analysis.Nets.maxRelativeError(exact.apply(v),
                        new HessianVectorProduct(plain, theta, eps).apply(v), 1e-8);
                double e3 = org.latentlab.analysis.Nets.maxRelativeError(differences.apply(v),
                        new HessianVectorProduct(plain, theta, eps).apply(v), 1e-8);
                System.out.printf(Locale.ROOT, "step %.0e: exact vs it %.2e, default differences vs it %.2e%n",
                        eps, e2, e3);
            }
            org.latentlab.engine.ExactCurvature engine = o.exactCurvature().orElseThrow();
            for (int i = 0; i < 3; i++) {
                double[] t = Vectors.addScaled(theta, 1e-3 * (i + 1), v);
                long t0 = System.nanoTime();
                engine.gradient(t);
                long t1 = System.nanoTime();
                o.gradient(t);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "gradient: engine %.1f ms, DL4J %.1f ms%n", (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6);
            }
            var cells = engine.onPlane(theta, v, Vectors.gaussian(theta.length, r));
            var direct = plain.onPlane(theta, v, Vectors.gaussian(theta.length, r));
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                cells.applyAsDouble(0.01 * i, 0.02);
                long t1 = System.nanoTime();
                direct.at(0.01 * i, 0.02);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "surface cell: engine %.1f ms, DL4J %.1f ms%n", (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6);
            }
            for (int round = 0; round < 2; round++) {
                System.out.printf(Locale.ROOT, "exact (R-operator): median %.1f ms; central differences: median %.1f ms%n",
                        time(exact, v, products), time(differences, v, products));
            }
        }
    }

    private static double time(HessianVectorProduct p, double[] v, int products) {
        double[] ms = new double[products];
        p.apply(v);
        for (int i = 0; i < products; i++) {
            long t = System.nanoTime();
            p.apply(v);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[products / 2];
    }
}
