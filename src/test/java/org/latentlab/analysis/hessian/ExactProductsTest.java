package org.latentlab.analysis.hessian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.Objective;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.Monitor;
import org.latentlab.model.Activation;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Random;

/**
 * The engine's exact Hessian-vector products behind {@link HessianVectorProduct}, for the objectives it runs,
 * against central differences of the DL4J gradient (the same objective seen as a plain {@link Objective}) in
 * double, and the whole Hessian of a small net built from them against the one built from differences.
 */
class ExactProductsTest {

    /** The objective's loss and gradient only: its products fall back to central differences. */
    static Objective plain(NetworkObjective o) {
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

    static void sameProducts(NetworkObjective o, String what) {
        double[] theta = o.initialPoint();
        HessianVectorProduct exact = new HessianVectorProduct(o, theta);
        HessianVectorProduct differences = new HessianVectorProduct(plain(o), theta);
        assertTrue(exact.exact(), what + " should use the engine");
        assertFalse(differences.exact());
        Random r = new Random(3);
        for (int k = 0; k < 3; k++) {
            double[] v = Vectors.gaussian(theta.length, r);
            double[] fd = differences.apply(v);
            double err = Nets.maxRelativeError(exact.apply(v), fd, 1e-8);
            assertTrue(err < 1e-6, what + ": relative error " + err);
        }
        assertEquals(3, exact.products());
    }

    @Test
    void softmaxClassifierProductsAreExact() {
        sameProducts(new SupervisedObjective(Nets.softmaxMlp(4, 6, 3, 11), Nets.uniform(1, 15, 4, 1.5),
                Nets.oneHot(2, 15, 3)), "softmax MLP");
    }

    @Test
    void squaredErrorRegressionProductsAreExact() {
        for (LossFunctions.LossFunction loss : new LossFunctions.LossFunction[] {
                LossFunctions.LossFunction.MSE, LossFunctions.LossFunction.L2}) {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                    .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                    .layer(new DenseLayer.Builder().nIn(3).nOut(5)
                            .activation(org.nd4j.linalg.activations.Activation.SIGMOID).build())
                    .layer(new DenseLayer.Builder().nIn(5).nOut(4)
                            .activation(org.nd4j.linalg.activations.Activation.LEAKYRELU).build())
                    .layer(new OutputLayer.Builder(loss).nIn(4).nOut(2)
                            .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                    .build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            sameProducts(new SupervisedObjective(net, Nets.uniform(3, 9, 3, 1), Nets.uniform(4, 9, 2, 0.8)),
                    "regression with " + loss);
        }
    }

    @Test
    void plainAutoencoderProductsAreExactForBothReconstructions() {
        for (Reconstruction rec : Reconstruction.values()) {
            MultiLayerNetwork enc = Nets.dense("enc", 6, 21, DataType.DOUBLE, new int[] {5, 3},
                    new Activation[] {Activation.TANH, Activation.IDENTITY});
            MultiLayerNetwork dec = Nets.dense("dec", 3, 22, DataType.DOUBLE, new int[] {5, 6},
                    new Activation[] {Activation.RELU, Activation.IDENTITY});
            INDArray x = Nets.uniform(5, 8, 6, 1).addi(1).divi(2);
            sameProducts(AutoencoderObjective.plain(enc, dec, x, x, rec), "autoencoder " + rec);
        }
    }

    @Test
    void vaeProductsAreExactForBothReconstructionsAndAConvolutionalEncoder() {
        MultiLayerNetwork enc = Nets.dense("enc", 6, 23, DataType.DOUBLE, new int[] {5, 4},
                new Activation[] {Activation.TANH, Activation.IDENTITY});
        MultiLayerNetwork dec = Nets.dense("dec", 2, 24, DataType.DOUBLE, new int[] {6},
                new Activation[] {Activation.IDENTITY});
        for (Reconstruction r : Reconstruction.values()) {
            AutoencoderObjective o = AutoencoderObjective.vae(enc, dec, Nets.uniform(6, 7, 6, 1), r, 0.7, 99);
            double[] theta = o.initialPoint();
            // the engine's loss is the objective's own, the Gaussian's constant included
            assertEquals(o.loss(theta), o.exactCurvature().orElseThrow().loss(theta), 1e-12, r.toString());
            sameProducts(o, "VAE " + r);
        }
        MultiLayerNetwork convEnc = org.latentlab.model.NetworkCompiler.compile(new org.latentlab.model.NetworkSpec(
                "enc", org.latentlab.model.Shape.image(1, 4, 4), java.util.List.of(
                        new org.latentlab.model.LayerSpec.Conv2D("c", 2, 3, 2, org.latentlab.model.Padding.SAME,
                                Activation.LEAKYRELU, 0.2),
                        new org.latentlab.model.LayerSpec.Flatten("f"),
                        new org.latentlab.model.LayerSpec.Dense("mv", 4, Activation.IDENTITY, 0.2))),
                org.latentlab.model.OptimizerSpec.adam(1e-3, 0.5), 25, DataType.DOUBLE);
        MultiLayerNetwork convDec = Nets.dense("dec", 2, 26, DataType.DOUBLE, new int[] {16},
                new Activation[] {Activation.IDENTITY});
        sameProducts(AutoencoderObjective.vae(convEnc, convDec, Nets.uniform(7, 5, 16, 1), Reconstruction.CROSS_ENTROPY,
                1.3, 98), "convolutional VAE");
    }

    @Test
    void wholeHessianOfASmallNetMatchesTheOneFromDifferences() {
        SupervisedObjective o = new SupervisedObjective(Nets.softmaxMlp(3, 4, 3, 17), Nets.uniform(7, 10, 3, 1.5),
                Nets.oneHot(8, 10, 3));
        double[] theta = o.initialPoint();
        ExactHessian exact = ExactHessian.compute(new HessianVectorProduct(o, theta), Monitor.NONE);
        ExactHessian differences = ExactHessian.compute(new HessianVectorProduct(plain(o), theta), Monitor.NONE);
        assertTrue(exact.asymmetry() < 1e-12, "exact products give a symmetric matrix: " + exact.asymmetry());
        double err = 0;
        double scale = 1e-8;
        for (int i = 0; i < exact.dimension(); i++) {
            for (int j = 0; j < exact.dimension(); j++) {
                err = Math.max(err, Math.abs(exact.get(i, j) - differences.get(i, j)));
                scale = Math.max(scale, Math.abs(differences.get(i, j)));
            }
        }
        assertTrue(err / scale < 1e-6, "relative error " + err / scale);
        assertEquals(differences.trace(), exact.trace(), 1e-6 * Math.abs(differences.trace()));
    }
}
