package org.latentlab.ui.latent;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.data.ExampleSet;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.LatentArithmetic;

import java.util.Locale;

/**
 * Arithmetic on codes: an attribute vector v = mean code of class B − mean code of class A, added to the code with
 * a strength s (Radford et al. 2016; White 2016), and the analogy a − b + c of three examples' codes.
 */
public final class AttributeViewModel {

    private final StudioSession session;
    private final ObjectProperty<AttributeVector> attribute = new SimpleObjectProperty<>();
    private final StringProperty attributeText = new SimpleStringProperty("");
    private final DoubleProperty strength = new SimpleDoubleProperty(0);
    private final ObjectProperty<Pictures> analogy = new SimpleObjectProperty<>();
    private boolean settingStrength;

    AttributeViewModel(StudioSession session) {
        this.session = session;
        strength.addListener((o, before, after) -> {
            if (!settingStrength) {
                applyStrength(after.doubleValue() - before.doubleValue());
            }
        });
        session.whenOpened(l -> {
            analogy.set(null);
            setAttribute(null);
        });
    }

    /** v = mean code of class {@code to} − mean code of class {@code from}, over the examples' codes. */
    public void computeAttribute(int from, int to) {
        LoadedModel l = session.loadedProperty().get();
        if (l == null) {
            return;
        }
        if (!l.labelled()) {
            session.fail(l.encoded() != null ? "attribute vectors need labelled examples; these have no labels"
                    : "attribute vectors need codes of examples: a GAN has no encoder; press \"Find codes by"
                    + " inversion\" in the Encoded data tab first");
            return;
        }
        try {
            AttributeVector v = AttributeVector.between(l.encoded(), from, to, l::className);
            setAttribute(v);
            session.info("attribute vector " + v + ": move the strength slider to add s·v to the code");
        } catch (IllegalArgumentException e) {
            session.fail(e.getMessage());
        }
    }

    private void setAttribute(AttributeVector v) {
        attribute.set(v);
        attributeText.set(v == null ? "" : describe(v));
        settingStrength = true;
        try {
            strength.set(0);
        } finally {
            settingStrength = false;
        }
    }

    private static String describe(AttributeVector v) {
        int arrow = v.name().indexOf('→');
        String from = arrow < 0 ? "A" : v.name().substring(0, arrow).trim();
        String to = arrow < 0 ? "B" : v.name().substring(arrow + 1).trim();
        return String.format(Locale.ROOT, "v = mean(%s) − mean(%s): |v| = %.3g, from %d and %d encoded examples",
                to, from, v.norm(), v.fromCount(), v.toCount());
    }

    private void applyStrength(double delta) {
        AttributeVector v = attribute.get();
        double[] z = session.code();
        if (v == null || z == null || delta == 0) {
            return;
        }
        session.load(v.apply(z, delta));
    }

    /** a − b + c of three examples' codes: starts from the result and shows a, b, c and what it decodes to. */
    public void analogy(int a, int b, int c) {
        LoadedModel l = session.loadedProperty().get();
        if (l == null) {
            return;
        }
        if (!l.hasEncoder()) {
            session.fail("analogies of examples need their codes: a GAN has no encoder (invert them in the"
                    + " Inversion tab)");
            return;
        }
        for (int i : new int[] {a, b, c}) {
            String problem = l.exampleProblem(i);
            if (problem != null) {
                session.fail(problem);
                return;
            }
        }
        ExampleSet ex = l.examples();
        float[][] x = {ex.example(a), ex.example(b), ex.example(c)};
        session.onModel("computing a − b + c", m -> {
            double[][] z = m.encode(x);
            double[] result = LatentArithmetic.analogy(z[0], z[1], z[2]);
            float[] decoded = m.toDisplay(m.decode(result));
            return new Pictures(new double[][] {z[0], z[1], z[2], result},
                    new float[][] {m.toDisplay(x[0]), m.toDisplay(x[1]), m.toDisplay(x[2]), decoded}, m.shape());
        }, p -> {
            analogy.set(p);
            session.start(p.codes()[3]);
            session.info("analogy #" + a + " − #" + b + " + #" + c + " loaded into the sliders");
        });
    }

    public ReadOnlyObjectProperty<AttributeVector> attributeProperty() {
        return attribute;
    }

    /** What the vector is, for a label ("v = mean(7) − mean(1): |v| = …"). */
    public ReadOnlyStringProperty attributeTextProperty() {
        return attributeText;
    }

    /** The attribute strength s; moving it adds Δs·v to the code. */
    public DoubleProperty strengthProperty() {
        return strength;
    }

    public ReadOnlyObjectProperty<Pictures> analogyProperty() {
        return analogy;
    }
}
