package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.rbm.RbmSettings;

/**
 * An experiment file for the families that learn to reconstruct rather than to fool: autoencoders (every variant:
 * the settings say which), VAEs and RBMs / DBNs. Told apart from a GAN experiment by its {@code "family"} field.
 * An autoencoder or VAE has an encoder and a decoder and {@code training}; an RBM has {@code rbm} settings and no
 * networks (its sizes come from the data and {@code rbm.hidden}). {@code heldOut} examples at the end of an image
 * data set (or fresh draws of a toy one) are never trained on and give the held-out measurements.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"family", "name"})
public record ReconstructionExperiment(String name, String description, Family family, long seed,
                                       DatasetSpec dataset, NetworkSpec encoder, NetworkSpec decoder,
                                       AutoencoderSettings training, RbmSettings rbm, long iterations,
                                       int sampleInterval, int checkpointInterval, int heldOut)
        implements Experiment<ReconstructionStatus> {


    public ReconstructionExperiment {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        description = description == null ? "" : description;
        if (family == null || dataset == null) {
            throw new IllegalArgumentException("an experiment needs family and dataset");
        }
        if (!family.reconstructs()) {
            throw new IllegalArgumentException("family " + family.id() + " is not one of the autoencoder, VAE and"
                    + " RBM families");
        }
        if (family == Family.RBM) {
            if (rbm == null) {
                throw new IllegalArgumentException("an rbm experiment needs \"rbm\" settings (hidden sizes, k...)");
            }
            if (encoder != null || decoder != null || training != null) {
                throw new IllegalArgumentException("an rbm experiment has no encoder, decoder or training block:"
                        + " its sizes come from the data and rbm.hidden");
            }
        } else {
            if (encoder == null || decoder == null || training == null) {
                throw new IllegalArgumentException("an " + family.id() + " experiment needs encoder, decoder and"
                        + " training");
            }
            if (rbm != null) {
                throw new IllegalArgumentException("the rbm block belongs to rbm experiments; for an autoencoder"
                        + " pretrained by RBMs set training.pretraining to \"rbm\"");
            }
            for (NetworkSpec net : java.util.List.of(encoder, decoder)) {
                for (org.latentlab.model.LayerSpec l : net.layers()) {
                    if (l instanceof org.latentlab.model.LayerSpec.VirtualBatchNorm) {
                        throw new IllegalArgumentException("virtual batch norm layer '" + l.name() + "' is for a GAN's"
                                + " generator (it needs a reference batch of codes): remove it from the "
                                + (net == encoder ? "encoder" : "decoder") + ", or use batch norm");
                    }
                }
            }
            if (encoder.input().size() != decoder.output().size()) {
                throw new IllegalArgumentException("the encoder takes " + encoder.input() + " but the decoder outputs "
                        + decoder.output() + ": an autoencoder reconstructs its input, so they must match");
            }
            int code = encoder.output().size();
            int expected = family == Family.VAE ? 2 * decoder.input().size() : decoder.input().size();
            if (code != expected) {
                throw new IllegalArgumentException(family == Family.VAE
                        ? "a VAE's encoder outputs the mean and log-variance of the code (2 x " + decoder.input()
                        + " = " + expected + " values) but it outputs " + code + ": end the encoder with a dense layer"
                        + " of " + expected + " units and no activation"
                        : "the encoder outputs a code of " + code + " values but the decoder takes " + decoder.input()
                        + ": they must match");
            }
            if (training.penalty() != AutoencoderSettings.Penalty.NONE && family == Family.VAE) {
                throw new IllegalArgumentException("a VAE's regulariser is its KL term (set training.beta); the"
                        + " penalty " + training.penalty().id() + " is for autoencoders");
            }
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, not " + iterations);
        }
        if (sampleInterval < 1 || checkpointInterval < 1) {
            throw new IllegalArgumentException("sampleInterval and checkpointInterval must be >= 1");
        }
        heldOut = heldOut == 0 ? 1000 : heldOut;
        if (heldOut < 10) {
            throw new IllegalArgumentException("heldOut must be >= 10 examples, not " + heldOut);
        }
    }

    /** The size of the code (latent space): the decoder's input, or the RBM's last hidden layer. */
    @Override
    @JsonIgnore
    public int codeDim() {
        return family == Family.RBM ? rbm.hidden().get(rbm.hidden().size() - 1) : decoder.input().size();
    }

    @Override
    public ReconstructionExperiment withIterations(long n) {
        return new ReconstructionExperiment(name, description, family, seed, dataset, encoder, decoder, training, rbm, n,
                sampleInterval, checkpointInterval, heldOut);
    }

    /** The same experiment measuring every {@code sample} and saving every {@code checkpoint} iterations. */
    public ReconstructionExperiment withIntervals(int sample, int checkpoint) {
        return new ReconstructionExperiment(name, description, family, seed, dataset, encoder, decoder, training, rbm,
                iterations, sample, checkpoint, heldOut);
    }

    public ReconstructionExperiment withTraining(AutoencoderSettings t) {
        return new ReconstructionExperiment(name, description, family, seed, dataset, encoder, decoder, t, rbm, iterations,
                sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public ReconstructionExperiment withName(String n) {
        return new ReconstructionExperiment(n, description, family, seed, dataset, encoder, decoder, training, rbm,
                iterations, sampleInterval, checkpointInterval, heldOut);
    }

    @Override
    public ReconstructionExperiment withSeed(long s) {
        return new ReconstructionExperiment(name, description, family, s, dataset, encoder, decoder, training, rbm,
                iterations, sampleInterval, checkpointInterval, heldOut);
    }
}
