package org.latentlab.experiment.pca;

import org.latentlab.train.ae.AutoencoderSettings.Pretraining;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The final held-out errors of the runs of a pretraining comparison, per initialisation: the mean and sample
 * standard deviation over seeds, and the mean wall time.
 *
 * @param rows one row per initialisation that has runs, in the order none, autoencoder, RBM
 */
public record PretrainingTable(List<Row> rows) {

    /** One initialisation's statistics. */
    public record Row(Pretraining initialisation, SeedStatistics finalError, double meanSeconds) {
    }

    public PretrainingTable {
        rows = List.copyOf(rows);
    }

    /** The table of {@code runs} (any number per initialisation). */
    public static PretrainingTable of(List<PretrainingRun> runs) {
        Map<Pretraining, List<PretrainingRun>> by = new EnumMap<>(Pretraining.class);
        for (PretrainingRun r : runs) {
            by.computeIfAbsent(r.initialisation(), k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        by.forEach((p, list) -> {
            double[] finals = list.stream().mapToDouble(r -> r.curve().last()).toArray();
            double seconds = list.stream().mapToDouble(PretrainingRun::seconds).average().orElse(0);
            rows.add(new Row(p, SeedStatistics.of(finals), seconds));
        });
        return new PretrainingTable(rows);
    }
}
