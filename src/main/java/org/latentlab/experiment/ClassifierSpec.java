package org.latentlab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.classifier.ClassifierSettings;

import java.util.List;

/**
 * A classifier experiment file ({@code "family": "classifier"}): a network from images to one logit per class (its
 * last layer dense, no activation), trained on a labelled image set by softmax cross-entropy for
 * {@code iterations} minibatches. The set is shuffled once with {@code seed} and its last {@code heldOut} examples
 * are never trained on: the accuracy and confusion matrix saved with the classifier are measured on them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"family", "name"})
public record ClassifierSpec(String family, String name, String description, long seed, DatasetSpec dataset,
                             NetworkSpec network, ClassifierSettings training, long iterations, int heldOut) {

    /** The {@code "family"} of a classifier file. */
    public static final String FAMILY = "classifier";

    public ClassifierSpec {
        family = family == null ? FAMILY : family;
        if (!FAMILY.equals(family)) {
            throw new IllegalArgumentException("a classifier file has \"family\": \"classifier\", not '" + family + "'");
        }
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        description = description == null ? "" : description;
        if (dataset == null || network == null || training == null) {
            throw new IllegalArgumentException("a classifier needs dataset, network and training");
        }
        if (dataset.kind() != DatasetSpec.Kind.IMAGES && dataset.kind() != DatasetSpec.Kind.FOLDER) {
            throw new IllegalArgumentException("a classifier trains on labelled images (bundled mnist or fashion,"
                    + " or a folder with one sub-folder per class), not on " + dataset);
        }
        if (!network.input().isImage()) {
            throw new IllegalArgumentException("classifier network '" + network.name() + "' takes images: give its"
                    + " input as [channels, height, width]");
        }
        List<LayerSpec> layers = network.layers();
        if (layers.size() < 2 || !(layers.get(layers.size() - 1) instanceof LayerSpec.Dense last)
                || last.activation() != org.latentlab.model.Activation.IDENTITY || last.units() < 2) {
            throw new IllegalArgumentException("classifier network '" + network.name() + "' must end in a dense"
                    + " layer with one unit per class (at least 2) and no activation (its logits), after at least"
                    + " one other layer (the features)");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, not " + iterations);
        }
        if (heldOut < 1) {
            throw new IllegalArgumentException("heldOut must be >= 1: the classifier is measured on held-out images");
        }
    }

    /** K, the logits' width. */
    public int classCount() {
        return network.output().size();
    }

    @Override
    public String toString() {
        return name + ": " + network + ", " + training + ", " + iterations + " iterations on " + dataset
                + " (" + heldOut + " held out)";
    }
}
