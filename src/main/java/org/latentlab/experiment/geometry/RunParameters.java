package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.hessian.ParameterLayout;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's parameter vectors in an objective's layout ({@link ParameterLayout}: encoder then decoder, or D alone, or
 * G alone): at each checkpoint, and at initialisation.
 *
 * <p>The initial parameters come from a checkpoint saved at iteration 0 when the run has one; otherwise they are
 * recreated exactly as training created them: the trainer is built the way {@code ExperimentRunner} /
 * {@code ExperimentRunner} build it when a run starts ({@code buildTrainer(spec, data, FLOAT)}: each network
 * compiled from its spec with the run's seed, the decoder / discriminator with seed + 1, tied weights copied), and
 * its parameters read before any step.
 */
final class RunParameters {

    /** One parameter vector of the run. */
    record Point(long iteration, double[] theta, String label) {
    }

    private RunParameters() {
    }

    /** The parameters the run started from. */
    static Point initial(SavedModel model, GeometryModels.Part part, ParameterLayout layout) {
        for (Path cp : SavedModel.checkpoints(model.runDir())) {
            if (SavedModel.iterationOf(cp) == 0) {
                Point p = at(cp, part, layout);
                return new Point(0, p.theta(), "initialisation (checkpoint " + cp.getFileName() + ")");
            }
        }
        MultiLayerNetwork[] nets = switch (model.kind()) {
            case AUTOENCODER, VAE -> {
                Trainer t = ExperimentRunner.buildTrainer(model.modelSpec(), model.trainingData(), DataType.FLOAT);
                AutoencoderTrainer a = (AutoencoderTrainer) t;
                yield new MultiLayerNetwork[] {a.encoder(), a.decoder()};
            }
            case GAN -> {
                GanTrainer g = ExperimentRunner.buildTrainer(model.ganSpec(), model.data(), DataType.FLOAT);
                yield new MultiLayerNetwork[] {part == GeometryModels.Part.DISCRIMINATOR ? g.discriminator()
                        : g.generator()};
            }
            case RBM -> throw new LabException(model.runDir().getFileName() + " is an RBM run: its machines are not"
                    + " DL4J networks; analyse an autoencoder, VAE or GAN run");
            case CYCLEGAN -> throw new LabException(model.runDir().getFileName() + " is a CycleGAN run: open an"
                    + " autoencoder, VAE or GAN run");
            case SBN -> throw new LabException(model.runDir().getFileName() + " is a sigmoid belief net run: it is"
                    + " not a DL4J network; analyse an autoencoder, VAE or GAN run");
            case VAEGAN -> throw new LabException(model.runDir().getFileName() + " is a VAE-GAN run: open"
                    + " it as the VAE it holds (SavedModel opens its encoder and decoder)");
            case AAE -> throw new LabException(model.runDir().getFileName() + " is an adversarial autoencoder run: the"
                    + " latent studio opens its decoder; analyse an autoencoder, VAE or GAN run");
        };
        long seed = model.kind() == Family.GAN ? model.ganSpec().seed() : model.modelSpec().seed();
        return new Point(0, theta(nets, layout, "the recreated initialisation"),
                "initialisation (recreated from the spec with seed " + seed + ")");
    }

    /** The parameters at a checkpoint (a run folder: its latest). */
    static Point at(Path checkpoint, GeometryModels.Part part, ParameterLayout layout) {
        SavedModel m = SavedModel.open(checkpoint);
        return at(m, part, layout);
    }

    static Point at(SavedModel m, GeometryModels.Part part, ParameterLayout layout) {
        MultiLayerNetwork[] nets = switch (m.kind()) {
            case AUTOENCODER, VAE -> new MultiLayerNetwork[] {m.encoder(), m.decoder()};
            case GAN -> new MultiLayerNetwork[] {part == GeometryModels.Part.DISCRIMINATOR ? m.discriminator()
                    : m.generator()};
            case RBM -> throw new LabException(m.runDir().getFileName() + " is an RBM run: its machines are not"
                    + " DL4J networks; analyse an autoencoder, VAE or GAN run");
            case CYCLEGAN -> throw new LabException(m.runDir().getFileName() + " is a CycleGAN run: open an"
                    + " autoencoder, VAE or GAN run");
            case SBN -> throw new LabException(m.runDir().getFileName() + " is a sigmoid belief net run: it is"
                    + " not a DL4J network; analyse an autoencoder, VAE or GAN run");
            case VAEGAN -> throw new LabException(m.runDir().getFileName() + " is a VAE-GAN run: open"
                    + " it as the VAE it holds (SavedModel opens its encoder and decoder)");
            case AAE -> throw new LabException(m.runDir().getFileName() + " is an adversarial autoencoder run: the"
                    + " latent studio opens its decoder; analyse an autoencoder, VAE or GAN run");
        };
        return new Point(m.iteration(), theta(nets, layout, m.checkpoint().toString()),
                "checkpoint " + m.checkpoint().getFileName() + " of " + m.runDir().getFileName());
    }

    /** The initial parameters, then each checkpoint's, oldest first (an iteration-0 checkpoint counted once). */
    static List<Point> trajectory(SavedModel model, GeometryModels.Part part, ParameterLayout layout,
                                  Monitor monitor) {
        List<Path> checkpoints = SavedModel.checkpoints(model.runDir());
        List<Point> out = new ArrayList<>();
        out.add(initial(model, part, layout));
        for (int i = 0; i < checkpoints.size(); i++) {
            monitor.checkCancelled();
            Path cp = checkpoints.get(i);
            if (SavedModel.iterationOf(cp) != 0) {
                out.add(at(cp, part, layout));
            }
            monitor.progress((i + 1.0) / checkpoints.size(), "trajectory: checkpoint " + (i + 1) + " of "
                    + checkpoints.size());
        }
        return out;
    }

    private static double[] theta(MultiLayerNetwork[] nets, ParameterLayout layout, String what) {
        if (nets.length != layout.sizes().length) {
            throw new LabException(what + ": " + nets.length + " networks where the model has "
                    + layout.sizes().length);
        }
        double[][] flat = new double[nets.length][];
        for (int i = 0; i < nets.length; i++) {
            flat[i] = nets[i].params().castTo(DataType.DOUBLE).dup().toDoubleVector();
            if (flat[i].length != layout.sizes()[i]) {
                throw new LabException(what + " has " + flat[i].length + " parameters in network " + (i + 1)
                        + " where the model analysed has " + layout.sizes()[i] + ": they are not the same"
                        + " architecture");
            }
        }
        return layout.toObjective(flat);
    }
}
