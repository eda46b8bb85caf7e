package org.latentlab.experiment.sharpflat;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.LogitsCrossEntropyObjective;
import org.latentlab.analysis.landscape.FilterNormalizedDirection;
import org.latentlab.analysis.landscape.LineScan;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.Seeds;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.classifier.ClassifierSettings;
import org.latentlab.train.classifier.ClassifierTrainer;
import org.latentlab.train.classifier.NetworkClassifier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Keskar, Mudigere, Nocedal, Smelyanskiy &amp; Tang (2017), "On large-batch training for deep learning: generalization
 * gap and sharp minima", in small: for each seed one training subset and one initialisation, trained by Adam with a
 * small and with a large batch until the same training loss (or, with target 0, for the same epochs, as Keskar et
 * al. did: without a common target, the longer-trained minimum's λ₁ shrinks with its loss, since the cross-entropy's
 * curvature vanishes as its logits grow). At each minimum: the top eigenvalue λ₁ of the Hessian of
 * the training loss (on every training image; Lanczos on exact Hessian-vector products), the training loss along
 * random filter-normalised directions (Li, Xu, Taylor, Studer &amp; Goldstein 2018, §4: the same random draw for
 * both minima, rescaled to each one's filters), training and held-out accuracy and loss; and the losses along the
 * line from the small-batch minimum (α = 0) to the large-batch one (α = 1), as in Keskar et al.'s Figure 3
 * (Goodfellow, Vinyals &amp; Saxe 2015).
 */
public final class SharpFlatStudy {

    /** The interpolation spans α ∈ [{@value #FROM}, {@value #TO}]. */
    public static final double FROM = -0.5;
    public static final double TO = 1.5;
    private static final double LANCZOS_TOL = 1e-4;

    private SharpFlatStudy() {
    }

    /**
     * @param spec a classifier experiment (its network, optimiser and seed; its batch size is replaced by the two
     *             batches of the options)
     */
    public static SharpFlatResult run(ClassifierSpec spec, SharpFlatOptions o, Path baseDir, Monitor monitor) {
        long start = System.nanoTime();
        ExperimentData.Split split = ClassifierModels.split(spec, baseDir);
        ExampleSet pool = (ExampleSet) split.train();
        if (pool.size() < o.trainingSize()) {
            throw new LabException(spec.name() + " has " + pool.size() + " training images, fewer than "
                    + o.trainingSize() + ": lower the training size");
        }
        if (split.heldOut().size() < o.testSize()) {
            throw new LabException(spec.name() + " holds out " + split.heldOut().size() + " images, fewer than "
                    + o.testSize() + ": lower the test size");
        }
        ExampleSet test = split.heldOut().range(0, o.testSize());
        int[] batches = {o.smallBatch(), o.largeBatch()};
        String[] names = {"small batch", "large batch"};
        int seeds = o.seeds();
        double[][] lambda = new double[2][seeds];
        int[][] epochs = new int[2][seeds];
        double[][] trainAcc = new double[2][seeds];
        double[][] testAcc = new double[2][seeds];
        double[][] trainLoss = new double[2][seeds];
        double[][] testLoss = new double[2][seeds];
        double[][][][] lines = new double[2][seeds][o.directions()][];
        double[][] along = new double[seeds][];
        double[][] heldAlong = new double[seeds][];
        double[] alpha = null;
        double[] lineAlpha = null;
        int steps = 3 * seeds;
        for (int s = 0; s < seeds; s++) {
            long seed = spec.seed() + s;
            ExampleSet train = pool.permuted(seed * 7919 + 1).range(0, o.trainingSize());
            double[][] minima = new double[2][];
            MultiLayerNetwork[] copies = new MultiLayerNetwork[2];
            for (int arm = 0; arm < 2; arm++) {
                Monitor m = part(monitor, (3.0 * s + arm) / steps, 1.0 / steps, String.format(Locale.ROOT,
                        "seed %d of %d, %s %d: ", s + 1, seeds, names[arm], batches[arm]));
                MultiLayerNetwork net = NetworkCompiler.compile(spec.network(), spec.training().optimizer(), seed,
                        DataType.FLOAT);
                epochs[arm][s] = train(spec, net, train, batches[arm], o, seed, m);
                NetworkClassifier c = new NetworkClassifier(spec.network(), net, ClassifierModels.SCALE);
                trainAcc[arm][s] = c.accuracy(train);
                testAcc[arm][s] = c.accuracy(test);
                copies[arm] = DoubleNetworks.copy(net);
                try (LogitsCrossEntropyObjective onTrain = objective(copies[arm], train, spec.classCount());
                     LogitsCrossEntropyObjective onTest = objective(DoubleNetworks.copy(net), test,
                             spec.classCount())) {
                    double[] theta = onTrain.initialPoint();
                    minima[arm] = theta;
                    trainLoss[arm][s] = onTrain.loss(theta);
                    testLoss[arm][s] = onTest.loss(theta);
                    m.progress(0.9, "λ₁ by Lanczos");
                    lambda[arm][s] = new Lanczos(new HessianVectorProduct(onTrain, theta), Seeds.seed(seed, 77))
                            .topEigenvalues(1, o.lanczosSteps(), LANCZOS_TOL, Monitor.NONE).eigenvalues()[0];
                    for (int k = 0; k < o.directions(); k++) {
                        m.checkCancelled();
                        // the same random draw for both minima, rescaled to each one's filters
                        double[] d = FilterNormalizedDirection.random(onTrain.layout(), theta,
                                new Random(Seeds.seed(seed, 1000 + k)));
                        LineScan line = LineScan.between(onTrain, theta, Vectors.addScaled(theta, 1, d),
                                -o.radius(), o.radius(), o.points(), Monitor.NONE);
                        lines[arm][s][k] = line.loss();
                        lineAlpha = line.alpha();
                    }
                }
            }
            Monitor m = part(monitor, (3.0 * s + 2) / steps, 1.0 / steps, String.format(Locale.ROOT,
                    "seed %d of %d: ", s + 1, seeds));
            m.progress(0, "the line between the two minima");
            try (LogitsCrossEntropyObjective onTrain = objective(copies[0], train, spec.classCount());
                 LogitsCrossEntropyObjective onTest = objective(copies[1], test, spec.classCount())) {
                LineScan a = LineScan.between(onTrain, minima[0], minima[1], FROM, TO, o.points(), m);
                LineScan b = LineScan.between(onTest, minima[0], minima[1], FROM, TO, o.points(), Monitor.NONE);
                along[s] = a.loss();
                heldAlong[s] = b.loss();
                alpha = a.alpha();
            }
        }
        List<SharpFlatResult.Arm> arms = List.of(
                new SharpFlatResult.Arm(names[0], batches[0], epochs[0], lambda[0], trainAcc[0],
                        testAcc[0], trainLoss[0], testLoss[0], lines[0]),
                new SharpFlatResult.Arm(names[1], batches[1], epochs[1], lambda[1], trainAcc[1],
                        testAcc[1], trainLoss[1], testLoss[1], lines[1]));
        monitor.progress(1, "done");
        return new SharpFlatResult(o, spec.network().toString(), arms, alpha, along, heldAlong, lineAlpha,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * Trains {@code net} (FLOAT, the spec's network) on {@code train} by the spec's optimiser with minibatches of
     * {@code batch}, epoch by epoch, until the mean training loss is at most the options' target or the epochs run
     * out.
     *
     * @return the epochs trained
     */
    static int train(ClassifierSpec spec, MultiLayerNetwork net, ExampleSet train, int batch, SharpFlatOptions o,
                     long seed, Monitor m) {
        ClassifierSettings settings = new ClassifierSettings(batch, spec.training().optimizer(), 0);
        int perEpoch = o.iterationsPerEpoch(batch);
        try (ClassifierTrainer t = new ClassifierTrainer(net, train, spec.classCount(), settings, seed)) {
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                for (int k = 0; k < perEpoch; k++) {
                    m.checkCancelled();
                    t.iterate();
                }
                double loss = NetworkLoss.meanCrossEntropy(net, train, spec.classCount());
                m.progress(0.85 * epoch / o.epochs(), String.format(Locale.ROOT,
                        "epoch %d, iteration %d, training loss %.4f%s", epoch, t.iteration(), loss,
                        o.targetLoss() > 0 ? String.format(Locale.ROOT, " (target %s)", o.targetLoss()) : ""));
                if (loss <= o.targetLoss()) {
                    return epoch;
                }
            }
        }
        return o.epochs();
    }

    /** The mean cross-entropy of a DOUBLE network on a labelled set. */
    static LogitsCrossEntropyObjective objective(MultiLayerNetwork net, ExampleSet set, int classes) {
        int n = set.size();
        int d = set.dimension();
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            float[] e = set.example(i);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = e[k];
            }
            y[i] = set.label(i);
        }
        INDArray features = Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE);
        return new LogitsCrossEntropyObjective(net, features, y, classes);
    }

    /** A monitor for one part [from, from + share) of the whole, its messages prefixed. */
    private static Monitor part(Monitor whole, double from, double share, String prefix) {
        return new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                whole.progress(from + share * Math.max(0, Math.min(1, fraction)), prefix + message);
            }

            @Override
            public boolean isCancelled() {
                return whole.isCancelled();
            }
        };
    }
}
