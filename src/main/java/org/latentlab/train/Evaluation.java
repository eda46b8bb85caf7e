package org.latentlab.train;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What was measured of a model at one iteration (mode coverage, held-out loss, diversity...), keyed by {@link
 * Metric}. Values come in the metrics' declared order, so that CSV columns and chart series are stable.
 */
public record Evaluation(long iteration, Map<Metric, Double> values) {

    public Evaluation {
        EnumMap<Metric, Double> ordered = new EnumMap<>(Metric.class);
        ordered.putAll(values);
        values = Collections.unmodifiableMap(ordered);
    }

    /** The value of {@code metric}, or NaN when it was not measured. */
    public double get(Metric metric) {
        Double v = values.get(metric);
        return v == null ? Double.NaN : v;
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }
}
