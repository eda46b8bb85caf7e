package org.latentlab.experiment.pca;

import org.latentlab.core.AtomicFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of a pretraining comparison: {@value #CURVES_CSV} (every run's held-out curve), {@value #TABLE_CSV} and
 * {@value #TABLE_MD} (final held-out error per initialisation, mean ± sample sd over seeds) and {@value #CURVES_PNG}
 * (the curves overlaid). Each written atomically.
 */
public final class PretrainingFiles {

    public static final String CURVES_CSV = "pretraining-curves.csv";
    public static final String TABLE_CSV = "pretraining-table.csv";
    public static final String TABLE_MD = "pretraining-table.md";
    public static final String CURVES_PNG = "pretraining-curves.png";

    private PretrainingFiles() {
    }

    /** Writes the four files into {@code dir}; returns their paths. */
    public static List<Path> write(PretrainingComparison c, List<PretrainingRun> runs, Path dir) {
        PretrainingTable t = PretrainingTable.of(runs);
        Path curves = dir.resolve(CURVES_CSV);
        AtomicFiles.writeString(curves, curvesCsv(runs));
        Path table = dir.resolve(TABLE_CSV);
        AtomicFiles.writeString(table, tableCsv(t));
        Path md = dir.resolve(TABLE_MD);
        AtomicFiles.writeString(md, markdown(c, t));
        Path png = dir.resolve(CURVES_PNG);
        PcaFiles.writeChart(PcaCharts.curves(runs, title(c)), png, 900, 560);
        return List.of(curves, table, md, png);
    }

    /** "mnist-deep-ae: 2000 fine-tuning iterations, 3 seeds". */
    public static String title(PretrainingComparison c) {
        return String.format(Locale.ROOT, "%s: held-out error over %d fine-tuning iterations, %d seed%s",
                c.spec().name(), c.fineTune(), c.seeds().size(), c.seeds().size() == 1 ? "" : "s");
    }

    static String curvesCsv(List<PretrainingRun> runs) {
        StringBuilder b = new StringBuilder("initialisation,seed,fine_tuning_iteration,held_out_mse_per_pixel\n");
        for (PretrainingRun r : runs) {
            long[] it = r.curve().iterations();
            double[] e = r.curve().errors();
            for (int i = 0; i < it.length; i++) {
                b.append(r.initialisation().id()).append(',').append(r.seed()).append(',').append(it[i]).append(',')
                        .append(e[i]).append('\n');
            }
        }
        return b.toString();
    }

    static String tableCsv(PretrainingTable t) {
        StringBuilder b = new StringBuilder("initialisation,seeds,final_mse_mean,final_mse_sd,mean_seconds\n");
        for (PretrainingTable.Row r : t.rows()) {
            b.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%.1f%n", r.initialisation().id(), r.finalError().n(),
                    r.finalError().mean(), r.finalError().sd(), r.meanSeconds()));
        }
        return b.toString();
    }

    static String markdown(PretrainingComparison c, PretrainingTable t) {
        StringBuilder b = new StringBuilder(title(c)).append(String.format(Locale.ROOT,
                ", held-out error on %d images%n%n", c.probeSize()));
        b.append("| initialisation | final held-out MSE per pixel (mean ± sd) | seeds | wall time per run |\n")
                .append("|---|---|---|---|\n");
        for (PretrainingTable.Row r : t.rows()) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f s |%n",
                    PretrainingRun.label(r.initialisation()), r.finalError(), r.finalError().n(), r.meanSeconds()));
        }
        return b.toString();
    }
}
