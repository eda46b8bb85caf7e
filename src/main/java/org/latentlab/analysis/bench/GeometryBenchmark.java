package org.latentlab.analysis.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.EigenPairs;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.SupervisedObjective;
import org.latentlab.analysis.landscape.ScanPlane;
import org.latentlab.analysis.landscape.SurfaceScan;
import org.latentlab.analysis.tangent.EncoderJacobian;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.analysis.tangent.Jacobian;
import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.OptimizerSpec;
import org.latentlab.model.Shape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the geometry bench's core operations on a fixed workload, for the {@code bench} command: a softmax MLP
 * 784-12-10 (9,550 parameters) on 1,000 random examples in DOUBLE — one Hessian-vector product, the top 5
 * eigenvalues by Lanczos (20 products), a 51 × 51 loss surface on filter-normalised directions — and the Jacobian and
 * its SVD for a 784-128-32 encoder. Each is timed {@code repeats} times after a warm-up; the medians are reported.
 * Reference numbers from the spike on a 2-core box: product 14 ms, top 5 0.4 s, 51 × 51 ~3 s, Jacobian + SVD
 * target under 16 ms. Run it with one OpenMP thread ({@code OMP_NUM_THREADS=1}).
 */
public final class GeometryBenchmark {

    /**
     * The workload.
     *
     * @param inputs          input size of the MLP and the encoder
     * @param hidden          the MLP's hidden units
     * @param classes         the MLP's classes
     * @param examples        the batch the loss is taken over
     * @param lanczosSteps    products per Lanczos run
     * @param surface         the surface's resolution (surface × surface cells)
     * @param encoderHidden   the encoder's hidden units
     * @param code            the encoder's code size
     * @param repeats         timed runs of the product, Lanczos and the Jacobian (the surface: at most 3)
     * @param seed            data, weights and directions
     */
    public record Config(int inputs, int hidden, int classes, int examples, int lanczosSteps, int surface,
                         int encoderHidden, int code, int repeats, long seed) {

        /** The workload of the reference numbers. */
        public static Config standard() {
            return new Config(784, 12, 10, 1000, 20, 51, 128, 32, 9, 1);
        }
    }

