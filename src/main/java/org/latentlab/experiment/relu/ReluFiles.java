package org.latentlab.experiment.relu;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.LinearRegions;
import org.latentlab.core.AtomicFiles;
import org.latentlab.data.CsvTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The lecture's files: a fit's curve or surface with its pieces or regions, and the two sweeps, as CSV and PNG. */
public final class ReluFiles {

    private ReluFiles() {
    }

    /** fit.csv (the target and the net on a grid) and pieces.csv or regions.csv; returns the paths written. */
    public static List<Path> writeFit(ReluFitStatus s, Path dir) {
        ReluFitSpec spec = s.spec();
        List<List<?>> rows = new ArrayList<>();
        Path fit = dir.resolve("fit.csv");
        if (spec.inputs() == 1) {
            for (double[] x : org.latentlab.analysis.relu.ReluRegression.grid1(spec.lo(), spec.hi(), 1001)) {
                rows.add(List.of(x[0], spec.target().at(x[0], 0), s.net().output(x[0])));
            }
            CsvTable.write(fit, List.of("x", "target", "net"), rows);
            List<List<?>> segs = new ArrayList<>();
            int i = 0;
            for (LinearPieces.Segment g : s.pieces().segments()) {
                segs.add(List.of(i++, g.from(), g.to(), g.slope(), g.intercept(), bits(g.pattern(),
                        s.net().hiddenUnits())));
            }
            Path pieces = dir.resolve("pieces.csv");
            CsvTable.write(pieces, List.of("segment", "from", "to", "slope", "intercept", "pattern"), segs);
            return List.of(fit, pieces);
        }
        for (double[] x : org.latentlab.analysis.relu.ReluRegression.grid2(spec.lo(), spec.hi(), 101)) {
            rows.add(List.of(x[0], x[1], spec.target().at(x[0], x[1]), s.net().output(x[0], x[1])));
        }
        CsvTable.write(fit, List.of("x", "y", "target", "net"), rows);
        List<List<?>> regs = new ArrayList<>();
        int i = 0;
        for (LinearRegions.Region r : s.regions().regions()) {
            StringBuilder v = new StringBuilder();
            for (int k = 0; k < r.xs().length; k++) {
                v.append(k == 0 ? "" : ";").append(r.xs()[k]).append(' ').append(r.ys()[k]);
            }
            regs.add(List.of(i++, bits(r.pattern(), s.net().hiddenUnits()), r.area(), r.gx(), r.gy(), r.c(),
                    v.toString()));
        }
        Path regions = dir.resolve("regions.csv");
        CsvTable.write(regions, List.of("region", "pattern", "area", "slope_x", "slope_y", "offset", "vertices"),
                regs);
        return List.of(fit, regions);
    }

    /** pieces-vs-depth.csv. */
    public static Path writeSweep(PieceSweep sweep, Path dir) {
        List<List<?>> rows = new ArrayList<>();
        for (PieceSweep.Row r : sweep.rows()) {
            rows.add(List.of(r.depth(), r.width(), r.parameters(), r.initPieces(), r.initSd(), r.trainedPieces(),
                    r.trainedSd(), r.trainedMse(), r.initRegions2d(), r.sawtoothPieces()));
        }
        Path p = dir.resolve("pieces-vs-depth.csv");
        CsvTable.write(p, List.of("depth", "width", "parameters", "pieces_init_mean", "pieces_init_sd",
                "pieces_trained_mean", "pieces_trained_sd", "trained_mse_mean", "regions_2d_init_mean",
                "sawtooth_pieces"), rows);
        return p;
    }

    /** deep-vs-shallow.csv. */
    public static Path writeDeepVsShallow(DeepVsShallow d, Path dir) {
        List<List<?>> rows = new ArrayList<>();
        for (DeepVsShallow.Row r : d.rows()) {
            rows.add(List.of(r.kind().id(), r.depth(), r.width(), r.parameters(), r.pieces(), r.supError(),
                    Double.isNaN(r.bound()) ? "" : r.bound()));
        }
        Path p = dir.resolve("deep-vs-shallow.csv");
        CsvTable.write(p, List.of("kind", "depth", "width", "parameters", "pieces", "sup_error", "closed_form"),
                rows);
        return p;
    }

    /** A chart as a PNG. */
    public static Path writePng(JFreeChart chart, Path file, int width, int height) {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        return file;
    }

    /** A pattern as 0s and 1s, unit 0 first. */
    static String bits(BitSet b, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(b.get(i) ? '1' : '0');
        }
        return s.toString();
    }
}
