package org.latentlab.ui.studies;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.analysis.deeplinear.DeepLinearNet;
import org.latentlab.analysis.deeplinear.DeepLinearSlice;
import org.latentlab.analysis.deeplinear.DeepLinearSpectra;
import org.latentlab.analysis.deeplinear.KnownPoint;

import java.util.List;

/**
 * The deep linear network lecture's state: the depth, the two weights shown (1-based), the value of the others, and
 * what follows from them: the loss over the two weights and the Hessian spectra at the origin, a balanced minimum and
 * a saddle. Everything is in closed form (a 121 × 121 grid of products and a d × d eigen-decomposition, well under a
 * millisecond), so it is recomputed at once on every change instead of on a worker.
 */
public final class DeepLinearViewModel {

    public static final int MAX_DEPTH = 12;
    public static final double RANGE = 2;
    public static final int RESOLUTION = 121;

    private final IntegerProperty depth = new SimpleIntegerProperty(10);
    private final IntegerProperty first = new SimpleIntegerProperty(1);
    private final IntegerProperty second = new SimpleIntegerProperty(2);
    private final DoubleProperty others = new SimpleDoubleProperty(1);
    private final ObjectProperty<DeepLinearSlice> slice = new SimpleObjectProperty<>();
    private final ObjectProperty<List<DeepLinearSpectra.Row>> spectra = new SimpleObjectProperty<>(List.of());
    private final StringProperty message = new SimpleStringProperty("");

    public DeepLinearViewModel() {
        depth.addListener((o, a, b) -> update());
        first.addListener((o, a, b) -> update());
        second.addListener((o, a, b) -> update());
        others.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        int d = Math.max(2, Math.min(MAX_DEPTH, depth.get()));
        int i = first.get();
        int j = second.get();
        if (i < 1 || i > d || j < 1 || j > d || i == j) {
            message.set("choose two different weights among 1.." + d);
            return;
        }
        DeepLinearNet net = DeepLinearNet.of(d);
        slice.set(DeepLinearSlice.of(net, i - 1, j - 1, others.get(), RANGE, RESOLUTION));
        spectra.set(DeepLinearSpectra.at(net, KnownPoint.lecture(net)));
        message.set(String.format(java.util.Locale.ROOT, "L = (1 − %s·w%d·w%d)²: the other %d weights held at %s",
                DeepLinearSpectra.number(Math.pow(others.get(), d - 2)), i, j, d - 2,
                DeepLinearSpectra.number(others.get())));
    }

    public IntegerProperty depth() {
        return depth;
    }

    public IntegerProperty first() {
        return first;
    }

    public IntegerProperty second() {
        return second;
    }

    public DoubleProperty others() {
        return others;
    }

    public ObjectProperty<DeepLinearSlice> slice() {
        return slice;
    }

    public ObjectProperty<List<DeepLinearSpectra.Row>> spectra() {
        return spectra;
    }

    public StringProperty message() {
        return message;
    }
}
