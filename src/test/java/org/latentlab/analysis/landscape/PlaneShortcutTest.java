package org.latentlab.analysis.landscape;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.PlaneLoss;
import org.latentlab.analysis.hessian.AutoencoderObjective;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.analysis.hessian.SupervisedObjective;
import org.latentlab.core.Monitor;
import org.latentlab.model.Activation;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A loss surface computed with the first-layer shortcut (X·W₀, X·D₁, X·D₂ made once per plane) equals the loss
 * evaluated point by point (to 1e-10 relative), for a classifier and a plain autoencoder (whose cells run on the lab's
 * engine) and a VAE (through DL4J), and leaves the objective as it was.
 */
@ExtendWith(DoublePrecision.class)
class PlaneShortcutTest {

    private static double[] point(double[] o, double[] d1, double[] d2, double a, double b) {
        double[] p = new double[o.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = o[k] + a * d1[k] + b * d2[k];
        }
        return p;
    }

    private static void samePlane(NetworkObjective objective, long seed, boolean onEngine) {
        double[] theta = objective.initialPoint();
        ScanPlane plane = ScanPlane.filterNormalized(objective.layout(), theta, seed);
        PlaneLoss fast = objective.onPlane(plane.origin(), plane.d1(), plane.d2());
        assertTrue(fast.method().startsWith("first dense layer"), fast.method());
        assertEquals(onEngine, fast.method().contains("engine"), fast.method());
        double[][] cells = {{0, 0}, {1, 0}, {0, -1}, {0.37, -0.81}, {-1, 1}, {0.5, 0.25}};
        for (double[] c : cells) {
            double shortcut = fast.at(c[0], c[1]);
            double direct = objective.loss(point(plane.origin(), plane.d1(), plane.d2(), c[0], c[1]));
            assertEquals(direct, shortcut, 1e-10 * Math.max(1, Math.abs(direct)),
                    objective.describe() + " at a = " + c[0] + ", b = " + c[1]);
        }
        // a whole scan through SurfaceScan gives the same cells
        SurfaceScan scan = SurfaceScan.create(plane, -1, 1, 3).run(objective, Monitor.NONE);
        double direct = objective.loss(point(plane.origin(), plane.d1(), plane.d2(), -1, 1));
        assertEquals(direct, scan.loss(2, 0), 1e-10 * Math.max(1, Math.abs(direct)));
        // and the objective evaluates as before afterwards
        assertEquals(objective.loss(theta), Objective.class.cast(objective).loss(theta.clone()), 0);
        assertEquals(objective.loss(theta), fast.at(0, 0), 1e-10 * Math.max(1, Math.abs(objective.loss(theta))));
    }

    @Test
    void classifierSurfaceWithTheShortcutEqualsThePointwiseLoss() {
        INDArray x = Nets.uniform(3, 40, 7, 1);
        SupervisedObjective o = new SupervisedObjective(Nets.softmaxMlp(7, 5, 3, 11), x, Nets.oneHot(4, 40, 3));
        samePlane(o, 21, true);
    }

    @Test
    void autoencoderAndVaeSurfacesWithTheShortcutEqualThePointwiseLoss() {
        INDArray x = Nets.uniform(5, 30, 6, 1);
        MultiLayerNetwork enc = Nets.dense("enc", 6, 31, DataType.DOUBLE, new int[] {5, 3},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork dec = Nets.dense("dec", 3, 32, DataType.DOUBLE, new int[] {5, 6},
                new Activation[] {Activation.RELU, Activation.IDENTITY});
        samePlane(AutoencoderObjective.plain(enc, dec, x, x, Reconstruction.MSE), 22, true);
        MultiLayerNetwork venc = Nets.dense("venc", 6, 33, DataType.DOUBLE, new int[] {5, 4},
                new Activation[] {Activation.LEAKYRELU, Activation.IDENTITY});
        MultiLayerNetwork vdec = Nets.dense("vdec", 2, 34, DataType.DOUBLE, new int[] {5, 6},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        samePlane(AutoencoderObjective.vae(venc, vdec, x, Reconstruction.CROSS_ENTROPY, 0.7, 5), 23, false);
    }

    @Test
    void aSingleLayerEncoderUsesTheShortcutToo() {
        INDArray x = Nets.uniform(6, 20, 4, 1);
        MultiLayerNetwork enc = Nets.dense("enc", 4, 41, DataType.DOUBLE, new int[] {2},
                new Activation[] {Activation.SIGMOID});
        MultiLayerNetwork dec = Nets.dense("dec", 2, 42, DataType.DOUBLE, new int[] {4},
                new Activation[] {Activation.IDENTITY});
        samePlane(AutoencoderObjective.plain(enc, dec, x, x, Reconstruction.CROSS_ENTROPY), 24, true);
    }
}
