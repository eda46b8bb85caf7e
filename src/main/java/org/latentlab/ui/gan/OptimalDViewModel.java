package org.latentlab.ui.gan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanView;

import java.util.Locale;

/**
 * The "D* vs D" view's state: the optimal discriminator D* = p_data / (p_data + p_G) of the generator in the newest
 * view (Goodfellow et al. 2014, "Generative adversarial nets", Proposition 1), the learned D on the same grid, the
 * gap between them and a caption saying how p_G was estimated. D* comes made with the view, off the FX thread
 * ({@link GanView.Optimal}); this only chooses which version to show (data smoothed by the kernel, the default, or
 * exact) and words it.
 */
public final class OptimalDViewModel {

    private final BooleanProperty smoothed = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<float[]> optimal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> learned = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper learnedTitle = new ReadOnlyStringWrapper("D = σ(s) (learned)");
    private final ReadOnlyStringWrapper gapText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private GanView.Points points;
    private GanLoss loss = GanLoss.NON_SATURATING;

    public OptimalDViewModel() {
        smoothed.addListener((o, a, b) -> update());
    }

    /** Names the learned panel for an experiment's loss and forgets the last view. */
    public void prepare(GanLoss experimentLoss) {
        loss = experimentLoss;
        learnedTitle.set(loss.probabilistic() ? "D = σ(s) (learned)"
                : loss.fDivergence().isPresent() ? "D: implied r/(1 + r)" : "critic s(x), scaled");
        points = null;
        update();
    }

    /** Shows D* of a new view (anything but a 2-D view of a toy mixture leaves the panel empty). */
    public void show(GanView v) {
        points = v instanceof GanView.Points p && p.optimal() != null ? p : null;
        update();
    }

    private void update() {
        GanView.Optimal o = points == null ? null : points.optimal();
        available.set(o != null);
        if (o == null) {
            optimal.set(null);
            learned.set(null);
            gapText.set("");
            caption.set("");
            return;
        }
        boolean smooth = smoothed.get();
        optimal.set(smooth ? o.smoothed() : o.exact());
        learned.set(points.heat());
        gapText.set(gapText(smooth ? o.gapSmoothed() : o.gapExact(), points.heatIsProbability()));
        caption.set(caption(o, smooth));
    }

    /** "mean |D − D*| = 0.123 …", or why there is none. */
    static String gapText(double gap, boolean probability) {
        if (!probability) {
            return "gap: none, D is a critic here and its score is not a probability";
        }
        if (Double.isNaN(gap)) {
            return "gap: no cell with enough density";
        }
        return String.format(Locale.ROOT, "gap: mean |D − D*| = %.3f (cells holding density)", gap);
    }

    /** What D* shows and how p_G was made: the samples, the bandwidth, and why the data is smoothed. */
    static String caption(GanView.Optimal o, boolean smooth) {
        String kernel = String.format(Locale.ROOT, "p_G: a Gaussian kernel density of G's %d samples, bandwidth"
                + " %.3f × %.3f (Scott's rule).", o.samples(), o.bandwidthX(), o.bandwidthY());
        String how = smooth
                ? " p_data is blurred by the same kernel (the game with instance noise of that width): the kernel is"
                + " much wider than the data's narrow modes, and against the sharp p_data even a perfect G would look"
                + " unlike the data; smoothed, D* = ½ wherever G matches."
                : " p_data exact: the kernel's blur alone keeps D* away from ½ even for a perfect G.";
        return "D*(x) = p_data/(p_data + p_G), the best D against this G (Goodfellow et al. 2014, Prop. 1). "
                + kernel + how;
    }

    /** Whether p_data is smoothed by the kernel (the default) or exact. */
    public BooleanProperty smoothedProperty() {
        return smoothed;
    }

    /** True while the newest view carries D* (2-D toy mixtures). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** D* on the heat map's grid (row 0 at the top), or null. */
    public ReadOnlyObjectProperty<float[]> optimalProperty() {
        return optimal.getReadOnlyProperty();
    }

    /** The learned D's values on the same grid (probabilities, or a critic's raw scores), or null. */
    public ReadOnlyObjectProperty<float[]> learnedProperty() {
        return learned.getReadOnlyProperty();
    }

    /** Whether the learned values are probabilities (else the panel scales them). */
    public boolean learnedIsProbability() {
        return points != null && points.heatIsProbability();
    }

    /** The view D* belongs to (its bounds and modes), or null. */
    public GanView.Points points() {
        return points;
    }

    /** The grid's side in cells. */
    public int resolution() {
        return points == null ? 0 : points.heatRes();
    }

    public ReadOnlyStringProperty learnedTitleProperty() {
        return learnedTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gapTextProperty() {
        return gapText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
