package org.latentlab.experiment.tangentprop;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.TangentSets;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.classifier.Classifier;
import org.latentlab.train.classifier.ClassifierSettings;
import org.latentlab.train.classifier.ClassifierTrainer;
import org.latentlab.train.classifier.TangentPropPenalty;
import org.latentlab.train.classifier.TangentPropSettings;
import org.latentlab.train.classifier.TrainingTangents;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same classifier trained on a small labelled set three ways, for each seed: plain; with Tangent Prop along the
 * classic tangents (translations, rotation, scaling of the smoothed image); with Tangent Prop along the tangents of
 * a contractive autoencoder trained once on all the training split's images without their labels
 * ({@link TangentSets}). Each seed draws its own training subset and initialisation, shared by the three arms. Measured:
 * held-out accuracy (and its curve), and accuracy on the held-out images shifted by up to {@link #SHIFT} pixels and
 * rotated by up to {@link #DEGREES}°.
 */
public final class TangentPropComparison {

    public static final int SHIFT = 2;
    public static final double DEGREES = 20;
    /** Training images whose tangents are kept to look at. */
    public static final int EXAMPLES = 4;

    private TangentPropComparison() {
    }

    /**
     * @param spec a classifier experiment of dense layers (its network, optimiser, batch size and seed; its
     *             Tangent Prop settings give the classic tangents' smoothing)
     */
    public static TangentPropResult run(ClassifierSpec spec, TangentPropOptions o, Path baseDir, Monitor monitor) {
        long start = System.nanoTime();
        MultiLayerNetwork probe = NetworkCompiler.compile(spec.network(), spec.training().optimizer(), 0,
                DataType.FLOAT);
        TangentPropPenalty.unsupported(probe).ifPresent(why -> {
            throw new LabException(spec.name() + ": " + why);
        });
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
        ExampleSet shifted = TransformedImages.translated(test, SHIFT, spec.seed() + 101);
        ExampleSet rotated = TransformedImages.rotated(test, DEGREES, spec.seed() + 102);
        TangentPropSettings base = spec.training().tangentProp() != null ? spec.training().tangentProp()
                : new TangentPropSettings(o.lambda(), TangentPropSettings.Source.CLASSIC, o.classicK(), 1);
        TangentPropSettings classic = new TangentPropSettings(o.lambda(), TangentPropSettings.Source.CLASSIC,
                o.classicK(), base.smoothing());
        TangentPropSettings auto = new TangentPropSettings(o.lambda(), TangentPropSettings.Source.AUTOENCODER,
                o.autoencoderK(), base.smoothing());
        int runs = 3 * o.seeds();
        double aeShare = 0.15;
        MultiLayerNetwork encoder = TangentSets.trainAutoencoder(pool, spec.seed(),
                part(monitor, 0, aeShare, "autoencoder: "));
        String[] names = {"plain", "classic tangents", "autoencoder tangents"};
        String[] abouts = {"softmax cross-entropy alone", classic.toString(), auto.toString() + " (contractive AE, "
                + TangentSets.CODE + " units, trained on " + pool.size() + " unlabelled images)"};
        int points = (int) (o.iterations() / o.evalEvery());
        long[] at = new long[points];
        for (int p = 0; p < points; p++) {
            at[p] = (p + 1L) * o.evalEvery();
        }
        double[][][] curves = new double[3][o.seeds()][points];
        double[][] heldOut = new double[3][o.seeds()];
        double[][] shiftedAcc = new double[3][o.seeds()];
        double[][] rotatedAcc = new double[3][o.seeds()];
        TangentPropResult.Examples examples = null;
        int done = 0;
        for (int s = 0; s < o.seeds(); s++) {
            long seed = spec.seed() + s;
            ExampleSet small = pool.permuted(seed * 7919 + 1).range(0, o.trainingSize());
            TrainingTangents ct = TangentSets.classic(small, o.classicK(), classic.smoothing());
            TrainingTangents at2 = TangentSets.autoencoder(encoder, small, o.autoencoderK(), Monitor.NONE);
            if (examples == null) {
                examples = examples(small, encoder, classic.smoothing(), o.autoencoderK());
            }
            for (int arm = 0; arm < 3; arm++) {
                // no shifts in any arm: the comparison is of what the penalty alone teaches
                ClassifierSettings settings = new ClassifierSettings(spec.training().batchSize(),
                        spec.training().optimizer(), 0, arm == 0 ? null : arm == 1 ? classic : auto);
                Monitor m = part(monitor, aeShare + (1 - aeShare) * done / runs, (1 - aeShare) / runs,
                        String.format(Locale.ROOT, "seed %d of %d, %s: ", s + 1, o.seeds(), names[arm]));
                MultiLayerNetwork net = NetworkCompiler.compile(spec.network(), settings.optimizer(), seed,
                        DataType.FLOAT);
                try (ClassifierTrainer t = new ClassifierTrainer(net, small, spec.classCount(), settings, seed,
                        arm == 1 ? ct : arm == 2 ? at2 : null)) {
                    int p = 0;
                    while (t.iteration() < o.iterations()) {
                        m.checkCancelled();
                        t.iterate();
                        if (t.iteration() % o.evalEvery() == 0 && p < points) {
                            curves[arm][s][p++] = accuracy(net, test, spec.classCount());
                            m.progress((double) t.iteration() / o.iterations(), String.format(Locale.ROOT,
                                    "iteration %d of %d, held-out accuracy %.3f", t.iteration(), o.iterations(),
                                    curves[arm][s][p - 1]));
                        }
                    }
                }
                heldOut[arm][s] = accuracy(net, test, spec.classCount());
                shiftedAcc[arm][s] = accuracy(net, shifted, spec.classCount());
                rotatedAcc[arm][s] = accuracy(net, rotated, spec.classCount());
                done++;
            }
        }
        List<TangentPropResult.Arm> arms = new ArrayList<>();
        for (int arm = 0; arm < 3; arm++) {
            arms.add(new TangentPropResult.Arm(names[arm], abouts[arm], heldOut[arm], shiftedAcc[arm],
                    rotatedAcc[arm], at, curves[arm]));
        }
        monitor.progress(1, "done");
        return new TangentPropResult(o, spec.network().toString(), shifted.name(), rotated.name(), arms, examples,
                (System.nanoTime() - start) / 1e9);
    }

    private static TangentPropResult.Examples examples(ExampleSet small, MultiLayerNetwork encoder, double sigma,
                                                       int k) {
        int n = Math.min(EXAMPLES, small.size());
        ExampleSet first = small.range(0, n);
        TrainingTangents c = TangentSets.classic(first, 4, sigma);
        TrainingTangents a = TangentSets.autoencoder(encoder, first, Math.min(k, 4), Monitor.NONE);
        float[][] images = new float[n][];
        float[][][] ct = new float[n][4][];
        float[][][] at = new float[n][a.k()][];
        for (int i = 0; i < n; i++) {
            images[i] = first.example(i);
            for (int j = 0; j < 4; j++) {
                ct[i][j] = c.tangent(i, j);
            }
            for (int j = 0; j < a.k(); j++) {
                at[i][j] = a.tangent(i, j);
            }
        }
        return new TangentPropResult.Examples(small.shape()[1], small.shape()[2], images, ct, at);
    }

    /** The fraction of a labelled set the network's logits classify right (inference mode). */
    static double accuracy(MultiLayerNetwork net, ExampleSet set, int classes) {
        int n = set.size();
        int d = set.dimension();
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(set.example(i), 0, flat, i * d, d);
        }
        INDArray out = net.output(Nd4j.create(flat, new long[] {n, d}, 'c'), false);
        float[] logits = out.dup().reshape(out.length()).toFloatVector();
        int right = 0;
        for (int i = 0; i < n; i++) {
            if (Classifier.argmax(logits, i * classes, classes) == set.label(i)) {
                right++;
            }
        }
        return (double) right / n;
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
