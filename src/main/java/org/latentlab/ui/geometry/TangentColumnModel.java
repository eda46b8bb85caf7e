package org.latentlab.ui.geometry;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.experiment.ManifoldSensitivity;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.TangentResult;

import java.util.Locale;

/**
 * One column of the tangent comparison as the section holds it: the model it analyses, its tangents at the chosen
 * digit, the digit moved along one of them with its decoding, and its sensitivity on and off the manifold.
 */
final class TangentColumnModel {

    /** x + t·v and decode(encode(x + t·v)) for tangent {@code vector} (0-based), as height × width images. */
    record Moved(double t, int vector, double[] input, double[] decoded, int height, int width) {
    }

    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("no model yet");
    private final ReadOnlyObjectWrapper<TangentResult> tangents = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Moved> moved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ManifoldSensitivity> sensitivity = new ReadOnlyObjectWrapper<>();
    private GeometryJobs jobs;

    /** The column now analyses {@code j}'s model; what it showed of the one before is cleared. */
    void setJobs(GeometryJobs j) {
        jobs = j;
        tangents.set(null);
        moved.set(null);
        sensitivity.set(null);
        SavedModel m = j.model();
        source.set(m.name() + " (" + m.kind().name().toLowerCase(Locale.ROOT) + ", code "
                + m.modelSpec().codeDim() + ", " + m.modelSpec().training().describe() + "), iteration "
                + m.iteration() + ", " + m.checkpoint().getFileName() + " of " + m.runDir().getFileName());
    }

    GeometryJobs jobs() {
        return jobs;
    }

    void showTangents(TangentResult r) {
        tangents.set(r);
    }

    void showMoved(Moved m) {
        moved.set(m);
    }

    void showSensitivity(ManifoldSensitivity s) {
        sensitivity.set(s);
    }

    ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<TangentResult> tangentsProperty() {
        return tangents.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Moved> movedProperty() {
        return moved.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ManifoldSensitivity> sensitivityProperty() {
        return sensitivity.getReadOnlyProperty();
    }
}
