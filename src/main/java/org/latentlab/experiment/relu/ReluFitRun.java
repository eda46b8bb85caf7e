package org.latentlab.experiment.relu;

import org.latentlab.analysis.relu.LinearPieces;
import org.latentlab.analysis.relu.LinearRegions;
import org.latentlab.analysis.relu.ReluNet;
import org.latentlab.analysis.relu.ReluRegression;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;

import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one fit on the calling thread, which owns the net: full-batch Adam on the spec's points, a status
 * (with the net's exact pieces or regions) published every {@code everyMillis} and at the end. Stops when the
 * monitor asks (throwing {@link Monitor.Cancelled}) or when the loss stops being finite.
 */
public final class ReluFitRun {

    private ReluFitRun() {
    }

    /** Runs the fit, publishing statuses; returns the last. */
    public static ReluFitStatus run(ReluFitSpec spec, Monitor monitor, Consumer<ReluFitStatus> publish,
                                    long everyMillis) {
        double[][] xs = spec.trainingInputs();
        double[] ys = spec.target().values(xs);
        ReluRegression fit = new ReluRegression(ReluNet.random(spec.sizes(), 0.1, new Random(spec.seed())), xs, ys,
                spec.learningRate());
        long start = System.nanoTime();
        long last = start;
        ReluFitStatus status = status(spec, 0, fit.lossAndGradient(), fit.net(), start);
        publish.accept(status);
        for (int i = 1; i <= spec.iterations(); i++) {
            double loss = fit.step();
            if (!Double.isFinite(loss)) {
                throw new LabException(String.format(Locale.ROOT, "the fit of %s blew up at step %d (loss %s): lower"
                        + " the learning rate %s", spec.function(), i, loss, spec.learningRate()));
            }
            long now = System.nanoTime();
            if ((now - last) / 1_000_000 >= everyMillis || i == spec.iterations()) {
                monitor.checkCancelled();
                double current = i == spec.iterations() ? fit.lossAndGradient() : loss;
                status = status(spec, i, current, fit.net(), start);
                publish.accept(status);
                monitor.progress((double) i / spec.iterations(), String.format(Locale.ROOT,
                        "step %,d of %,d: loss %.3g, %d %s", i, spec.iterations(), current, status.count(),
                        spec.inputs() == 1 ? "pieces" : "regions"));
                last = System.nanoTime();
            }
        }
        return status;
    }

    private static ReluFitStatus status(ReluFitSpec spec, long i, double loss, ReluNet net, long start) {
        LinearPieces pieces = spec.inputs() == 1 ? LinearPieces.of(net, spec.lo(), spec.hi()) : null;
        LinearRegions regions = spec.inputs() == 2 ? LinearRegions.of(net, spec.lo(), spec.hi(), spec.lo(),
                spec.hi()) : null;
        return new ReluFitStatus(spec, i, loss, net, pieces, regions, (System.nanoTime() - start) / 1e9);
    }
}
