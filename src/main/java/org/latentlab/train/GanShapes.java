package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What {@link GanTrainer} checks of G and D before training: their sizes and the layers that change the game. */
final class GanShapes {

    private GanShapes() {
    }

    /**
     * Checks that G takes the variant's input and outputs the data's size, and that D takes the variant's input
     * (PacGAN's packs) and outputs one score per example, or the data's size when it reconstructs.
     *
     * @throws LabException saying which network to change and how
     */
    static void check(MultiLayerNetwork generator, MultiLayerNetwork discriminator, DataSource data,
                      GanSettings settings, int latentDim, GanVariant variant) {
        boolean autoencoder = variant.discriminatorReconstructs();
        int dataDim = data.dimension();
        DataType dataType = generator.params().dataType();
        INDArray z = Nd4j.zeros(dataType, 2, variant.generatorInputSize(latentDim));
        long gOut;
        try {
            gOut = flat(generator.output(z, false)).columns();
        } catch (RuntimeException e) {
            throw new LabException("G does not take a latent code of size " + latentDim + ": " + e.getMessage(), e);
        }
        if (gOut != dataDim) {
            throw new LabException("G outputs " + gOut + " values per example but the data set '" + data.name()
                    + "' has " + dataDim + ": change G's last layer");
        }
        INDArray dOut;
        int packed = variant.discriminatorInputSize(settings.packing() * dataDim);
        try {
            dOut = discriminator.output(Nd4j.zeros(dataType, 2, packed), false);
        } catch (RuntimeException e) {
            throw new LabException("D does not take " + (settings.packing() == 1 ? "examples of size " + dataDim
                    : "packs of " + settings.packing() + " examples (" + packed + " values): set D's input to "
                    + settings.packing() + " × the data size") + ": " + e.getMessage(), e);
        }
        if (autoencoder) {
            if (dOut.length() != 2L * dataDim) {
                throw new LabException("an energy-based D is an autoencoder: it must output " + dataDim + " values per"
                        + " example (the data's size), not " + dOut.length() / 2 + ": end D with a layer of "
                        + dataDim + " units");
            }
        } else if (dOut.rank() != 2 || dOut.columns() != 1) {
            throw new LabException("D must output one score per example, not " + java.util.Arrays.toString(
                    dOut.shape()) + ": end D with a dense layer of 1 unit and no activation");
        }
    }

    static boolean hasDropout(MultiLayerNetwork net) {
        return has(net, org.deeplearning4j.nn.conf.layers.DropoutLayer.class);
    }

    static boolean has(MultiLayerNetwork net, Class<?> layerType) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (layerType.isInstance(net.getLayer(i).conf().getLayer())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether D has layers that couple the examples of a batch (batch norm, minibatch discrimination): D must then
     * see real and generated examples as separate batches (Salimans et al. 2016 compute D's minibatch features per
     * batch).
     */
    static boolean couplesBatch(MultiLayerNetwork discriminator) {
        return has(discriminator, org.deeplearning4j.nn.conf.layers.BatchNormalization.class)
                || has(discriminator, org.latentlab.model.MinibatchDiscriminationLayer.class);
    }

    private static INDArray flat(INDArray out) {
        return out.rank() == 2 ? out : out.reshape(out.size(0), out.length() / out.size(0));
    }
}
