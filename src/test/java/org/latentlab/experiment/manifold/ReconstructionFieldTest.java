package org.latentlab.experiment.manifold;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.data.ToyDistribution;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.DoublePrecision;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The field r(x) − x of a tiny autoencoder with set weights (2 inputs, 3 sigmoid code units, 2 linear outputs)
 * against the same arithmetic written out by hand in double precision; the grid's layout; and the agreement
 * measure on fields made by hand.
 */
@ExtendWith(DoublePrecision.class)
class ReconstructionFieldTest {

    // encoder h = sigmoid(x W + b), W [2 x 3] as DL4J stores it; decoder r = h V + c, V [3 x 2]
    static final double[][] W = {{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
    static final double[] B = {0.1, -0.2, 0.3};
    static final double[][] V = {{1.0, -0.5}, {0.3, 0.8}, {-1.2, 0.4}};
    static final double[] C = {0.05, -0.15};

    @Test
    void arrowsAreTheReconstructionMinusThePointByHand() {
        AutoencoderTrainer ae = tiny();
        double[] bounds = {-2, 1, -1, 3};
        ReconstructionField f = ReconstructionField.of(ae, "tiny", bounds, 4);
        assertEquals(16, f.points());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                int k = i * 4 + j;
                double x = -2 + 3.0 * j / 3;
                double y = -1 + 4.0 * i / 3;
                assertEquals(x, f.x()[k], 1e-15, "grid x, row-major from the bottom row");
                assertEquals(y, f.y()[k], 1e-15);
                double[] r = byHand(x, y);
                assertEquals(r[0] - x, f.dx()[k], 1e-12, "dx at (" + x + ", " + y + ")");
                assertEquals(r[1] - y, f.dy()[k], 1e-12, "dy at (" + x + ", " + y + ")");
            }
        }
    }

    static double[] byHand(double x, double y) {
        double[] r = {C[0], C[1]};
        for (int u = 0; u < 3; u++) {
            double h = 1 / (1 + Math.exp(-(x * W[0][u] + y * W[1][u] + B[u])));
            r[0] += h * V[u][0];
            r[1] += h * V[u][1];
        }
        return r;
    }

    static AutoencoderTrainer tiny() {
        OptimizerSpec adam = OptimizerSpec.adam(1e-3, 0.9);
        MultiLayerNetwork enc = NetworkCompiler.compile(new NetworkSpec("enc", Shape.vector(2),
                List.of(new LayerSpec.Dense("h", 3, Activation.SIGMOID))), adam, 1, DataType.DOUBLE);
        MultiLayerNetwork dec = NetworkCompiler.compile(new NetworkSpec("dec", Shape.vector(3),
                List.of(new LayerSpec.Dense("r", 2, Activation.IDENTITY))), adam, 2, DataType.DOUBLE);
        enc.setParam("0_W", Nd4j.create(W));
        enc.setParam("0_b", Nd4j.create(new double[][] {B}));
        dec.setParam("0_W", Nd4j.create(V));
        dec.setParam("0_b", Nd4j.create(new double[][] {C}));
        return new AutoencoderTrainer(enc, dec, ToyDistribution.named("circle"),
                AutoencoderSettings.plain(AutoencoderSettings.Reconstruction.MSE, 1e-3, 8),
                AutoencoderTrainer.Kind.AUTOENCODER, 1);
    }

    @Test
    void agreementIsOneForArrowsAtTheCurveAndMinusOneAway() {
        double[] bounds = {-2, 2, -2, 2};
        double[][] p = ReconstructionField.grid(bounds, 9);
        double[] x = new double[p.length];
        double[] y = new double[p.length];
        double[] tx = new double[p.length];
        double[] ty = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            x[i] = p[i][0];
            y[i] = p[i][1];
            double r = Math.hypot(x[i], y[i]);
            // half-way to the unit circle
            tx[i] = r == 0 ? 0 : 0.5 * (x[i] / r - x[i]);
            ty[i] = r == 0 ? 0 : 0.5 * (y[i] / r - y[i]);
        }
        ReconstructionField toward = new ReconstructionField("toward", bounds, 9, x, y, tx, ty);
        FieldAgreement a = FieldAgreement.of(toward, CurveFieldTrainingTest.UNIT_CIRCLE, 0.1, 1.0);
        assertEquals(1.0, a.meanCosine(), 1e-12);
        assertTrue(a.points() > 0);
        double[] ax = tx.clone();
        double[] ay = ty.clone();
        for (int i = 0; i < ax.length; i++) {
            ax[i] = -ax[i];
            ay[i] = -ay[i];
        }
        FieldAgreement away = FieldAgreement.of(new ReconstructionField("away", bounds, 9, x, y, ax, ay),
                CurveFieldTrainingTest.UNIT_CIRCLE, 0.1, 1.0);
        assertEquals(-1.0, away.meanCosine(), 1e-12);
        assertEquals(a.points(), away.points());
    }
}
