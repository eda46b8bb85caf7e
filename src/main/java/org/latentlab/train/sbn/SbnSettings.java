package org.latentlab.train.sbn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a sigmoid belief net is trained by wake-sleep as an experiment of the lab (its {@code "sbn"} block). The
 * iterations, the measurement and checkpoint intervals and the random seed belong to the experiment around it.
 *
 * @param hidden          the hidden layers' sizes, bottom first ({@code [100, 20]} for a 784-100-20 net)
 * @param generativeRate  the wake phase's step on the generative weights and biases (delta rule, batch average)
 * @param recognitionRate the sleep phase's step on the recognition weights and biases
 * @param batch           images per wake phase, and dreams per sleep phase
 */
public record SbnSettings(List<Integer> hidden, double generativeRate, double recognitionRate, int batch) {

    /** The most units in a hidden layer. */
    public static final int MAX_UNITS = WakeSleepSettings.MAX_UNITS;
    /** The most hidden layers. */
    public static final int MAX_LAYERS = 8;
    /** The largest batch. */
    public static final int MAX_BATCH = 10_000;

    public SbnSettings {
        if (hidden == null || hidden.isEmpty()) {
            throw new IllegalArgumentException("sbn.hidden: give at least one hidden layer size, e.g. [100, 20]");
        }
        if (hidden.size() > MAX_LAYERS) {
            throw new IllegalArgumentException("sbn.hidden: at most " + MAX_LAYERS + " hidden layers, not "
                    + hidden.size());
        }
        for (int i = 0; i < hidden.size(); i++) {
            Integer n = hidden.get(i);
            if (n == null || n < 1 || n > MAX_UNITS) {
                throw new IllegalArgumentException("sbn.hidden: layer " + (i + 1) + " has " + n + " units; each"
                        + " hidden layer has 1 to " + MAX_UNITS);
            }
        }
        hidden = List.copyOf(hidden);
        rate("sbn.generativeRate", generativeRate);
        rate("sbn.recognitionRate", recognitionRate);
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("sbn.batch: " + batch + " images; use 1 to " + MAX_BATCH
                    + ", e.g. 20");
        }
    }

    private static void rate(String field, double r) {
        if (!(r > 0) || r > 10 || !Double.isFinite(r)) {
            throw new IllegalArgumentException(field + ": " + r + "; a learning rate is above 0 and at most 10,"
                    + " e.g. 0.1");
        }
    }

    /** The layer sizes for {@code visible} visible units, visible first. */
    public int[] sizes(int visible) {
        int[] s = new int[hidden.size() + 1];
        s[0] = visible;
        for (int i = 0; i < hidden.size(); i++) {
            s[i + 1] = hidden.get(i);
        }
        return s;
    }

    /** The same settings with other learning rates. */
    public SbnSettings withRates(double generative, double recognition) {
        return new SbnSettings(hidden, generative, recognition, batch);
    }

    /** "wake-sleep hidden 100-20, rates 0.1 / 0.1, batch 20". */
    public String describe() {
        return String.format(Locale.ROOT, "wake-sleep hidden %s, rates %s (generative) / %s (recognition), batch %d",
                hidden.stream().map(String::valueOf).collect(Collectors.joining("-")), number(generativeRate),
                number(recognitionRate), batch);
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