    /**
     * Median times in milliseconds.
     *
     * @param parameters         the MLP's parameters
     * @param examples           its batch
     * @param hvpMillis          one Hessian-vector product (exact, from the engine: the MLP is a dense chain)
     * @param top5Millis         Lanczos with {@code lanczosSteps} products, top 5 eigenvalues
     * @param top5               the eigenvalues found
     * @param surfaceMillis      the whole surface
     * @param surfaceCells       its cells
     * @param jacobianMillis     the encoder Jacobian at one input
     * @param svdMillis          its SVD
     * @param jacobianSvdMillis  both together
     */
    public record Result(int parameters, int examples, double hvpMillis, double top5Millis, double[] top5,
                         double surfaceMillis, int surfaceCells, double jacobianMillis, double svdMillis,
                         double jacobianSvdMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Geometry benchmark, MLP with %d parameters on %d examples (DOUBLE)%n"
                            + "  Hessian-vector product      %9.1f ms%n"
                            + "  top-5 eigenvalues (Lanczos) %9.1f ms   %s%n"
                            + "  loss surface, %d cells    %9.1f ms%n"
                            + "  encoder Jacobian + SVD      %9.1f ms   (Jacobian %.1f ms, SVD %.1f ms)",
                    parameters, examples, hvpMillis, top5Millis, Arrays.toString(round(top5)), surfaceCells,
                    surfaceMillis, jacobianSvdMillis, jacobianMillis, svdMillis);
        }

        private static float[] round(double[] v) {
            float[] out = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) v[i];
            }
            return out;
        }
    }

    private GeometryBenchmark() {
    }

    /** Runs the standard workload. */
    public static Result run(Monitor monitor) {
        return run(Config.standard(), monitor);
    }

    public static Result run(Config c, Monitor monitor) {
        Operations ops = prepare(c);
        monitor.progress(0, "benchmark: Hessian-vector products");
        for (int i = 0; i < 5; i++) {
            ops.hvp(); // warm-up: JIT and ND4J's first calls
        }
        double hvpMs = median(c.repeats(), ops::hvp, monitor);

        monitor.progress(0.1, "benchmark: Lanczos");
        EigenPairs[] top = {ops.top5()};
        double lanczosMs = median(Math.max(1, c.repeats() / 3), () -> top[0] = ops.top5(), monitor);

        monitor.progress(0.3, "benchmark: loss surface");
        double surfaceMs = median(Math.min(3, c.repeats()), () -> ops.surface(monitor), monitor);

        monitor.progress(0.9, "benchmark: encoder Jacobian");
        Jacobian[] j = new Jacobian[1];
        for (int i = 0; i < 5; i++) {
            j[0] = ops.jacobian();
            TangentSpace.of(j[0]);
        }
        double jacMs = median(c.repeats() * 2, () -> j[0] = ops.jacobian(), monitor);
        double svdMs = median(c.repeats() * 2, () -> TangentSpace.of(j[0]), monitor);
        double bothMs = median(c.repeats() * 2, () -> TangentSpace.of(ops.jacobian()), monitor);
        monitor.progress(1, "benchmark done");
        return new Result(ops.parameters(), c.examples(), hvpMs, lanczosMs, top[0].eigenvalues(), surfaceMs,
                c.surface() * c.surface(), jacMs, svdMs, bothMs);
    }

    /** Builds the workload: nets, data, the product's point and direction, the surface's plane. */
    public static Operations prepare(Config c) {
        return new Operations(c);
    }

    /**
     * The workload built once, its operations ready to call: the very ones {@link #run} times, so that a yardstick
     * beside another library (the {@code bench --vs-pytorch} command) times the lab's code, not a copy of it.
     * Not thread-safe: one thread calls it.
     */
    public static final class Operations {
        private final Config c;
        private final SupervisedObjective objective;
        private final double[] theta;
        private final HessianVectorProduct hvp;
        private final double[] v;
        private final ScanPlane plane;
        private final MultiLayerNetwork encoder;
        private final double[] input;

        private Operations(Config c) {
            this.c = c;
            Random rng = new Random(Seeds.mix(c.seed()));
            MultiLayerNetwork mlp = mlp(c);
            INDArray x = uniform(rng, c.examples(), c.inputs());
            double[] labels = new double[c.examples() * c.classes()];
            for (int i = 0; i < c.examples(); i++) {
                labels[i * c.classes() + rng.nextInt(c.classes())] = 1;
            }
            objective = new SupervisedObjective(mlp, x,
                    Nd4j.create(labels, new long[] {c.examples(), c.classes()}, DataType.DOUBLE));
            theta = objective.initialPoint();
            hvp = new HessianVectorProduct(objective, theta);
            v = Vectors.gaussian(theta.length, rng);
            plane = ScanPlane.filterNormalized(objective.layout(), theta, c.seed());
            encoder = NetworkCompiler.compile(new NetworkSpec("encoder", Shape.vector(c.inputs()),
                            List.of(new LayerSpec.Dense("enc1", c.encoderHidden(), Activation.TANH, 0.2),
                                    new LayerSpec.Dense("code", c.code(), Activation.SIGMOID, 0.2))),
                    OptimizerSpec.adam(1e-3, 0.5), c.seed(), DataType.DOUBLE);
            input = Host.row(uniform(rng, 1, c.inputs()));
        }

        /** The MLP's parameter count. */
        public int parameters() {
            return theta.length;
        }

        /** One Hessian-vector product of the MLP's loss on its batch. */
        public double[] hvp() {
            return hvp.apply(v);
        }

        /** The top 5 eigenvalues by Lanczos with {@code lanczosSteps} products. */
        public EigenPairs top5() {
            return new Lanczos(hvp, c.seed()).topEigenvalues(5, c.lanczosSteps(), 0);
        }

        /** The whole surface × surface loss surface on filter-normalised directions over [-1, 1]². */
        public SurfaceScan surface(Monitor monitor) {
            SurfaceScan scan = SurfaceScan.create(plane, -1, 1, c.surface()).run(objective, monitor);
            objective.restore();
            return scan;
        }

        /** The encoder's Jacobian at one input. */
        public Jacobian jacobian() {
            return EncoderJacobian.at(encoder, input, EncoderOutput.CODE);
        }
    }

    private static MultiLayerNetwork mlp(Config c) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(c.seed()).dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(c.inputs()).nOut(c.hidden())
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(c.hidden()).nOut(c.classes())
                        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray uniform(Random rng, int n, int d) {
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble();
        }
        return Nd4j.create(v, new long[] {n, d}, DataType.DOUBLE);
    }

    private static double median(int repeats, Runnable task, Monitor monitor) {
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            monitor.checkCancelled();
            long start = System.nanoTime();
            task.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return repeats % 2 == 1 ? t[repeats / 2] : 0.5 * (t[repeats / 2 - 1] + t[repeats / 2]);
    }

    /** Copies out of ND4J. */
    private static final class Host {
        static double[] row(INDArray a) {
            return a.castTo(DataType.DOUBLE).reshape('c', new long[] {a.length()}).toDoubleVector();
        }
    }

    /** Runs the standard benchmark and prints it. */
    public static void main(String[] args) {
        System.out.println(run(Monitor.NONE));
    }
}
