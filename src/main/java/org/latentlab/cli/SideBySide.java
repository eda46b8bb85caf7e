package org.latentlab.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The table of {@code bench --vs-pytorch}: per workload the lab's and PyTorch's rates over alternating rounds, their
 * medians and ranges, and the ratio of the medians (lab speed / PyTorch speed: above 1 the lab is faster). Rates are
 * kept as operations per second whatever the unit the row is read in, so that the ratio means the same in every
 * row. Printed as a Markdown table, which reads in a terminal and pastes into a document as it is.
 */
final class SideBySide {

    /** How a row is read: a rate (it/s) for training, a time per operation for the geometry workloads. */
    enum Unit {
        PER_SECOND("it/s"), MILLIS("ms"), SECONDS("s");

        final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** A rate in operations per second, in this unit. */
        double of(double rate) {
            return switch (this) {
                case PER_SECOND -> rate;
                case MILLIS -> 1000 / rate;
                case SECONDS -> 1 / rate;
            };
        }
    }

    /**
     * One workload.
     *
     * @param workload what was measured, as a person reads it
     * @param unit     how the rates are shown
     * @param lab      the lab's rate in each round (operations per second)
     * @param pytorch  PyTorch's rate in each round; empty when PyTorch could not run it
     * @param note     why PyTorch has no figure, or empty
     */
    record Row(String workload, Unit unit, double[] lab, double[] pytorch, String note) {
        Row {
            if (lab.length == 0) {
                throw new IllegalArgumentException("a row needs at least one round of the lab");
            }
            lab = lab.clone();
            pytorch = pytorch.clone();
        }

        /** Lab speed over PyTorch speed (medians); NaN without PyTorch rounds. */
        double ratio() {
            return pytorch.length == 0 ? Double.NaN : median(lab) / median(pytorch);
        }
    }

    private SideBySide() {
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values");
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** "120 it/s (111–125)": the median and the range of the rounds in the row's unit. */
    static String cell(double[] rates, Unit unit) {
        if (rates.length == 0) {
            return "—";
        }
        double a = unit.of(Arrays.stream(rates).min().getAsDouble());
        double b = unit.of(Arrays.stream(rates).max().getAsDouble());
        String median = number(unit.of(median(rates))) + " " + unit.symbol;
        return rates.length == 1 ? median
                : median + " (" + number(Math.min(a, b)) + "–" + number(Math.max(a, b)) + ")";
    }

    /** Three significant figures or so: 1234, 123, 12.3, 1.23, 0.123. */
    static String number(double v) {
        double m = Math.abs(v);
        String format = m >= 100 ? "%.0f" : m >= 10 ? "%.1f" : m >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, v);
    }

    /** "0.35x", or "—" without PyTorch. */
    static String ratio(Row row) {
        double r = row.ratio();
        return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, r >= 10 ? "%.0fx" : "%.2fx", r);
    }

    /** The rows as a Markdown table, columns padded to line up in a terminal. */
    static String table(List<Row> rows) {
        String[] head = {"workload", "lab, median (range)", "PyTorch, median (range)", "ratio"};
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = head;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String torch = r.pytorch().length == 0 && !r.note().isEmpty() ? "— (" + r.note() + ")"
                    : cell(r.pytorch(), r.unit());
            cells[i + 1] = new String[] {r.workload(), cell(r.lab(), r.unit()), torch, ratio(r)};
        }
        int[] width = new int[head.length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line(out, cells[i], width);
            if (i == 0) {
                String[] rule = new String[width.length];
                for (int c = 0; c < rule.length; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                line(out, rule, width);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        out.append('|');
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(width[c] - cells[c].length());
            out.append(' ').append(c == 0 ? cells[c] + pad : pad + cells[c]).append(" |");
        }
        out.append(System.lineSeparator());
    }
}
