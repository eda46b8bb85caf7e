package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.ImagePixels;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.LatentModels;
import org.latentlab.latent.OutputTransform;
import org.latentlab.train.Backend;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.Trainer;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the latent studio opens: a {@link LatentModel} read from a run folder or a checkpoint ({@link SavedModel}),
 * or trained briefly from a preset, together with the examples it is explored on.
 *
 * <ul>
 *   <li>GAN runs: G, prior N(0, I) over the experiment's latent size, values in [-1, 1] (the lab's GANs see images
 *   scaled for tanh); the examples are the training images themselves (a GAN keeps none apart).</li>
 *   <li>Autoencoder and VAE runs: the decoder and the encoder, values in [0, 1], the σ output transform for a
 *   cross-entropy (Bernoulli) decoder, whose outputs are logits; the examples are the run's held-out split.</li>
 *   <li>RBM runs and runs on 2-D toy data are refused with a message: the studio decodes images.</li>
 * </ul>
 *
 * <p>Also the one conversion from decoded values to display pixels that the studio's screen and the {@code latency}
 * benchmark share ({@link #argb}).
 */
public final class StudioModels {

    /** Presets that "train quick model" offers: autoencoders and VAEs of image data, the VAE first. */
    public static final List<String> QUICK_PRESETS = List.of("mnist-vae", "mnist-vae-2d", "mnist-ae",
            "fashion-vae", "mnist-dae");

    /** Iterations of a quick model: enough for recognisable digits from the MNIST VAE (held-out NLL about 125). */
    public static final int QUICK_ITERATIONS = 600;

    private StudioModels() {
    }

    /**
     * A model opened for the studio.
     *
     * @param name         a short name for the toolbar ("mnist-vae-2d at iteration 1000")
     * @param description  what it is, for a tooltip or status line
     * @param models       makes a fresh {@link LatentModel} each call (each a private copy, for one thread); the
     *                     first call's model is the studio's, a second one serves an inversion running beside it
     * @param examples     images to encode, invert and pick from: the held-out split, or a GAN's training images
     * @param heldOut      true when {@code examples} were never trained on
     * @param training     the training images, for the memorisation check (null when not an indexable set)
     */
    public record Studio(String name, String description, Supplier<LatentModel> models, ExampleSet examples,
                         boolean heldOut, ExampleSet training) {

        public Studio {
            if (models == null || examples == null) {
                throw new IllegalArgumentException("a studio model needs a model factory and examples");
            }
        }
    }

    /** Opens a run folder (its latest checkpoint) or a checkpoint folder. */
    public static Studio open(Path folder) {
        return fromSaved(SavedModel.open(folder));
    }

    /**
     * The studio model of a saved run.
     *
     * @throws LabException for RBM runs, runs on vector data, and unreadable checkpoints
     */
    public static Studio fromSaved(SavedModel saved) {
        if (saved.kind() == Family.RBM) {
            throw new LabException(saved.name() + " is an RBM run: the latent studio explores a decoder network;"
                    + " open an autoencoder, VAE or GAN run");
        }
        DataSource data = saved.data();
        ImageShape shape = imageShape(data, saved.name());
        String name = saved.name() + " at iteration " + saved.iteration();
        if (saved.kind() == Family.GAN) {
            if (!(data instanceof ExampleSet images)) {
                throw new LabException(saved.name() + ": its data " + data.name() + " is not a set of images the"
                        + " studio can pick from");
            }
            MultiLayerNetwork g = saved.generator();
            int latent = saved.ganSpec().latentDim();
            GanExperiment gan = saved.ganSpec();
            if (gan.learnsEncoder()) {
                // a BiGAN: G with its encoder E, explored on the held-out examples it never trained on
                MultiLayerNetwork e = saved.biganEncoder();
                ExperimentData.Split split = ExperimentData.split(data, gan.bigan().heldOut(), gan.seed());
                return new Studio(name, "BiGAN generator " + latent + " -> " + shape + " with encoder, from "
                        + saved.runDir().getFileName(), factory(() -> LatentModels.bigan(g, e, shape,
                        ImageScale.MINUS_ONE_TO_ONE)), split.heldOut(), true,
                        split.train() instanceof ExampleSet t ? t : null);
            }
            java.util.List<String> classes = !gan.takesLabels() ? java.util.List.of()
                    : labelNames(ConditionalLayout.batches(gan, data, g.params().dataType()));
            if (gan.infogan() != null) {
                // InfoGAN (Chen et al. 2016): the categorical code chosen beside the noise and continuous sliders
                org.latentlab.train.InfoGanCodes c = InfoGanLayout.codes(gan, g.params().dataType());
                Supplier<LatentModel> info = factory(() -> LatentModels.infoGenerator(g, c.noiseDim(), c.continuous(),
                        InfoGanViews.rowNames(c.categorical()), shape, ImageScale.MINUS_ONE_TO_ONE));
                return new Studio(name, "InfoGAN generator " + c.noiseDim() + " noise + " + c.categorical()
                        + " categorical + " + c.continuous() + " continuous -> " + shape + " from "
                        + saved.runDir().getFileName(), info, images, false, images);
            }
            Supplier<LatentModel> models = factory(() -> classes.isEmpty()
                    ? LatentModel.generator(g, latent, shape, ImageScale.MINUS_ONE_TO_ONE)
                    : LatentModels.conditionalGenerator(g, latent, classes, shape, ImageScale.MINUS_ONE_TO_ONE));
            return new Studio(name, "GAN generator " + latent + " -> " + shape + " from " + saved.runDir()
                    .getFileName(), models, images, false, images);
        }
        if (saved.kind() == Family.AAE) {
            return adversarialAutoencoder(saved, data, shape, name);
        }
        ReconstructionExperiment spec = saved.modelSpec();
        OutputTransform transform = transformOf(spec.training());
        MultiLayerNetwork enc = saved.encoder();
        MultiLayerNetwork dec = saved.decoder();
        boolean vae = saved.kind() == Family.VAE;
        Supplier<LatentModel> models = factory(() -> vae
                ? LatentModel.vae(enc, dec, transform, shape, ImageScale.ZERO_TO_ONE)
                : LatentModel.autoencoder(enc, dec, transform, shape, ImageScale.ZERO_TO_ONE));
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        return new Studio(name, (vae ? "VAE" : "autoencoder") + " code " + spec.codeDim() + " -> " + shape
                + (transform == OutputTransform.SIGMOID ? " (Bernoulli decoder)" : "") + " from "
                + saved.runDir().getFileName(), models, split.heldOut(), true,
                split.train() instanceof ExampleSet t ? t : null);
    }

    /**
     * An adversarial autoencoder's decoder (sigmoid outputs, so no transform) with its encoder; a 2-D code opens
     * in the studio's plane view like any 2-D decoder. Its random codes come from the prior it was trained against
     * when that prior is a Gaussian ({@link #studioPrior}); otherwise the studio fits one to encoded codes.
     */
    private static Studio adversarialAutoencoder(SavedModel saved, DataSource data, ImageShape shape, String name) {
        AaeExperiment spec = saved.aaeSpec();
        MultiLayerNetwork enc = saved.encoder();
        MultiLayerNetwork dec = saved.decoder();
        Optional<CodePrior> prior = studioPrior(spec.aae().prior(), spec.codeDim());
        Supplier<LatentModel> models = factory(() -> {
            LatentModel m = LatentModel.autoencoder(enc, dec, OutputTransform.IDENTITY, shape,
                    ImageScale.ZERO_TO_ONE);
            prior.ifPresent(m::setPrior);
            return m;
        });
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        return new Studio(name, "adversarial autoencoder code " + spec.codeDim() + " (" + spec.aae().prior().id()
                + " prior) -> " + shape + " from " + saved.runDir().getFileName(), models, split.heldOut(), true,
                split.train() instanceof ExampleSet t ? t : null);
    }

    /**
     * The prior the studio draws an adversarial autoencoder's codes from: N(0, I) for the Gaussian prior it was
     * trained to match (Makhzani et al. 2016, section 2); none for the mixture and the swiss roll, which are not
     * Gaussians (the studio then fits a Gaussian to encoded codes, as for a plain autoencoder).
     */
    static Optional<CodePrior> studioPrior(AaePrior prior, int codeDim) {
        return prior == AaePrior.GAUSSIAN ? Optional.of(CodePrior.standardNormal(codeDim)) : Optional.empty();
    }

    private static java.util.List<String> labelNames(org.latentlab.train.ConditionalBatches c) {
        return java.util.stream.IntStream.range(0, c.classes()).mapToObj(c::labelName).toList();
    }

    /**
     * Trains an autoencoder / VAE preset (or experiment) for {@code iterations} on the calling thread, reporting to
     * the monitor and stopping with {@link Monitor.Cancelled} when asked; then hands its networks to the studio.
     * Nothing is written to disk.
     */
    public static Studio trainQuick(ReconstructionExperiment spec, long iterations, Monitor monitor) {
        if (spec.family() == Family.RBM) {
            throw new LabException(spec.name() + " is an RBM: the latent studio needs an autoencoder, VAE or GAN");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("train at least 1 iteration, not " + iterations);
        }
        Monitor m = monitor == null ? Monitor.NONE : monitor;
        Backend.applyToCurrentThread();
        m.progress(0, "loading " + spec.dataset());
        DataSource data = ExperimentData.open(spec.dataset(), Path.of("."), ImageScale.ZERO_TO_ONE);
        ImageShape shape = imageShape(data, spec.name());
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        ExperimentRunner.checkFits(spec, split.train());
        Trainer trainer = ExperimentRunner.buildTrainer(spec, split.train(), DataType.FLOAT);
        AutoencoderTrainer ae = (AutoencoderTrainer) trainer;
        long start = System.nanoTime();
        for (long i = 0; i < iterations; i++) {
            m.checkCancelled();
            ae.iterate();
            if (i % 10 == 0 || i == iterations - 1) {
                double seconds = (System.nanoTime() - start) / 1e9;
                m.progress((double) (i + 1) / iterations, String.format(Locale.ROOT,
                        "training %s: iteration %d of %d (%.0f it/s)", spec.name(), i + 1, iterations,
                        (i + 1) / Math.max(seconds, 1e-9)));
            }
        }
        // the trainer is finished and dropped: its networks are the factory's to clone from, the rest (its
        // workspaces on this thread, the arrays of its last iterations) goes back to the system
        NativeMemory.dropThreadWorkspaces();
        NativeMemory.releaseSoon();
        LatentModel first = LatentModels.fromTrainer(ae, ImageScale.ZERO_TO_ONE);
        MultiLayerNetwork enc = ae.encoder();
        MultiLayerNetwork dec = ae.decoder();
        OutputTransform transform = first.transform();
        boolean vae = ae.kind() == AutoencoderTrainer.Kind.VAE;
        Supplier<LatentModel> rest = () -> vae
                ? LatentModel.vae(enc, dec, transform, shape, ImageScale.ZERO_TO_ONE)
                : LatentModel.autoencoder(enc, dec, transform, shape, ImageScale.ZERO_TO_ONE);
        Supplier<LatentModel> models = factory(new Supplier<>() {
            private boolean firstTaken;

            @Override
            public LatentModel get() {
                if (!firstTaken) {
                    firstTaken = true;
                    return first;
                }
                return rest.get();
            }
        });
        return new Studio(spec.name() + " (" + iterations + " iterations, not saved)", (vae ? "VAE" : "autoencoder")
                + " code " + first.codeSize() + " -> " + shape + ", trained here for " + iterations + " iterations",
                models, split.heldOut(), true, split.train() instanceof ExampleSet t ? t : null);
    }

    /** A factory that builds one model at a time (they clone the same source networks). */
    private static Supplier<LatentModel> factory(Supplier<LatentModel> make) {
        Object lock = new Object();
        return () -> {
            synchronized (lock) {
                return make.get();
            }
        };
    }

    /**
     * The image shape of a data set's examples.
     *
     * @throws LabException for vector data (2-D toy distributions, CSV points)
     */
    public static ImageShape imageShape(DataSource data, String runName) {
        int[] s = data.shape();
        if (s.length != 3) {
            throw new LabException(runName + " was trained on " + data.name() + ", " + s.length + "-value points, not"
                    + " images: the latent studio needs image data (MNIST, Fashion-MNIST, an image folder)");
        }
        return ImageShape.of(s);
    }

    /** σ for a cross-entropy (Bernoulli) decoder, whose outputs are logits; the outputs as they are otherwise. */
    public static OutputTransform transformOf(AutoencoderSettings settings) {
        return settings.reconstruction() == AutoencoderSettings.Reconstruction.CROSS_ENTROPY
                ? OutputTransform.SIGMOID : OutputTransform.IDENTITY;
    }

    /**
     * Display values in [0, 1] (as {@link LatentModel#toDisplay} gives) to opaque ARGB pixels, row-major: grey for
     * one channel, RGB from the three planes otherwise. Writes into {@code out} (height x width values).
     */
    public static int[] argb(float[] display, ImageShape shape, int[] out) {
        return ImagePixels.argb(display, shape, out);
    }

    /** A model's decoded data values straight to ARGB pixels (display mapping included): the slider's last step. */
    public static int[] argb(LatentModel model, float[] values) {
        ImageShape s = model.shape();
        return argb(model.toDisplay(values), s, new int[s.height() * s.width()]);
    }
}
