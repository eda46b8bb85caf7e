package org.latentlab.experiment.sensitivity;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.randomlabels.CorruptedSet;
import org.latentlab.experiment.randomlabels.LabelShuffle;
import org.latentlab.experiment.randomlabels.LabelledImages;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.classifier.ClassifierTrainer;
import org.latentlab.train.classifier.SoftmaxJacobian;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Novak et al. 2018, Section 4 on a small scale: the same classifier trained on training sets of several sizes with
 * several fractions of their labels shuffled ({@link LabelShuffle}), each for the same number of iterations; per run
 * its training accuracy (the labels it trained on), held-out accuracy (true labels), the gap between them and the
 * mean Frobenius norm of the softmax output's input Jacobian at held-out points ({@link SoftmaxJacobian}).
 */
public final class SensitivityExperiment {

    private static final long NOISE = 0x4E_4F_56_41L;

    private SensitivityExperiment() {
    }

    /**
     * @param spec a classifier experiment (network, optimiser, batch size, seed, data)
     * @param live told the result so far after every run, on the calling thread (may be null)
     */
    public static SensitivityResult run(ClassifierSpec spec, SensitivityOptions o, Path baseDir, Monitor monitor,
                                        Consumer<SensitivityResult> live) {
        long start = System.nanoTime();
        ExperimentData.Split split = ClassifierModels.split(spec, baseDir);
        ExampleSet pool = (ExampleSet) split.train();
        int largest = 0;
        for (int s : o.sizes()) {
            largest = Math.max(largest, s);
        }
        if (pool.size() < largest) {
            throw new LabException(spec.name() + " has " + pool.size() + " training images, fewer than " + largest
                    + ": lower the training sizes");
        }
        if (split.heldOut().size() < o.testSize()) {
            throw new LabException(spec.name() + " holds out " + split.heldOut().size() + " images, fewer than "
                    + o.testSize() + ": lower the test size");
        }
        LabelledImages test = LabelledImages.of(split.heldOut().range(0, o.testSize()));
        ExampleSet shuffledPool = pool.permuted(spec.seed() * 7919 + 1);
        List<SensitivityResult.Point> points = new ArrayList<>();
        String network = spec.network().toString();
        int done = 0;
        for (int size : o.sizes()) {
            if (size < spec.training().batchSize()) {
                throw new LabException(size + " training images are fewer than one batch of "
                        + spec.training().batchSize() + ": raise the training sizes");
            }
            ExampleSet small = shuffledPool.range(0, size);
            int[] truth = new int[size];
            for (int i = 0; i < size; i++) {
                truth[i] = small.label(i);
            }
            for (double fraction : o.fractions()) {
                monitor.checkCancelled();
                String name = String.format(Locale.ROOT, "%,d images, %.0f %% shuffled", size, 100 * fraction);
                LabelShuffle.Shuffled s = LabelShuffle.shuffle(truth, fraction,
                        spec.seed() ^ NOISE ^ (31L * size + Math.round(1000 * fraction)));
                ExampleSet train = CorruptedSet.relabelled(small, s.labels(), name);
                MultiLayerNetwork net = NetworkCompiler.compile(spec.network(), spec.training().optimizer(),
                        spec.seed(), DataType.FLOAT);
                final int index = done;
                try (ClassifierTrainer t = new ClassifierTrainer(net, train, spec.classCount(), spec.training(),
                        spec.seed())) {
                    long every = Math.max(1, o.iterations() / 50);
                    while (t.iteration() < o.iterations()) {
                        monitor.checkCancelled();
                        t.iterate();
                        if (t.iteration() % every == 0) {
                            monitor.progress((index + (double) t.iteration() / o.iterations()) / o.runs(),
                                    String.format(Locale.ROOT, "run %d of %d (%s): iteration %d", index + 1,
                                            o.runs(), name, t.iteration()));
                        }
                    }
                }
                double trainAcc = LabelledImages.of(train).accuracy(net);
                double testAcc = test.accuracy(net);
                double[] norms = SoftmaxJacobian.frobeniusNorms(net, test.images().get(
                        NDArrayIndex.interval(0, o.jacobianPoints()), NDArrayIndex.all()));
                points.add(new SensitivityResult.Point(size, fraction, trainAcc, testAcc, mean(norms), sd(norms)));
                done++;
                if (live != null) {
                    live.accept(new SensitivityResult(o, network, List.copyOf(points),
                            (System.nanoTime() - start) / 1e9, false));
                }
            }
        }
        SensitivityResult r = new SensitivityResult(o, network, List.copyOf(points), (System.nanoTime() - start) / 1e9,
                true);
        if (live != null) {
            live.accept(r);
        }
        monitor.progress(1, "done");
        return r;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
