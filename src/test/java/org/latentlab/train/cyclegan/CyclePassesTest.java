package org.latentlab.train.cyclegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.Backend;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CycleGAN's loss terms (Zhu et al. 2017): the cycle and identity terms vanish for G = F = identity, and each term's
 * gradient with respect to every parameter it depends on equals central finite differences of its value, in double
 * precision, on tiny networks.
 */
@ExtendWith(DoublePrecision.class)
class CyclePassesTest {

    private static final double EPS = 1e-6;

    @BeforeAll
    static void backend() {
        Backend.init();
    }

    private static MultiLayerNetwork net(int in, int hidden, int out, long seed) {
        NetworkSpec spec = new NetworkSpec("n", Shape.vector(in), List.of(
                new LayerSpec.Dense("h", hidden, Activation.TANH),
                new LayerSpec.Dense("o", out, Activation.IDENTITY)));
        return NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), seed, DataType.DOUBLE);
    }

    private static INDArray points(int n, int d, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {n, d}, 'c');
    }

    /** A dense layer 2 → 2 with W = I, b = 0 and no activation: the identity map. */
    private static MultiLayerNetwork identityNet() {
        NetworkSpec spec = new NetworkSpec("id", Shape.vector(2), List.of(
                new LayerSpec.Dense("o", 2, Activation.IDENTITY)));
        MultiLayerNetwork n = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 3, DataType.DOUBLE);
        n.setParams(Nd4j.create(new double[] {1, 0, 0, 1, 0, 0}, new long[] {1, 6}));
        return n;
    }

    @Test
    void theCycleAndIdentityTermsVanishForAnIdentityPair() {
        TrainingNetwork g = TrainingNetwork.of(identityNet());
        TrainingNetwork f = TrainingNetwork.of(identityNet());
        INDArray a = points(7, 2, 1);
        INDArray b = points(5, 2, 2);
        INDArray gradG = g.gradient().ulike().assign(0);
        INDArray gradF = f.gradient().ulike().assign(0);
        assertEquals(0.0, CyclePasses.cycle(g, f, a, 10, gradG, gradF), 0.0);
        assertEquals(0.0, CyclePasses.cycle(f, g, b, 10, gradF, gradG), 0.0);
        assertEquals(0.0, CyclePasses.identity(g, b, 5, gradG), 0.0);
        assertEquals(0.0, CyclePasses.identity(f, a, 5, gradF), 0.0);
        assertEquals(0.0, gradG.norm2Number().doubleValue(), 0.0);
        assertEquals(0.0, gradF.norm2Number().doubleValue(), 0.0);
        // and a pair that is not the identity has a cycle error: the check can fail
        TrainingNetwork other = TrainingNetwork.of(net(2, 3, 2, 9));
        assertTrue(CyclePasses.cycle(g, other, a, 10, null, null) > 0.01);
    }

    /** The value of a term as a function of the parameters, for the finite differences. */
    private interface Term {
        double value();
    }

    private static void assertGradient(MultiLayerNetwork net, INDArray analytic, Term term, String what) {
        INDArray p = net.params();
        double worst = 0;
        for (int i = 0; i < p.length(); i++) {
            double keep = p.getDouble(i);
            p.putScalar(i, keep + EPS);
            double up = term.value();
            p.putScalar(i, keep - EPS);
            double down = term.value();
            p.putScalar(i, keep);
            double numeric = (up - down) / (2 * EPS);
            double exact = analytic.getDouble(i);
            double err = Math.abs(numeric - exact) / Math.max(1e-3, Math.abs(numeric) + Math.abs(exact));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-5, what + ": worst relative error " + worst);
        assertTrue(analytic.norm2Number().doubleValue() > 1e-6, what + ": a zero gradient checks nothing");
    }

    @Test
    void theGeneratorsGanTermsGradientMatchesCentralDifferences() {
        MultiLayerNetwork gNet = net(2, 4, 2, 1);
        MultiLayerNetwork dNet = net(2, 4, 1, 2);
        TrainingNetwork g = TrainingNetwork.of(gNet);
        TrainingNetwork d = TrainingNetwork.of(dNet);
        INDArray a = points(6, 2, 3);
        INDArray grad = g.gradient().ulike().assign(0);
        CyclePasses.adversarial(g, d, a, grad);
        assertGradient(gNet, grad, () -> CyclePasses.adversarial(g, d, a, null), "GAN term, G's parameters");
    }

    @Test
    void theCycleTermsGradientMatchesCentralDifferencesForBothGenerators() {
        MultiLayerNetwork gNet = net(2, 4, 2, 4);
        MultiLayerNetwork fNet = net(2, 4, 2, 5);
        TrainingNetwork g = TrainingNetwork.of(gNet);
        TrainingNetwork f = TrainingNetwork.of(fNet);
        INDArray a = points(6, 2, 6);
        INDArray gradG = g.gradient().ulike().assign(0);
        INDArray gradF = f.gradient().ulike().assign(0);
        CyclePasses.cycle(g, f, a, 10, gradG, gradF);
        Term value = () -> CyclePasses.cycle(g, f, a, 10, null, null);
        assertGradient(gNet, gradG, value, "cycle term, the first generator's parameters");
        assertGradient(fNet, gradF, value, "cycle term, the second generator's parameters");
    }

    @Test
    void theIdentityTermsGradientMatchesCentralDifferences() {
        MultiLayerNetwork gNet = net(2, 4, 2, 7);
        TrainingNetwork g = TrainingNetwork.of(gNet);
        INDArray b = points(6, 2, 8);
        INDArray grad = g.gradient().ulike().assign(0);
        CyclePasses.identity(g, b, 5, grad);
        assertGradient(gNet, grad, () -> CyclePasses.identity(g, b, 5, null), "identity term");
    }

    @Test
    void theDiscriminatorsLossGradientMatchesCentralDifferences() {
        MultiLayerNetwork dNet = net(2, 4, 1, 10);
        TrainingNetwork d = TrainingNetwork.of(dNet);
        INDArray real = points(6, 2, 11);
        INDArray fake = points(5, 2, 12);
        INDArray grad = d.gradient().ulike().assign(0);
        double value = CyclePasses.discriminator(d, real, fake, grad);
        // the closed form at this θ: ½ mean (D(real) − 1)² + ½ mean D(fake)²
        INDArray sr = dNet.output(real, false).sub(1.0);
        INDArray sf = dNet.output(fake, false);
        double expected = 0.5 * sr.mul(sr).meanNumber().doubleValue() + 0.5 * sf.mul(sf).meanNumber().doubleValue();
        assertEquals(expected, value, 1e-12);
        assertGradient(dNet, grad, () -> CyclePasses.discriminator(d, real, fake, null), "discriminator loss");
    }
}
