package org.latentlab.ui.latent;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;

/**
 * The code panel and the decoded image: one value per code dimension (a slider), random codes from the prior,
 * Reset, copying and pasting a code as text, an example's code by the encoder, and a strip of random samples to
 * start from.
 */
public final class CodeViewModel {

    private static final int SAMPLES = 8;

    private final StudioSession session;
    private final ObjectProperty<Pictures> samples = new SimpleObjectProperty<>();

    CodeViewModel(StudioSession session) {
        this.session = session;
        session.whenOpened(l -> {
            samples.set(null);
            newSamples();
        });
    }

    /** A copy of the current code (null before a model is open). */
    public double[] code() {
        return session.code();
    }

    /** One slider moved: decode at once. */
    public void setDimension(int dimension, double value) {
        session.setDimension(dimension, value);
    }

    /** A conditional G: decode the code, and new samples, as class {@code k}. */
    public void setClass(int k) {
        session.setClass(k);
        LoadedModel l = session.loadedProperty().get();
        if (l != null && k >= 0 && k < l.generatorClasses().size()) {
            session.info("decoding as class " + l.generatorClasses().get(k));
            newSamples();
        }
    }

    public void randomise() {
        LoadedModel l = session.loadedProperty().get();
        if (l != null) {
            session.start(l.randomCode(session.random()));
            session.info("a random code from the prior " + l.prior() + (l.continuousCodes() > 0
                    ? ", the continuous codes from U(-1, 1)" : ""));
        }
    }

    public void reset() {
        session.reset();
    }

    /** Encodes one example (by index) and starts from its code. */
    public void startFromExample(int index) {
        session.exampleCode(index, z -> {
            session.start(z);
            session.info("code of " + session.loadedProperty().get().exampleNoun() + " #" + index);
        });
    }

    /** The current code as comma-separated text. */
    public String codeText() {
        double[] z = session.code();
        if (z == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < z.length; j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", z[j]));
        }
        return b.toString();
    }

    /** Says in the status line that the code was copied (the view puts {@link #codeText()} on the clipboard). */
    public void copied() {
        double[] z = session.code();
        if (z != null) {
            session.info("copied the code (" + z.length + " values) to the clipboard");
        }
    }

    /** Parses comma- or space-separated numbers and starts from them. */
    public void paste(String text) {
        LoadedModel l = session.loadedProperty().get();
        if (l == null) {
            return;
        }
        if (text == null || text.isBlank()) {
            session.fail("the clipboard holds no numbers: copy a code of " + l.codeSize() + " values first");
            return;
        }
        String[] parts = text.trim().split("[,;\\s]+");
        if (parts.length != l.codeSize()) {
            session.fail("the clipboard holds " + parts.length + " numbers, not a code of " + l.codeSize());
            return;
        }
        double[] z = new double[parts.length];
        try {
            for (int j = 0; j < z.length; j++) {
                z[j] = Double.parseDouble(parts[j]);
            }
        } catch (NumberFormatException e) {
            session.fail("the clipboard does not hold a code: " + e.getMessage());
            return;
        }
        session.start(z);
        session.info("pasted a code of " + z.length + " values");
    }

    /** Eight random codes decoded, to start from one of them. */
    public void newSamples() {
        LoadedModel l = session.loadedProperty().get();
        if (l == null) {
            return;
        }
        double[][] z = l.randomCodes(SAMPLES, session.random());
        session.onModel("decoding samples", m -> new Pictures(z, StudioSession.display(m, m.decode(z)), m.shape()),
                samples::set);
    }

    /** Starts from sample i of the strip. */
    public void startFromSample(int i) {
        Pictures p = samples.get();
        if (p != null && i >= 0 && i < p.codes().length) {
            session.start(p.codes()[i]);
            session.info("sample " + (i + 1) + " of the strip");
        }
    }

    public ReadOnlyObjectProperty<Pictures> samplesProperty() {
        return samples;
    }

    public ReadOnlyObjectProperty<StudioSession.Frame> frameProperty() {
        return session.frameProperty();
    }

    /** Increases whenever the code was replaced as a whole (the sliders must follow). */
    public ReadOnlyIntegerProperty codeVersionProperty() {
        return session.codeVersionProperty();
    }
}
