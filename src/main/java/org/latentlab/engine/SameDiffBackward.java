package org.latentlab.engine;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.samediff.AbstractSameDiffLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.model.MaxoutLayer;
import org.latentlab.model.MinibatchDiscriminationLayer;
import org.latentlab.model.VirtualBatchNormLayer;

import java.util.Optional;

/**
 * Why a network with a layer DL4J runs in SameDiff (the lab's maxout, minibatch discrimination and virtual batch
 * norm layers) never trains on DL4J's layer objects. DL4J 1.0.0-M2.1's backward pass through such a layer
 * ({@code MultiLayerNetwork.backpropGradient} after a training-mode {@code feedForward}) returns twice the gradient,
 * measured against central differences in double: twice the input gradient, twice the layer's own parameter
 * gradients and twice those of every layer below it (the layers above it are right). A D would hand G twice its
 * gradient while its own layers learn at mixed scales; a gradient penalty or a regularised inversion would weigh
 * its terms wrongly. The engine runs these layers with its own passes, checked against the formulas; where a network
 * would fall back to DL4J's layer objects for a backward pass, this refuses it in one line instead.
 */
public final class SameDiffBackward {

    private SameDiffBackward() {
    }

    /** The first layer of {@code network} DL4J runs in SameDiff, as "'d_minibatch' (minibatch discrimination)". */
    public static Optional<String> firstLayer(MultiLayerNetwork network) {
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer conf = network.getLayerWiseConfigurations().getConf(i).getLayer();
            if (conf instanceof AbstractSameDiffLayer) {
                String name = conf.getLayerName() != null ? conf.getLayerName() : "layer " + i;
                return Optional.of("'" + name + "' (" + kind(conf) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a backward pass of {@code network} on DL4J's layer objects when it has a SameDiff layer, in one line:
     * {@code situation}, the layer and why, then {@code remedy}.
     *
     * @param situation which network runs on DL4J's layer objects and why ("D has a layer the lab's engine does not
     *                  run, so its gradients would come from DL4J's layer objects")
     * @param remedy    what a person can do ("remove one of the two")
     * @throws LabException when the network has a SameDiff layer
     */
    public static void refuseLayerObjects(MultiLayerNetwork network, String situation, String remedy) {
        Optional<String> layer = firstLayer(network);
        if (layer.isPresent()) {
            throw new LabException(situation + ", and its layer " + layer.get() + " is a SameDiff layer, through"
                    + " which DL4J 1.0.0-M2.1 passes back twice the gradient: " + remedy);
        }
    }

    private static String kind(Layer conf) {
        if (conf instanceof MaxoutLayer) {
            return "maxout";
        } else if (conf instanceof MinibatchDiscriminationLayer) {
            return "minibatch discrimination";
        } else if (conf instanceof VirtualBatchNormLayer) {
            return "virtual batch norm";
        }
        return conf.getClass().getSimpleName();
    }
}
