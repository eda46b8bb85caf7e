package org.latentlab.latent;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.ImageScale;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.latentlab.train.ae.AutoencoderTrainer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The latent models of the GAN variants whose G takes more than a code or comes with an encoder (a conditional GAN's
 * G, an InfoGAN's G, a BiGAN's G with its encoder E), and the model of a live trainer. Like {@link LatentModel}'s own
 * factories these clone the networks they are given: call them on the thread that owns those networks.
 */
public final class LatentModels {

    private LatentModels() {
    }

    /**
     * A BiGAN's G with its encoder E (Donahue et al. 2017): decodes as a GAN generator (prior N(0, I)) and encodes
     * examples with E, as an autoencoder does; the code size is read from E's output.
     */
    public static LatentModel bigan(MultiLayerNetwork generator, MultiLayerNetwork encoder, ImageShape shape,
                                    ImageScale scale) {
        return LatentModel.of(ModelKind.BIGAN_GENERATOR, generator, encoder, LatentModel.encoderOutputs(encoder, shape),
                OutputTransform.IDENTITY, shape, scale);
    }

    /**
     * A conditional GAN's G (Mirza and Osindero 2014): its input is the code z (codeSize) followed by the one-hot
     * label of one of {@code labelNames}; every decode asks for the class {@link LatentModel#setLabel} chose (0 at
     * first).
     */
    public static LatentModel conditionalGenerator(MultiLayerNetwork generator, int codeSize, List<String> labelNames,
                                                   ImageShape shape, ImageScale scale) {
        CodeLayout layout = CodeLayout.conditional(codeSize, labelNames);
        return new LatentModel(ModelKind.GAN_GENERATOR, generator.clone(), null, layout, OutputTransform.IDENTITY,
                shape, scale);
    }

    /**
     * An InfoGAN's G (Chen et al. 2016): G's input is the noise ({@code noise} values), the one-hot categorical code
     * of one of {@code values} and {@code continuous} continuous codes. The studio's code is the noise followed by
     * the continuous codes; every decode puts the categorical value {@link LatentModel#setLabel} chose (0 at first)
     * between them.
     */
    public static LatentModel infoGenerator(MultiLayerNetwork generator, int noise, int continuous,
                                            List<String> values, ImageShape shape, ImageScale scale) {
        CodeLayout layout = CodeLayout.infoGan(noise, continuous, values);
        return new LatentModel(ModelKind.GAN_GENERATOR, generator.clone(), null, layout, OutputTransform.IDENTITY,
                shape, scale);
    }

    /** From a live GAN trainer (plain, conditional, InfoGAN or BiGAN); call on the trainer's own thread. */
    public static LatentModel fromTrainer(GanTrainer trainer, ImageScale scale) {
        ImageShape shape = ImageShape.of(trainer.data().shape());
        if (trainer.infoGan().isPresent()) {
            var c = trainer.infoGan().get().codes();
            return infoGenerator(trainer.generator(), c.noiseDim(), c.continuous(),
                    IntStream.range(0, c.categorical()).mapToObj(k -> "c=" + k).toList(), shape, scale);
        }
        if (trainer.bigan().isPresent()) {
            return bigan(trainer.generator(), trainer.bigan().get().encoder(), shape, scale);
        }
        return trainer.conditional().map(c -> conditionalGenerator(trainer.generator(), trainer.latentDim(),
                        IntStream.range(0, c.classes()).mapToObj(c::labelName).toList(), shape, scale))
                .orElseGet(() -> LatentModel.generator(trainer.generator(), trainer.latentDim(), shape, scale));
    }

    /**
     * From a live autoencoder / VAE trainer; call on the trainer's own thread. A cross-entropy decoder gets the σ
     * output transform.
     */
    public static LatentModel fromTrainer(AutoencoderTrainer trainer, ImageScale scale) {
        OutputTransform t = trainer.settings().reconstruction() == Reconstruction.CROSS_ENTROPY
                ? OutputTransform.SIGMOID : OutputTransform.IDENTITY;
        ImageShape s = ImageShape.of(trainer.data().shape());
        return trainer.kind() == AutoencoderTrainer.Kind.VAE
                ? LatentModel.vae(trainer.encoder(), trainer.decoder(), t, s, scale)
                : LatentModel.autoencoder(trainer.encoder(), trainer.decoder(), t, s, scale);
    }
}
