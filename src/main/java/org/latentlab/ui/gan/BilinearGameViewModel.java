package org.latentlab.ui.gan;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentlab.analysis.game.BilinearGame;
import org.latentlab.analysis.game.GamePath;

import java.util.Locale;

/**
 * The "xy game" panel's state: min_x max_y xy played by gradient steps from (1, 0), simultaneous and alternating,
 * for the step size η and number of steps the sliders set, remade whenever either moves (microseconds). The view
 * only draws the two paths and binds the sliders.
 */
public final class BilinearGameViewModel {

    public static final double MIN_ETA = 0.01;
    public static final double MAX_ETA = 1.0;
    public static final int MIN_STEPS = 10;
    public static final int MAX_STEPS = 500;
    /** Both paths start here, at distance 1 from the equilibrium (0, 0). */
    public static final double START_X = 1;
    public static final double START_Y = 0;

    /** What the panel says under the plot. */
    public static final String CAPTION = "min_x max_y x·y: x descends, y ascends; the only equilibrium is (0, 0)."
            + " Simultaneous steps (both players move from the same old point) multiply the distance from it by"
            + " √(1 + η²) every step, so the path spirals outwards for every η. Alternating steps (y answers the new x)"
            + " keep x² + y² − η·x·y fixed, so the path orbits on an ellipse and never converges either."
            + " (Goodfellow 2016, \"NIPS 2016 tutorial: generative adversarial networks\", §8.2; Mescheder et al."
            + " 2018, \"Which training methods for GANs do actually converge?\")";

    private final DoubleProperty eta = new SimpleDoubleProperty(0.1);
    private final IntegerProperty steps = new SimpleIntegerProperty(100);
    private final ReadOnlyObjectWrapper<GamePath> simultaneous = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<GamePath> alternating = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public BilinearGameViewModel() {
        eta.addListener((o, a, b) -> update());
        steps.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        double e = Math.max(MIN_ETA, Math.min(MAX_ETA, eta.get()));
        int n = Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get()));
        GamePath sim = BilinearGame.simultaneous(START_X, START_Y, e, n);
        GamePath alt = BilinearGame.alternating(START_X, START_Y, e, n);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (int t = 0; t <= n; t++) {
            lo = Math.min(lo, alt.radius(t));
            hi = Math.max(hi, alt.radius(t));
        }
        summary.set(String.format(Locale.ROOT, "η = %.2f, %d steps.  Simultaneous: distance 1 → %.4g (×%.5f a"
                + " step).  Alternating: distance stays in [%.3f, %.3f].", e, n, sim.radius(n),
                BilinearGame.simultaneousGrowth(e), lo, hi));
        simultaneous.set(sim);
        alternating.set(alt);
    }

    /** Half the side of a square view centred on the equilibrium that holds both paths. */
    public double extent() {
        double m = 0;
        for (GamePath p : new GamePath[] {simultaneous.get(), alternating.get()}) {
            for (int t = 0; t <= p.steps(); t++) {
                m = Math.max(m, p.radius(t));
            }
        }
        return 1.1 * m;
    }

    /** The step size η, from {@value #MIN_ETA} to {@value #MAX_ETA}. */
    public DoubleProperty etaProperty() {
        return eta;
    }

    /** The number of steps, from {@value #MIN_STEPS} to {@value #MAX_STEPS}. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    public ReadOnlyObjectProperty<GamePath> simultaneousProperty() {
        return simultaneous.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GamePath> alternatingProperty() {
        return alternating.getReadOnlyProperty();
    }

    /** The distances the two paths reach, in one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
