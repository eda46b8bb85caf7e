package org.latentlab.analysis.tangent;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.engine.DenseChain;
import org.latentlab.model.Activation;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encoder Jacobians against finite differences of the encoder's outputs (DOUBLE), the SVD against commons-math's,
 * and the sensitivities against their definitions.
 */
@ExtendWith(DoublePrecision.class)
class TangentTest {

    private static final int D = 12;

    private static MultiLayerNetwork encoder(int outputs) {
        return Nets.dense("enc", D, 61, DataType.DOUBLE, new int[] {9, outputs},
                new Activation[] {Activation.TANH, Activation.SIGMOID});
    }

    private static double[] input(long seed) {
        return Vectors.gaussian(D, new Random(seed));
    }

    private static double[] run(MultiLayerNetwork net, double[] x) {
        return net.output(Nd4j.create(x, new long[] {1, x.length}, DataType.DOUBLE), false).toDoubleVector();
    }

    /** ∂f/∂x by central differences, rows = outputs. */
    private static double[][] finiteDifferences(Function<double[], double[]> f, double[] x, int outputs) {
        double h = 1e-6;
        double[][] j = new double[outputs][x.length];
        for (int c = 0; c < x.length; c++) {
            double[] p = x.clone();
            p[c] += h;
            double[] up = f.apply(p);
            p[c] -= 2 * h;
            double[] down = f.apply(p);
            for (int r = 0; r < outputs; r++) {
                j[r][c] = (up[r] - down[r]) / (2 * h);
            }
        }
        return j;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tol, "row " + i);
        }
    }

    /** DL4J's batched backward pass: k copies of each input, the identity on the first k outputs. */
    private static double[][][] dl4jJacobians(MultiLayerNetwork enc, double[][] xs, int k, int outputs) {
        int d = xs[0].length;
        double[] rows = new double[xs.length * k * d];
        double[] eps = new double[xs.length * k * outputs];
        for (int p = 0; p < xs.length; p++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(xs[p], 0, rows, (p * k + i) * d, d);
                eps[(p * k + i) * outputs + i] = 1;
            }
        }
        DataType type = enc.params().dataType();
        double[] g = EncoderJacobian.backprop(enc, Nd4j.create(rows, new long[] {rows.length / d, d},
                        DataType.DOUBLE).castTo(type),
                Nd4j.create(eps, new long[] {eps.length / outputs, outputs}, DataType.DOUBLE).castTo(type))
                .castTo(DataType.DOUBLE).reshape('c', new long[] {rows.length}).toDoubleVector();
        double[][][] j = new double[xs.length][k][d];
        for (int p = 0; p < xs.length; p++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(g, (p * k + i) * d, j[p][i], 0, d);
            }
        }
        return j;
    }

    @Test
    void denseEncodersRunOnTheEngineAndMatchDl4jsBackwardPass() {
        MultiLayerNetwork enc = Nets.dense("enc", D, 62, DataType.DOUBLE, new int[] {11, 7, 6},
                new Activation[] {Activation.RELU, Activation.LEAKYRELU, Activation.TANH});
        assertTrue(DenseChain.of(enc).isPresent(), "a dense encoder is a chain the engine runs");
        double[][] xs = {input(11), input(12), input(13)};
        // the whole code, then the mean half of a VAE's [μ, log σ²] (k < outputs), one input then several
        for (EncoderOutput part : new EncoderOutput[] {EncoderOutput.CODE, EncoderOutput.VAE_MEAN}) {
            int k = part.codeSize(6);
            double[][][] expected = dl4jJacobians(enc, xs, k, 6);
            List<Jacobian> many = EncoderJacobian.of(enc, xs, part);
            for (int p = 0; p < xs.length; p++) {
                assertWithin(expected[p], many.get(p).rows(), 1e-12);
            }
            assertWithin(expected[0], EncoderJacobian.at(enc, xs[0], part).rows(), 1e-12);
        }
        // the encoder's parameters are read at each call: a changed encoder gives its own Jacobian
        enc.params().muli(0.5);
        assertWithin(dl4jJacobians(enc, xs, 6, 6)[1], EncoderJacobian.at(enc, xs[1], EncoderOutput.CODE).rows(),
                1e-12);
        // float32 encoders too, to float precision
        MultiLayerNetwork small = Nets.dense("f", D, 63, DataType.FLOAT, new int[] {8, 4},
                new Activation[] {Activation.SIGMOID, Activation.IDENTITY});
        assertWithin(dl4jJacobians(small, xs, 4, 4)[2], EncoderJacobian.at(small, xs[2], EncoderOutput.CODE).rows(),
                1e-5);
    }

    /** Equal to {@code rel} relative to the largest entry of {@code expected}. */
    private static void assertWithin(double[][] expected, double[][] actual, double rel) {
        double scale = 0;
        for (double[] row : expected) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        assertTrue(scale > 0);
        assertClose(expected, actual, rel * scale);
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        MultiLayerNetwork enc = encoder(5);
        double[] x = input(1);
        Jacobian j = EncoderJacobian.at(enc, x, EncoderOutput.CODE);
        assertEquals(5, j.outputs());
        assertEquals(D, j.inputs());
        assertClose(finiteDifferences(p -> run(enc, p), x, 5), j.rows(), 1e-8);
    }

    @Test
    void vaeJacobianTakesTheMeanHalf() {
        MultiLayerNetwork enc = encoder(6);
        double[] x = input(2);
        Jacobian j = EncoderJacobian.at(enc, x, EncoderOutput.VAE_MEAN);
        assertEquals(3, j.outputs());
        assertClose(finiteDifferences(p -> run(enc, p), x, 3), j.rows(), 1e-8);
    }

    @Test
    void encodersWithBatchNormAndDropoutHaveTheirInferenceModeJacobian() {
        java.util.List<org.latentlab.model.LayerSpec> layers = java.util.List.of(
                new org.latentlab.model.LayerSpec.Dense("d1", 9, Activation.TANH, 0.2),
                new org.latentlab.model.LayerSpec.BatchNorm("bn"),
                new org.latentlab.model.LayerSpec.Dropout("drop", 0.5),
                new org.latentlab.model.LayerSpec.Dense("code", 4, Activation.SIGMOID, 0.2));
        MultiLayerNetwork enc = org.latentlab.model.NetworkCompiler.compile(new org.latentlab.model.NetworkSpec("e",
                org.latentlab.model.Shape.vector(D), layers), org.latentlab.model.OptimizerSpec.adam(1e-3, 0.5), 3,
                DataType.DOUBLE);
        // running statistics away from their initial 0 and 1
        enc.getLayer(1).paramTable().get("mean").addi(0.3);
        enc.getLayer(1).paramTable().get("log10stdev").addi(0.2);
        double[] x = input(12);
        Jacobian j = EncoderJacobian.at(enc, x, EncoderOutput.CODE);
        assertClose(finiteDifferences(p -> run(enc, p), x, 4), j.rows(), 1e-7);
        MultiLayerNetwork dropoutOnly = org.latentlab.model.NetworkCompiler.compile(new org.latentlab.model.NetworkSpec(
                "e", org.latentlab.model.Shape.vector(D), java.util.List.of(layers.get(0), layers.get(2), layers.get(3))),
                org.latentlab.model.OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        assertClose(finiteDifferences(p -> run(dropoutOnly, p), x, 4),
                EncoderJacobian.at(dropoutOnly, x, EncoderOutput.CODE).rows(), 1e-7);
        // the reconstruction's sensitivity through the same differences
        MultiLayerNetwork dec = Nets.dense("dec", 4, 62, DataType.DOUBLE, new int[] {D},
                new Activation[] {Activation.IDENTITY});
        double[][] fd = finiteDifferences(p -> run(dec, run(enc, p)), x, D);
        double f = 0;
        for (double[] row : fd) {
            for (double v : row) {
                f += v * v;
            }
        }
        assertEquals(Math.sqrt(f), Sensitivity.reconstruction(enc, dec, new double[][] {x}, EncoderOutput.CODE, false,
                Monitor.NONE)[0], 1e-7 * Math.sqrt(f));
    }

    @Test
    void encodersWithMaxoutHaveTheirJacobianNotTwiceIt() {
        // DL4J's backward pass through a SameDiff layer gives twice the gradient (engine.SameDiffBackwardTest)
        MultiLayerNetwork enc = org.latentlab.model.NetworkCompiler.compile(new org.latentlab.model.NetworkSpec("e",
                org.latentlab.model.Shape.vector(D), java.util.List.of(
                        new org.latentlab.model.LayerSpec.Maxout("mx", 6, 3),
                        new org.latentlab.model.LayerSpec.Dense("code", 4, Activation.TANH, 0.2))),
                org.latentlab.model.OptimizerSpec.adam(1e-3, 0.5), 5, DataType.DOUBLE);
        double[] x = input(14);
        assertClose(finiteDifferences(p -> run(enc, p), x, 4), EncoderJacobian.at(enc, x, EncoderOutput.CODE).rows(),
                1e-7);
    }

    @Test
    void manyInputsAtOnceGiveTheSameJacobians() {
        MultiLayerNetwork enc = encoder(5);
        double[][] xs = {input(3), input(4), input(5)};
        List<Jacobian> all = EncoderJacobian.of(enc, xs, EncoderOutput.CODE);
        for (int i = 0; i < xs.length; i++) {
            assertClose(EncoderJacobian.at(enc, xs[i], EncoderOutput.CODE).rows(), all.get(i).rows(), 1e-14);
        }
    }

    @Test
    void svdMatchesCommonsMathAndReconstructsTheJacobian() {
        Jacobian j = EncoderJacobian.at(encoder(5), input(6), EncoderOutput.CODE);
        TangentSpace t = TangentSpace.of(j);
        double[] expected = new SingularValueDecomposition(new Array2DRowRealMatrix(j.rows())).getSingularValues();
        assertArrayEquals(expected, t.singularValues(), 1e-12 * expected[0]);
        for (int i = 0; i < t.rank(); i++) {
            double[] v = t.tangents()[i];
            assertEquals(1, Vectors.norm(v), 1e-12);
            for (int k = 0; k < i; k++) {
                assertEquals(0, Vectors.dot(v, t.tangents()[k]), 1e-12);
            }
            // J v = σ u
            double[] jv = new double[j.outputs()];
            for (int r = 0; r < j.outputs(); r++) {
                jv[r] = Vectors.dot(j.rows()[r], v);
            }
            assertArrayEquals(Vectors.scale(t.codeDirections()[i], t.singularValues()[i]), jv, 1e-12 * expected[0]);
        }
        double[] x = input(7);
        double[] moved = t.move(x, 0, 0.5);
        assertEquals(0.5, Vectors.norm(Vectors.subtract(moved, x)), 1e-12);
    }

    @Test
    void wideJacobiansUseTheDirectDecomposition() {
        double[][] rows = new double[4][3];
        Random r = new Random(8);
        for (double[] row : rows) {
            for (int i = 0; i < 3; i++) {
                row[i] = r.nextGaussian();
            }
        }
        TangentSpace t = TangentSpace.of(new Jacobian(rows));
        assertEquals(3, t.rank());
        assertArrayEquals(new SingularValueDecomposition(new Array2DRowRealMatrix(rows)).getSingularValues(),
                t.singularValues(), 1e-12);
    }

    @Test
    void codeSensitivityIsTheJacobiansFrobeniusNorm() {
        MultiLayerNetwork enc = encoder(5);
        double[][] xs = {input(9), input(10)};
        double[] s = Sensitivity.code(enc, xs, EncoderOutput.CODE, Monitor.NONE);
        for (int i = 0; i < xs.length; i++) {
            double[][] fd = finiteDifferences(p -> run(enc, p), xs[i], 5);
            double f = 0;
            for (double[] row : fd) {
                for (double v : row) {
                    f += v * v;
                }
            }
            assertEquals(Math.sqrt(f), s[i], 1e-8);
        }
    }

    @Test
    void reconstructionSensitivityMatchesFiniteDifferences() {
        MultiLayerNetwork enc = encoder(6); // a VAE encoder: code = the first 3 outputs
        MultiLayerNetwork dec = Nets.dense("dec", 3, 62, DataType.DOUBLE, new int[] {8, D},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        double[] x = input(11);
        for (boolean logits : new boolean[] {false, true}) {
            Function<double[], double[]> recon = p -> {
                double[] c = java.util.Arrays.copyOf(run(enc, p), 3);
                double[] o = run(dec, c);
                if (logits) {
                    for (int i = 0; i < o.length; i++) {
                        o[i] = 1 / (1 + Math.exp(-o[i]));
                    }
                }
                return o;
            };
            double[][] fd = finiteDifferences(recon, x, D);
            double f = 0;
            for (double[] row : fd) {
                for (double v : row) {
                    f += v * v;
                }
            }
            double s = Sensitivity.reconstruction(enc, dec, new double[][] {x}, EncoderOutput.VAE_MEAN, logits,
                    Monitor.NONE)[0];
            assertEquals(Math.sqrt(f), s, 1e-8 * Math.sqrt(f), "logits " + logits);
        }
    }
}
