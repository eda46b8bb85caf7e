package org.latentlab.experiment.relu;

import org.latentlab.analysis.relu.Constructions;
import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.ReluNet;
import org.latentlab.analysis.relu.ReluRegression;
import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deep against shallow for x² on [0, 1], error against parameters (Yarotsky 2017, section 3.1; Telgarsky 2016):
 * the constructions (Yarotsky's m layers of 3 units, error 2^(−2m−2), exponential in the parameter count; the
 * one-layer interpolant of n units, error 1/(4n²), polynomial) and nets of both shapes trained by Adam at matched
 * parameter counts. Every error is the exact sup over [0, 1], from the net's linear pieces.
 *
 * @param rows one row per net
 */
public record DeepVsShallow(List<Row> rows) {

    /** How a net was made. */
    public enum Kind {
        DEEP_CONSTRUCTED("deep, constructed (Yarotsky)"),
        SHALLOW_CONSTRUCTED("one layer, constructed (interpolant)"),
        DEEP_TRAINED("deep, trained"),
        SHALLOW_TRAINED("one layer, trained");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One net.
     *
     * @param kind       how it was made
     * @param depth      hidden layers
     * @param width      units per layer
     * @param parameters its parameter count
     * @param pieces     its linear pieces on [0, 1]
     * @param supError   sup |net − x²| on [0, 1] (trained: the best of the initialisations)
     * @param bound      the closed form of a construction, NaN for a trained net
     */
    public record Row(Kind kind, int depth, int width, int parameters, int pieces, double supError, double bound) {
    }

    public DeepVsShallow {
        rows = List.copyOf(rows);
    }

    /**
     * @param maxLayers      constructions up to this many layers (and interpolants of up to 2^maxLayers units)
     * @param trainedWidth   width of the trained deep nets
     * @param maxTrainedDepth trained deep nets of 2..this many layers, each with a one-layer net of equal size
     * @param seeds          initialisations per trained net (the best is kept)
     * @param iterations     Adam steps per training
     */
    public static DeepVsShallow run(int maxLayers, int trainedWidth, int maxTrainedDepth, int seeds,
                                    int iterations, Monitor monitor) {
        List<Row> rows = new ArrayList<>();
        for (int m = 1; m <= maxLayers; m++) {
            rows.add(row(Kind.DEEP_CONSTRUCTED, Constructions.deepSquare(m), m, 3,
                    Constructions.deepSquareError(m)));
            int n = 1 << m;
            rows.add(row(Kind.SHALLOW_CONSTRUCTED, Constructions.shallowSquare(n), 1, n,
                    Constructions.shallowSquareError(n)));
        }
        double[][] xs = ReluRegression.grid1(0, 1, 256);
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = xs[i][0] * xs[i][0];
        }
        int jobs = 2 * (maxTrainedDepth - 1) * seeds;
        int done = 0;
        for (int depth = 2; depth <= maxTrainedDepth; depth++) {
            int[] deep = ReluNet.sizes(1, depth, trainedWidth);
            int n = PieceSweep.widthFor(1, 1, ReluNet.parameterCount(deep));
            for (boolean isDeep : new boolean[] {true, false}) {
                int[] sizes = isDeep ? deep : ReluNet.sizes(1, 1, n);
                ReluNet best = null;
                double bestError = Double.POSITIVE_INFINITY;
                for (int s = 0; s < seeds; s++) {
                    monitor.checkCancelled();
                    monitor.progress(done++ / (double) jobs, String.format(Locale.ROOT, "training %s, %d of %d",
                            new ReluNet(sizes, new double[ReluNet.parameterCount(sizes)]), done, jobs));
                    ReluNet net = ReluRegression.fit(sizes, xs, ys, 0.005, iterations, 7000L * depth + s);
                    double e = Constructions.supErrorToSquare(net, 0, 1);
                    if (e < bestError) {
                        bestError = e;
                        best = net;
                    }
                }
                rows.add(row(isDeep ? Kind.DEEP_TRAINED : Kind.SHALLOW_TRAINED, best, sizes.length - 2,
                        sizes[1], Double.NaN));
            }
        }
        monitor.progress(1, "done");
        return new DeepVsShallow(rows);
    }

    private static Row row(Kind kind, ReluNet net, int depth, int width, double bound) {
        return new Row(kind, depth, width, net.parameterCount(), LinearPieces.of(net, 0, 1).pieces(),
                Constructions.supErrorToSquare(net, 0, 1), bound);
    }

    /** The rows of one kind. */
    public List<Row> of(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }
}
