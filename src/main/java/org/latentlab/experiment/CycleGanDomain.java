package org.latentlab.experiment;

import org.latentlab.data.DomainTransform;

/**
 * One domain of a CycleGAN experiment: a data set and the change made to each of its examples
 * ({@code {"dataset": {"kind": "images", "name": "mnist"}, "transform": "invert"}}).
 *
 * @param dataset   where the examples come from
 * @param transform how each is changed ({@code none} when the field is left out)
 */
public record CycleGanDomain(DatasetSpec dataset, DomainTransform transform) {

    public CycleGanDomain {
        if (dataset == null) {
            throw new IllegalArgumentException("a domain needs a dataset, e.g. {\"dataset\": {\"kind\": \"toy\","
                    + " \"name\": \"two-moons\"}}");
        }
        transform = transform == null ? DomainTransform.NONE : transform;
        if (transform != DomainTransform.NONE && (dataset.kind() == DatasetSpec.Kind.TOY
                || dataset.kind() == DatasetSpec.Kind.CSV)) {
            throw new IllegalArgumentException("transform '" + transform.id() + "' changes images, and " + dataset
                    + " holds 2-D points: use \"none\"");
        }
    }

    /** "mnist (invert)", "two-moons". */
    @Override
    public String toString() {
        String what = dataset.name() != null ? dataset.name() : String.valueOf(dataset.path());
        return transform == DomainTransform.NONE ? what : what + " (" + transform.id() + ")";
    }
}
