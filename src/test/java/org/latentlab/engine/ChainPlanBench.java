package org.latentlab.engine;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.experiment.Presets;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Run by hand, not a test: where a {@link ChainPlan}'s time goes, layer by layer, for the DCGAN's G and D and the
 * convolutional autoencoder's encoder and decoder at batch 64 in float (median milliseconds of the forward and the
 * backward pass of each layer over several rounds). Run on the test classpath with one thread; for another
 * {@code nd4j-native} build see {@link ConvKernelsBench}. Arguments: rounds and iterations per round.
 */
public final class ChainPlanBench {

    private ChainPlanBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var dcgan = Presets.loadGan("fashion-dcgan");
        var ae = Presets.loadReconstruction("mnist-conv-ae");
        for (NetworkSpec spec : List.of(dcgan.generator(), dcgan.discriminator(), ae.encoder(), ae.decoder())) {
            MultiLayerNetwork net = NetworkCompiler.compile(spec, OptimizerSpec.adam(1e-3, 0.5), 1, DataType.FLOAT);
            Chain chain = Chain.of(net).orElseThrow();
            INDArray gradient = Nd4j.create(DataType.FLOAT, 1, net.numParams());
            try (ChainPlan plan = new ChainPlan(chain, 64, net.params(), gradient)) {
                plan.forward(Nd4j.rand(DataType.FLOAT, 64, chain.inputSize()));
                List<ChainLayer.Pass> passes = plan.passes();
                double[][] forward = new double[passes.size()][rounds];
                double[][] backward = new double[passes.size()][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int l = 0; l < passes.size(); l++) {
                        ChainLayer.Pass p = passes.get(l);
                        p.outputGradient().assign(0.01);
                        p.forward();
                        p.backward(true);
                        long t0 = System.nanoTime();
                        for (int i = 0; i < iterations; i++) {
                            p.forward();
                        }
                        long t1 = System.nanoTime();
                        for (int i = 0; i < iterations; i++) {
                            p.backward(true);
                        }
                        long t2 = System.nanoTime();
                        forward[l][r] = (t1 - t0) / 1e6 / iterations;
                        backward[l][r] = (t2 - t1) / 1e6 / iterations;
                    }
                }
                System.out.println(spec.name());
                for (int l = 0; l < passes.size(); l++) {
                    ChainLayer layer = chain.layers().get(l);
                    System.out.printf(Locale.ROOT, "  %-12s %-18s forward %7.2f ms  backward %7.2f ms%n",
                            layer.name(), layer.getClass().getSimpleName(), median(forward[l]),
                            median(backward[l]));
                }
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
