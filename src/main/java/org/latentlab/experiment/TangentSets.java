package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.tangent.EncoderJacobian;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.analysis.tangent.ImageTangents;
import org.latentlab.analysis.tangent.Jacobian;
import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.classifier.TangentPropSettings;
import org.latentlab.train.classifier.TrainingTangents;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Locale;

/**
 * The tangent vectors Tangent Prop trains along, at every image of a training set, from either source:
 * <ul>
 *   <li>classic: {@link ImageTangents} (the smoothed image's derivatives under translations, rotation, scaling);</li>
 *   <li>autoencoder: a contractive autoencoder (Rifai et al. 2011, "Contractive auto-encoders"; encoder one dense
 *       layer of {@link #CODE} sigmoid units, decoder one dense layer, Bernoulli cross-entropy, λ = {@link
 *       #CONTRACTION}) trained on a pool of unlabelled images; at each training image the top k right singular
 *       vectors of its encoder Jacobian ({@link TangentSpace}), the directions the code follows, as in the
 *       Manifold Tangent Classifier (Rifai et al. 2011, "The Manifold Tangent Classifier").</li>
 * </ul>
 * Every tangent has unit length.
 */
public final class TangentSets {

    /** Code units of the autoencoder whose tangents are used. */
    public static final int CODE = 64;
    /** The contractive penalty's weight. */
    public static final double CONTRACTION = 0.1;
    /** Iterations (batches of 64) the autoencoder trains for. */
    public static final int AUTOENCODER_ITERATIONS = 1500;
    /** Jacobians taken at once. */
    private static final int CHUNK = 64;

    private TangentSets() {
    }

    /** The tangents a classifier experiment trains along, or null when it does not use Tangent Prop. */
    public static TrainingTangents forTraining(ClassifierSpec spec, ExampleSet train, Monitor monitor) {
        TangentPropSettings tp = spec.training().tangentProp();
        if (tp == null || !tp.active()) {
            return null;
        }
        return of(tp, train, train, spec.seed(), monitor);
    }

    /**
     * The tangents of {@code tp}'s source at every image of {@code train}; an autoencoder is trained on
     * {@code pool} first (labels unused).
     */
    public static TrainingTangents of(TangentPropSettings tp, ExampleSet train, ExampleSet pool, long seed,
                                      Monitor monitor) {
        if (tp.source() == TangentPropSettings.Source.CLASSIC) {
            return classic(train, tp.k(), tp.smoothing());
        }
        MultiLayerNetwork encoder = trainAutoencoder(pool, seed, monitor);
        return autoencoder(encoder, train, tp.k(), monitor);
    }

    /** The classic tangents (the first k of translation x, translation y, rotation, scaling) of every image. */
    public static TrainingTangents classic(ExampleSet set, int k, double smoothing) {
        int[] shape = set.shape();
        if (shape.length != 3 || shape[0] != 1) {
            throw new LabException(set.name() + ": the classic tangents are taken on one-channel images, not on "
                    + java.util.Arrays.toString(shape));
        }
        int d = set.dimension();
        float[] out = new float[set.size() * k * d];
        for (int i = 0; i < set.size(); i++) {
            float[][] t = ImageTangents.of(set.example(i), shape[1], shape[2], smoothing, k);
            for (int j = 0; j < k; j++) {
                System.arraycopy(t[j], 0, out, (i * k + j) * d, d);
            }
        }
        return new TrainingTangents(k, d, out);
    }

    /** A contractive autoencoder trained on {@code pool}; its encoder (pixels in [0, 1]). */
    public static MultiLayerNetwork trainAutoencoder(ExampleSet pool, long seed, Monitor monitor) {
        int d = pool.dimension();
        NetworkSpec enc = new NetworkSpec("tangent-encoder", Shape.vector(d),
                List.of(new LayerSpec.Dense("code", CODE, Activation.SIGMOID)));
        NetworkSpec dec = new NetworkSpec("tangent-decoder", Shape.vector(CODE),
                List.of(new LayerSpec.Dense("pixels", d, Activation.IDENTITY)));
        AutoencoderSettings settings = AutoencoderSettings.plain(AutoencoderSettings.Reconstruction.CROSS_ENTROPY,
                1e-3, 64).withPenalty(AutoencoderSettings.Penalty.CONTRACTIVE, CONTRACTION, 0);
        MultiLayerNetwork encoder = NetworkCompiler.compile(enc, settings.optimizer(), seed, DataType.FLOAT);
        MultiLayerNetwork decoder = NetworkCompiler.compile(dec, settings.optimizer(), seed + 1, DataType.FLOAT);
        AutoencoderTrainer trainer = new AutoencoderTrainer(encoder, decoder, pool, settings,
                AutoencoderTrainer.Kind.AUTOENCODER, seed);
        for (int it = 0; it < AUTOENCODER_ITERATIONS; it++) {
            monitor.checkCancelled();
            trainer.iterate();
            if (it % 100 == 0) {
                monitor.progress((double) it / AUTOENCODER_ITERATIONS, String.format(Locale.ROOT,
                        "training the contractive autoencoder for its tangents: iteration %d of %d", it,
                        AUTOENCODER_ITERATIONS));
            }
        }
        return encoder;
    }

    /** The top k right singular vectors of the encoder's Jacobian at every image of {@code set}. */
    public static TrainingTangents autoencoder(MultiLayerNetwork encoder, ExampleSet set, int k, Monitor monitor) {
        if (k > CODE) {
            throw new LabException("the autoencoder has " + CODE + " code units: at most " + CODE + " tangents");
        }
        int d = set.dimension();
        float[] out = new float[set.size() * k * d];
        for (int from = 0; from < set.size(); from += CHUNK) {
            monitor.checkCancelled();
            int m = Math.min(CHUNK, set.size() - from);
            double[][] x = new double[m][];
            for (int i = 0; i < m; i++) {
                float[] e = set.example(from + i);
                x[i] = new double[d];
                for (int p = 0; p < d; p++) {
                    x[i][p] = e[p];
                }
            }
            List<Jacobian> js = EncoderJacobian.of(encoder, x, EncoderOutput.CODE);
            for (int i = 0; i < m; i++) {
                double[][] t = TangentSpace.of(js.get(i)).tangents();
                for (int j = 0; j < k; j++) {
                    int base = ((from + i) * k + j) * d;
                    for (int p = 0; p < d; p++) {
                        out[base + p] = (float) t[j][p];
                    }
                }
            }
            monitor.progress((double) (from + m) / set.size(), "tangent planes of the autoencoder at "
                    + (from + m) + " of " + set.size() + " training images");
        }
        return new TrainingTangents(k, d, out);
    }
}
