package org.latentlab.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named metric values measured at one iteration (mode coverage, high-quality fraction, reverse KL, diversity...).
 * Keys keep their insertion order so that CSV columns and chart series are stable.
 */
public record Evaluation(long iteration, Map<String, Double> values) {

    public Evaluation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
