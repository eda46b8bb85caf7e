package org.latentlab.experiment.randomlabels;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.classifier.ClassifierTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Zhang et al. 2017, Figure 1 on a small scale: the same classifier (one initialisation, one training subset, the
 * same minibatch order) trained on the true labels, on a fraction p of them shuffled, on all of them shuffled and,
 * optionally, on Gaussian images with the true labels. Before training and every {@code evalEvery} iterations it
 * measures the accuracy on the training set with the labels it trains on and on held-out images with their true
 * labels, and publishes the whole result so far to a listener (a window draws the curves as they grow).
 */
public final class RandomLabelsExperiment {

    /** Seed offset of the label shuffles and the Gaussian images, apart from the initialisation's. */
    private static final long CORRUPTION = 0x52_4C_41_42L;

    private RandomLabelsExperiment() {
    }

    /** One run to make: its name, what it is, its training set. */
    private record Plan(String name, String about, ExampleSet train, int changed) {
    }

    /**
     * @param spec a classifier experiment (its network, optimiser, batch size, seed and data)
     * @param live told the result so far after every point, on the calling thread (may be null)
     */
    public static RandomLabelsResult run(ClassifierSpec spec, RandomLabelsOptions o, Path baseDir, Monitor monitor,
                                         Consumer<RandomLabelsResult> live) {
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
        if (o.trainingSize() < spec.training().batchSize()) {
            throw new LabException(o.trainingSize() + " training images are fewer than one batch of "
                    + spec.training().batchSize() + ": raise the training size");
        }
        ExampleSet small = pool.permuted(spec.seed() * 7919 + 1).range(0, o.trainingSize());
        LabelledImages test = LabelledImages.of(split.heldOut().range(0, o.testSize()));
        List<Plan> plans = plans(small, o, spec.seed() ^ CORRUPTION);
        int points = (int) (o.iterations() / o.evalEvery()) + 1;
        List<RandomLabelsResult.Run> done = new ArrayList<>();
        String network = spec.network().toString();
        for (int r = 0; r < plans.size(); r++) {
            Plan plan = plans.get(r);
            LabelledImages train = LabelledImages.of(plan.train());
            MultiLayerNetwork net = NetworkCompiler.compile(spec.network(), spec.training().optimizer(), spec.seed(),
                    DataType.FLOAT);
            long[] at = new long[points];
            double[] trainAcc = new double[points];
            double[] testAcc = new double[points];
            long fittedAt = -1;
            double fittedAfter = Double.NaN;
            long runStart = System.nanoTime();
            double evalSeconds = 0;
            int p = 0;
            try (ClassifierTrainer t = new ClassifierTrainer(net, plan.train(), spec.classCount(), spec.training(),
                    spec.seed())) {
                while (true) {
                    if (t.iteration() % o.evalEvery() == 0 && p < points) {
                        long e0 = System.nanoTime();
                        at[p] = t.iteration();
                        trainAcc[p] = train.accuracy(net);
                        testAcc[p] = test.accuracy(net);
                        evalSeconds += (System.nanoTime() - e0) / 1e9;
                        if (fittedAt < 0 && trainAcc[p] >= 1.0) {
                            fittedAt = t.iteration();
                            fittedAfter = (System.nanoTime() - runStart) / 1e9 - evalSeconds;
                        }
                        p++;
                        List<RandomLabelsResult.Run> now = new ArrayList<>(done);
                        now.add(new RandomLabelsResult.Run(plan.name(), plan.about(), plan.changed(),
                                Arrays.copyOf(at, p), Arrays.copyOf(trainAcc, p), Arrays.copyOf(testAcc, p), fittedAt,
                                fittedAfter));
                        if (live != null) {
                            live.accept(new RandomLabelsResult(o, network, List.copyOf(now),
                                    (System.nanoTime() - start) / 1e9, false));
                        }
                        monitor.progress((r + (double) t.iteration() / o.iterations()) / plans.size(),
                                String.format(Locale.ROOT, "%s (%d of %d): iteration %d, training accuracy %.3f,"
                                                + " held-out %.3f", plan.name(), r + 1, plans.size(), t.iteration(),
                                        trainAcc[p - 1], testAcc[p - 1]));
                    }
                    if (t.iteration() >= o.iterations()) {
                        break;
                    }
                    monitor.checkCancelled();
                    t.iterate();
                }
            }
            done.add(new RandomLabelsResult.Run(plan.name(), plan.about(), plan.changed(), Arrays.copyOf(at, p),
                    Arrays.copyOf(trainAcc, p), Arrays.copyOf(testAcc, p), fittedAt, fittedAfter));
        }
        RandomLabelsResult result = new RandomLabelsResult(o, network, List.copyOf(done),
                (System.nanoTime() - start) / 1e9, true);
        if (live != null) {
            live.accept(result);
        }
        monitor.progress(1, "done");
        return result;
    }

    /** The runs: true labels, a fraction shuffled, all shuffled, Gaussian inputs. */
    private static List<Plan> plans(ExampleSet small, RandomLabelsOptions o, long seed) {
        int n = small.size();
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = small.label(i);
        }
        List<Plan> plans = new ArrayList<>();
        plans.add(new Plan("true labels", String.format(Locale.ROOT, "%,d digits, their own labels", n), small, 0));
        if (o.partial()) {
            LabelShuffle.Shuffled s = LabelShuffle.shuffle(truth, o.fraction(), seed);
            String what = String.format(Locale.ROOT, "%.0f %% of labels shuffled", 100 * o.fraction());
            plans.add(new Plan(String.format(Locale.ROOT, "%.0f %% shuffled", 100 * o.fraction()),
                    String.format(Locale.ROOT, "%,d digits, %d labels shuffled among them (%d now wrong)", n,
                            s.moved(), s.changed()), CorruptedSet.relabelled(small, s.labels(), what), s.changed()));
        }
        LabelShuffle.Shuffled all = LabelShuffle.shuffle(truth, 1.0, seed + 1);
        plans.add(new Plan("all shuffled", String.format(Locale.ROOT, "%,d digits, every label shuffled (%d now wrong)",
                n, all.changed()), CorruptedSet.relabelled(small, all.labels(), "all labels shuffled"),
                all.changed()));
        if (o.gaussian()) {
            plans.add(new Plan("Gaussian inputs", String.format(Locale.ROOT, "%,d noise images (the digits' pixel"
                    + " mean and sd), the digits' labels", n), CorruptedSet.gaussian(small, seed + 2), 0));
        }
        return plans;
    }
}
