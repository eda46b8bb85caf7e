package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.tangent.EncoderJacobian;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.analysis.tangent.Jacobian;
import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.OutputTransform;
import org.latentlab.train.ae.AutoencoderSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link GeometryJobs}'s tangent computations on an autoencoder's or a VAE's encoder (Rifai et al. 2011): the
 * singular values and right singular vectors of J = ∂c/∂x at a held-out example, and what the model makes of the
 * example moved along one of them. Holds its own double-precision copies of the encoder and decoder.
 */
final class TangentJobs {

    private final SavedModel model;
    private int[] dataShape;
    private MultiLayerNetwork tangentEncoder;
    private LatentModel latent;

    TangentJobs(SavedModel model) {
        this.model = model;
    }


    /**
     * The tangent space of an autoencoder's (or VAE's: of μ) encoder at example {@code index} of the held-out
     * examples (for a distribution: the {@code index}-th of the examples drawn with the run's seed): all singular
     * values of J = ∂c/∂x, the right singular vectors of the {@code k} largest, and x's reconstruction. Computed
     * in double precision, in milliseconds, so not cached.
     */
    TangentResult tangents(int index, int k, Monitor monitor) {
        requireEncoder("tangent vectors");
        if (k < 1) {
            throw new IllegalArgumentException("ask for at least one tangent vector, not " + k);
        }
        monitor.progress(0, "tangents: reading the example");
        double[] x = example(index);
        MultiLayerNetwork encoder = tangentEncoder();
        monitor.checkCancelled();
        monitor.progress(0.3, "tangents: the encoder's Jacobian");
        Jacobian j = EncoderJacobian.at(encoder, x, encoderOutput());
        monitor.progress(0.7, "tangents: its singular value decomposition");
        TangentSpace ts = TangentSpace.of(j);
        int m = Math.min(k, ts.rank());
        double[][] tangents = new double[m][];
        for (int i = 0; i < m; i++) {
            tangents[i] = ts.tangents()[i].clone();
        }
        double[] reconstruction = decodeEncode(x);
        monitor.progress(1, "tangents done");
        return new TangentResult(model.runDir().getFileName().toString(), model.iteration(), index,
                dataShape(), x, reconstruction, ts.singularValues().clone(), tangents, j.frobeniusNorm());
    }

    /**
     * decode(encode(x + t·vᵢ)): what the model makes of x moved by t along tangent i of {@code tangents} (data
     * values; σ applied for a Bernoulli decoder; μ used for a VAE).
     */
    double[] alongTangent(TangentResult tangents, int i, double t) {
        requireEncoder("tangent vectors");
        if (i < 0 || i >= tangents.tangents().length) {
            throw new IllegalArgumentException("tangent " + i + " does not exist; there are "
                    + tangents.tangents().length);
        }
        return decodeEncode(TangentSpace.move(tangents.input(), tangents.tangents()[i], t));
    }

    private double[] decodeEncode(double[] x) {
        LatentModel lm = latent();
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] r = lm.decode(lm.encode(new float[][] {xf})[0]);
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i];
        }
        return out;
    }

    private double[] example(int index) {
        if (index < 0) {
            throw new LabException("the example index must be 0 or more, not " + index);
        }
        ExampleSet held = model.heldOut();
        if (held != null) {
            if (index >= held.size()) {
                throw new LabException("example " + index + " does not exist: " + model.runDir().getFileName()
                        + " holds out " + held.size() + " examples (indices 0 to " + (held.size() - 1) + ")");
            }
            float[] e = held.example(index);
            double[] x = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                x[i] = e[i];
            }
            return x;
        }
        if (index >= 100_000) {
            throw new LabException("example " + index + " is too far: draw indices below 100000");
        }
        INDArray b = GeometryModels.batch(model.trainingData(), index + 1, model.modelSpec().seed());
        return b.getRow(index).dup().toDoubleVector();
    }

    private EncoderOutput encoderOutput() {
        return model.kind() == Family.VAE ? EncoderOutput.VAE_MEAN : EncoderOutput.CODE;
    }

    private MultiLayerNetwork tangentEncoder() {
        if (tangentEncoder == null) {
            tangentEncoder = DoubleNetworks.copy(model.encoder());
        }
        return tangentEncoder;
    }

    private LatentModel latent() {
        if (latent == null) {
            MultiLayerNetwork dec = DoubleNetworks.copy(model.decoder());
            AutoencoderSettings s = model.modelSpec().training();
            OutputTransform t = s.reconstruction() == AutoencoderSettings.Reconstruction.CROSS_ENTROPY
                    ? OutputTransform.SIGMOID : OutputTransform.IDENTITY;
            ImageShape shape = ImageShape.of(dataShape());
            ImageScale scale = shape.isImage() ? ImageScale.ZERO_TO_ONE : null;
            latent = model.kind() == Family.VAE ? LatentModel.vae(tangentEncoder(), dec, t, shape, scale)
                    : LatentModel.autoencoder(tangentEncoder(), dec, t, shape, scale);
        }
        return latent;
    }

    private int[] dataShape() {
        if (dataShape == null) {
            dataShape = model.data().shape().clone();
        }
        return dataShape.clone();
    }

    private void requireEncoder(String what) {
        if (model.kind() == Family.GAN) {
            throw new LabException(model.runDir().getFileName() + " is a GAN run: " + what + " are read off an"
                    + " encoder's Jacobian and a GAN has none; open an autoencoder or VAE run");
        }
        if (model.kind() == Family.RBM) {
            throw new LabException(model.runDir().getFileName() + " is an RBM run: " + what + " are read off an"
                    + " encoder network's Jacobian; open an autoencoder or VAE run");
        }
    }
}
