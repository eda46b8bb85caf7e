package org.latentlab.analysis.landscape;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.hessian.ParameterLayout;
import org.latentlab.analysis.hessian.SupervisedObjective;
import org.latentlab.train.DoublePrecision;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filter normalisation on a network with every kind of block (convolution, batch norm, deconvolution, dense,
 * output): each filter of the direction has the norm of the same filter of the weights, where the filters are cut
 * out of DL4J's own parameter views (an oracle independent of the layout's index arithmetic); biases and batch-norm
 * parameters get zero; running statistics are not part of θ.
 */
@ExtendWith(DoublePrecision.class)
class FilterNormalizedDirectionTest {

    private static MultiLayerNetwork convNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new Deconvolution2D.Builder(2, 2).nOut(3).stride(2, 2).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(6, 6, 2)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // make every filter's norm different, so that a mix-up of filters shows
        Random r = new Random(2);
        INDArray p = net.params();
        for (long i = 0; i < p.length(); i++) {
            p.putScalar(i, p.getDouble(i) * (0.5 + r.nextDouble()));
        }
        return net;
    }

    @Test
    void everyFilterHasTheNormOfTheWeightsFilter() {
        MultiLayerNetwork net = convNet();
        SupervisedObjective o = new SupervisedObjective(net, Nets.uniform(1, 4, 72, 1), Nets.oneHot(1, 4, 3));
        ParameterLayout layout = o.layout();
        assertEquals(net.numParams() - 8, layout.dimension(), "batch norm's mean and variance are not in θ");
        double[] theta = o.initialPoint();
        double[] d = FilterNormalizedDirection.random(layout, theta, new Random(3));

        MultiLayerNetwork weights = net.clone();
        MultiLayerNetwork direction = net.clone();
        double[][] base = {new double[(int) net.numParams()]};
        direction.setParams(Nd4j.createFromArray(layout.toNetworks(d, base)[0]).reshape(1, net.numParams()));

        int checked = 0;
        for (int l = 0; l < net.getnLayers(); l++) {
            Map<String, INDArray> w = weights.getLayer(l).paramTable();
            Map<String, INDArray> dv = direction.getLayer(l).paramTable();
            for (String key : w.keySet()) {
                INDArray wv = w.get(key);
                INDArray dd = dv.get(key);
                if (!key.equals("W")) {
                    assertEquals(0, dd.norm2Number().doubleValue(), 0, "layer " + l + " " + key + " is zero");
                    continue;
                }
                boolean deconv = weights.getLayer(l).conf().getLayer() instanceof Deconvolution2D;
                int filters = (int) (wv.rank() == 2 || deconv ? wv.size(1) : wv.size(0));
                for (int f = 0; f < filters; f++) {
                    double wn = filter(wv, f, deconv).norm2Number().doubleValue();
                    double dn = filter(dd, f, deconv).norm2Number().doubleValue();
                    assertEquals(wn, dn, 1e-9 * wn, "layer " + l + " filter " + f);
                    checked++;
                }
            }
        }
        assertEquals(4 + 3 + 5 + 3, checked, "conv, deconv, dense and output filters");
    }

    private static INDArray filter(INDArray w, int f, boolean deconv) {
        if (w.rank() == 2) {
            return w.getColumn(f); // [nIn, nOut]: an output neuron's incoming weights
        }
        return deconv ? w.get(NDArrayIndex.all(), NDArrayIndex.point(f), NDArrayIndex.all(), NDArrayIndex.all())
                : w.get(NDArrayIndex.point(f), NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Test
    void directionsAreSeededAndIndependent() {
        MultiLayerNetwork net = Nets.softmaxMlp(4, 6, 3, 7);
        SupervisedObjective o = new SupervisedObjective(net, Nets.uniform(1, 4, 4, 1), Nets.oneHot(1, 4, 3));
        double[] theta = o.initialPoint();
        double[][] a = FilterNormalizedDirection.pair(o.layout(), theta, 5);
        double[][] b = FilterNormalizedDirection.pair(o.layout(), theta, 5);
        assertTrue(java.util.Arrays.equals(a[0], b[0]) && java.util.Arrays.equals(a[1], b[1]));
        assertFalse(java.util.Arrays.equals(a[0], a[1]));
        assertNotEquals(0, a[0][0]);
    }

    @Test
    void keepingBiasesCopiesTheWeights() {
        MultiLayerNetwork net = Nets.softmaxMlp(4, 6, 3, 7);
        SupervisedObjective o = new SupervisedObjective(net, Nets.uniform(1, 4, 4, 1), Nets.oneHot(1, 4, 3));
        double[] theta = o.initialPoint();
        double[] d = FilterNormalizedDirection.normalize(o.layout(),
                org.latentlab.analysis.Vectors.gaussian(theta.length, new Random(1)), theta, false);
        for (ParameterLayout.Block b : o.layout().blocks()) {
            if (b.role() == ParameterLayout.Role.BIAS) {
                for (int i = 0; i < b.length(); i++) {
                    assertEquals(theta[b.objectiveOffset() + i], d[b.objectiveOffset() + i], 0);
                }
            }
        }
    }
}
