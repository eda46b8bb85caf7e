package org.latentlab.cli;

import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.AnalysisInfo;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The geometry commands' stdout: a comment line naming the model, then one {@code key value} per line (keys without
 * spaces), so that a script reads it with {@code awk '$1 == "loss" {print $2}'}.
 */
final class GeometryOutput {

    private final PrintStream out;

    GeometryOutput(PrintStream out) {
        this.out = out;
    }

    void model(SavedModel m) {
        out.println("# " + m.name() + " (" + m.kind().name().toLowerCase(Locale.ROOT) + ") at iteration "
                + m.iteration() + ", " + m.checkpoint());
    }

    void info(AnalysisInfo i) {
        put("objective", i.objective());
        put("parameters", i.parameters());
        put("examples", i.examples());
        put("loss", i.loss());
    }

    void put(String key, String value) {
        out.printf(Locale.ROOT, "%-22s %s%n", key, value);
    }

    void put(String key, long value) {
        put(key, Long.toString(value));
    }

    void put(String key, double value) {
        put(key, number(value));
    }

    void put(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    void comment(String text) {
        out.println("# " + text);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }
}
