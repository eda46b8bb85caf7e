package org.latentlab.train.classifier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The penalty (λ/n) Σ ‖J(x) t‖² and its parameter gradient against central differences in double precision. */
@ExtendWith(DoublePrecision.class)
class TangentPropPenaltyTest {

    private static final int SIDE = 3;
    private static final int D = SIDE * SIDE;

    static NetworkSpec mlp(Activation hidden) {
        return new NetworkSpec("tiny-mlp", Shape.image(1, SIDE, SIDE), List.of(
                new LayerSpec.Flatten("f"),
                new LayerSpec.Dense("h1", 6, hidden),
                new LayerSpec.Dense("h2", 5, Activation.SIGMOID),
                new LayerSpec.Dense("logits", 4, Activation.IDENTITY)));
    }

    private static MultiLayerNetwork net(Activation hidden) {
        MultiLayerNetwork n = NetworkCompiler.compile(mlp(hidden), OptimizerSpec.adam(1e-3, 0.9), 7, DataType.DOUBLE);
        Random r = new Random(3);
        INDArray p = n.params();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, r.nextGaussian() * 0.8); // biases too, so no term vanishes
        }
        return n;
    }

    private static INDArray random(int rows, long seed) {
        Random r = new Random(seed);
        double[] v = new double[rows * D];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, D}, 'c');
    }

    private static double finiteDifferencePenalty(MultiLayerNetwork n, INDArray x, INDArray t, double lambda,
                                                  int images) {
        double h = 1e-5;
        INDArray plus = n.output(x.add(t.mul(h)), false);
        INDArray minus = n.output(x.sub(t.mul(h)), false);
        INDArray jt = plus.sub(minus).divi(2 * h);
        double norm = jt.norm2Number().doubleValue();
        return lambda / images * norm * norm;
    }

    @Test
    void valueIsTheSquaredCentralDifferenceOfTheLogitsAlongEachTangent() {
        MultiLayerNetwork n = net(Activation.TANH);
        INDArray x = random(6, 1);
        INDArray t = random(6, 2);
        try (TangentPropPenalty p = new TangentPropPenalty(n, 0.7)) {
            double exact = p.value(x, t, 3);
            double fd = finiteDifferencePenalty(n, x, t, 0.7, 3);
            assertTrue(exact > 0.01, "a penalty that can fail: " + exact);
            assertEquals(fd, exact, 1e-8 * Math.abs(fd));
            assertEquals(exact, p.valueAndGradient(x, t, 3), 1e-12 * exact);
        }
    }

    @Test
    void gradientWithRespectToTheWeightsMatchesCentralDifferencesOfThePenalty() {
        for (Activation hidden : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            MultiLayerNetwork n = net(hidden);
            INDArray x = random(8, 4);
            INDArray t = random(8, 5);
            try (TangentPropPenalty p = new TangentPropPenalty(n, 1.3)) {
                p.valueAndGradient(x, t, 4);
                double[] exact = p.gradient().dup().toDoubleVector();
                INDArray params = n.params();
                double h = 1e-5;
                double worst = 0;
                for (int i = 0; i < exact.length; i++) {
                    double old = params.getDouble(i);
                    params.putScalar(i, old + h);
                    double up = p.value(x, t, 4);
                    params.putScalar(i, old - h);
                    double down = p.value(x, t, 4);
                    params.putScalar(i, old);
                    double fd = (up - down) / (2 * h);
                    double rel = Math.abs(fd - exact[i]) / Math.max(1e-3, Math.abs(fd) + Math.abs(exact[i]));
                    worst = Math.max(worst, rel);
                }
                assertTrue(worst < 1e-6, hidden + ": worst relative error " + worst);
                assertTrue(p.gradient().norm2Number().doubleValue() > 1e-3, "a gradient that can fail");
            }
        }
    }

    @Test
    void aConvolutionalClassifierIsRefusedWithWhatToChange() {
        MultiLayerNetwork conv = NetworkCompiler.compile(ClassifierTrainerTest.tinyNet(), OptimizerSpec.adam(1e-3,
                0.9), 1, DataType.DOUBLE);
        LabException e = assertThrows(LabException.class, () -> new TangentPropPenalty(conv, 1));
        assertTrue(e.getMessage().contains("dense layers"), e.getMessage());
    }
}
