package org.latentlab.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Padding;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Run by hand, not a test: forward + backward of the 28x28 DCGAN's biggest convolution (D's second: 16 to 32
 * channels, 14x14 to 7x7, kernel 4, stride 2) and biggest transposed convolution (G's first: 32 to 16 channels,
 * 7x7 to 14x14), batch 64, float, through DL4J's layer and through {@link ConvLayerKernels}. Prints the median
 * milliseconds of several rounds. Run with {@code OMP_NUM_THREADS=1} for one thread, on the test classpath
 * ({@code dependency:build-classpath}); for another {@code nd4j-native} build swap its jar on that classpath for
 * the classifier's ({@code linux-x86_64-onednn}, {@code -avx512}, {@code -onednn-avx512}) and add
 * {@code -Dorg.bytedeco.javacpp.platform.extension=-onednn} (the classifier's suffix). Arguments: rounds and
 * iterations per round.
 */
public final class ConvKernelsBench {

    private static final int BATCH = 64;

    private ConvKernelsBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.println("backend: " + Nd4j.getExecutioner().getClass().getSimpleName() + ", environment "
                + Nd4j.getExecutioner().getEnvironmentInformation().getProperty("blas.vendor", "?")
                + ", OMP threads " + Nd4j.getEnvironment().maxThreads()
                + ", extension " + System.getProperty("org.bytedeco.javacpp.platform.extension", ""));
        bench("d_conv2 conv 16->32 14x14 k4 s2",
                new LayerSpec.Conv2D("c", 32, 4, 2, Padding.SAME, Activation.IDENTITY, 0),
                Shape.image(16, 14, 14), rounds, iterations);
        bench("g_up1 deconv 32->16 7x7 k4 s2",
                new LayerSpec.Deconv2D("d", 16, 4, 2, Padding.SAME, Activation.IDENTITY, 0),
                Shape.image(32, 7, 7), rounds, iterations);
    }

    private static void bench(String name, LayerSpec spec, Shape in, int rounds, int iterations) {
        MultiLayerNetwork net = NetworkCompiler.compile(new NetworkSpec("bench", in, List.of(spec)),
                OptimizerSpec.adam(1e-3, 0.5), 1, DataType.FLOAT);
        net.initGradientsView();
        Layer layer = net.getLayer(0);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, in.channels(), in.height(), in.width()).subi(0.5);
        INDArray gradient = Nd4j.create(DataType.FLOAT, 1, net.numParams());
        try (ConvLayerKernels k = ConvLayerKernels.of(spec, in, BATCH, net.params(),
                gradient, 0)) {
            INDArray eps = Nd4j.rand(DataType.FLOAT, k.output().shape()).subi(0.5);
            Runnable dl4j = () -> {
                layer.setInput(x, mgr);
                layer.activate(true, mgr);
                layer.backpropGradient(eps, mgr);
            };
            k.input().assign(x);
            k.outputGradient().assign(eps);
            Runnable kernels = () -> {
                k.forward();
                k.backward();
            };
            // the same numbers as DL4J's layer on this build, before timing
            layer.setInput(x, mgr);
            INDArray z = layer.activate(true, mgr).dup();
            INDArray dx = layer.backpropGradient(eps, mgr).getSecond().dup();
            INDArray g = net.getGradientsViewArray().dup();
            kernels.run();
            double err = Math.max(maxRelative(k.output(), z),
                    Math.max(maxRelative(k.inputGradient(), dx), maxRelative(gradient, g)));
            double[] d = new double[rounds];
            double[] e = new double[rounds];
            time(dl4j, iterations);
            time(kernels, iterations);
            for (int r = 0; r < rounds; r++) {
                d[r] = time(dl4j, iterations);
                e[r] = time(kernels, iterations);
            }
            System.out.printf(Locale.ROOT, "%-34s DL4J %7.2f ms (%.2f-%.2f)   kernels %7.2f ms (%.2f-%.2f)   %.1fx"
                    + "   max rel. difference %.1e%n", name, median(d), min(d), max(d), median(e), min(e), max(e),
                    median(d) / median(e), err);
        }
    }

    private static double maxRelative(INDArray a, INDArray b) {
        INDArray x = a.castTo(DataType.DOUBLE).reshape(a.length());
        INDArray y = b.castTo(DataType.DOUBLE).reshape(b.length());
        return x.sub(y).amaxNumber().doubleValue() / Math.max(1e-12, y.amaxNumber().doubleValue());
    }

    /** Milliseconds per call, over {@code n} calls. */
    private static double time(Runnable r, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e6 / n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
