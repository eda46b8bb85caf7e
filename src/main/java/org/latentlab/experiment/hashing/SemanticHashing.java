package org.latentlab.experiment.hashing;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.metrics.BinaryCodes;
import org.latentlab.metrics.HammingRetrieval;
import org.latentlab.metrics.NearestNeighbours;
import org.latentlab.metrics.NearestNeighboursResult;
import org.latentlab.metrics.PrecisionAtK;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic hashing with a saved autoencoder whose code layer is logistic (Salakhutdinov and Hinton 2009, "Semantic
 * hashing"): the held-out images are the queries, a part of the training images the database; every image's code
 * is thresholded at 0.5 into bits, and each query retrieves the k database images nearest by Hamming distance on
 * the bits, by Euclidean distance on the pixels, and by Euclidean distance on the real-valued code. Precision at k
 * (the share of retrieved images of the query's class, averaged over the queries) measures each. How binary the
 * code is shows in its activations before thresholding: the share within {@value #NEAR} of 0 or 1, and their
 * histogram.
 *
 * @param model           the model, for a person
 * @param bits            code length
 * @param queries         how many queries
 * @param database        how many database images
 * @param k               images retrieved per query
 * @param hamming         precision at k by Hamming distance on the bits
 * @param pixels          precision at k by Euclidean distance on the pixels
 * @param realCode        precision at k by Euclidean distance on the real-valued code
 * @param nearBinary      share of the database codes' activations within {@value #NEAR} of 0 or 1
 * @param histogram       the database codes' activations counted in {@value #BINS} equal bins over [0, 1]
 * @param rows            the first queries with their retrieved images
 * @param imageShape      the images' shape (channels, height, width)
 * @param hammingNearest  every query's retrieved database indices by Hamming distance
 * @param pixelNearest    the same by pixel distance
 * @param queryLabels     every query's class
 * @param databaseLabels  every database image's class
 */
public record SemanticHashing(String model, int bits, int queries, int database, int k, double hamming,
                              double pixels, double realCode, double nearBinary, long[] histogram,
                              List<HashingRow> rows, int[] imageShape, int[][] hammingNearest, int[][] pixelNearest,
                              int[] queryLabels, int[] databaseLabels) {

    /** A code activation counts as binary within this distance of 0 or 1. */
    public static final double NEAR = 0.1;
    /** Histogram bins over [0, 1]. */
    public static final int BINS = 20;
    private static final int BATCH = 500;

    /**
     * Opens {@code run} (a run or checkpoint folder) and retrieves for up to {@code queryCount} held-out images among
     * the first {@code databaseCount} training images, showing {@code shown} queries.
     *
     * @throws LabException for a run that is not an autoencoder with a logistic code on labelled images
     */
    public static SemanticHashing run(Path run, int queryCount, int databaseCount, int k, int shown,
                                      Monitor monitor) {
        if (queryCount < 1 || databaseCount < k || k < 1 || shown < 0) {
            throw new IllegalArgumentException("semantic hashing needs at least one query, k >= 1 and a database of"
                    + " at least k images");
        }
        monitor.progress(0, "opening the run");
        SavedModel saved = SavedModel.open(run);
        if (saved.kind() != Family.AUTOENCODER) {
            throw new LabException(saved.name() + " is a " + saved.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " run: semantic hashing thresholds an autoencoder's logistic code; train mnist-hash");
        }
        ExampleSet heldOut = saved.heldOut();
        DataSource train = saved.trainingData();
        if (heldOut == null || heldOut.size() == 0 || !(train instanceof ExampleSet trainSet)
                || !heldOut.hasLabels() || !trainSet.hasLabels()) {
            throw new LabException(saved.name() + " has no labelled held-out and training images: precision needs"
                    + " the classes of a labelled image set such as MNIST");
        }
        int nq = Math.min(queryCount, heldOut.size());
        int nd = Math.min(databaseCount, trainSet.size());
        if (nd < k) {
            throw new LabException(saved.name() + " has " + nd + " training images, fewer than k = " + k);
        }
        MultiLayerNetwork encoder = saved.encoder();
        float[][] q = images(heldOut, nq);
        float[][] db = images(trainSet, nd);
        int[] ql = labels(heldOut, nq);
        int[] dl = labels(trainSet, nd);
        monitor.progress(0.05, "encoding " + nq + " queries and " + nd + " database images");
        double[][] qc = encode(encoder, q);
        double[][] dc = encode(encoder, db);
        int bits = qc[0].length;
        requireLogistic(dc, saved.name());
        BinaryCodes qb = BinaryCodes.threshold(flat(qc), nq, bits, 0.5);
        BinaryCodes dbb = BinaryCodes.threshold(flat(dc), nd, bits, 0.5);
        checkCancelled(monitor);
        monitor.progress(0.15, "retrieving by Hamming distance on " + bits + "-bit codes");
        NearestNeighboursResult byBits = HammingRetrieval.search(qb, dbb, k);
        monitor.progress(0.2, "retrieving by Euclidean distance on the real-valued codes");
        NearestNeighboursResult byCode = NearestNeighbours.search(qc, dc, k);
        checkCancelled(monitor);
        monitor.progress(0.25, "retrieving by Euclidean distance on the pixels (" + nq + " x " + nd + " images)");
        NearestNeighboursResult byPixels = pixelSearch(q, db, k, monitor);
        double hamming = PrecisionAtK.mean(byBits.indices(), ql, dl, k);
        double pixels = PrecisionAtK.mean(byPixels.indices(), ql, dl, k);
        double real = PrecisionAtK.mean(byCode.indices(), ql, dl, k);
        long[] histogram = new long[BINS];
        long near = 0;
        for (double[] row : dc) {
            for (double v : row) {
                histogram[Math.min(BINS - 1, (int) (v * BINS))]++;
                near += v <= NEAR || v >= 1 - NEAR ? 1 : 0;
            }
        }
        List<HashingRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(shown, nq); i++) {
            int[] h = byBits.indicesOf(i);
            int[] p = byPixels.indicesOf(i);
            int[] hd = new int[k];
            for (int j = 0; j < k; j++) {
                hd[j] = (int) byBits.distancesOf(i)[j];
            }
            rows.add(new HashingRow(q[i], ql[i], pick(db, h), pick(dl, h), hd, pick(db, p), pick(dl, p)));
        }
        monitor.progress(1, "done");
        return new SemanticHashing(saved.toString(), bits, nq, nd, k, hamming, pixels, real,
                (double) near / ((long) nd * bits), histogram, List.copyOf(rows), saved.data().shape(),
                byBits.indices(), byPixels.indices(), ql, dl);
    }

    private static NearestNeighboursResult pixelSearch(float[][] q, float[][] db, int k, Monitor monitor) {
        double[][] ref = new double[db.length][];
        for (int i = 0; i < db.length; i++) {
            ref[i] = toDouble(db[i]);
        }
        int[][] indices = new int[q.length][];
        double[][] distances = new double[q.length][];
        int chunk = 25;
        for (int from = 0; from < q.length; from += chunk) {
            checkCancelled(monitor);
            int to = Math.min(q.length, from + chunk);
            double[][] part = new double[to - from][];
            for (int i = from; i < to; i++) {
                part[i - from] = toDouble(q[i]);
            }
            NearestNeighboursResult r = NearestNeighbours.search(part, ref, k);
            for (int i = from; i < to; i++) {
                indices[i] = r.indicesOf(i - from);
                distances[i] = r.distancesOf(i - from);
            }
            monitor.progress(0.25 + 0.75 * to / q.length, "retrieving by pixel distance: " + to + " of " + q.length
                    + " queries");
        }
        return new NearestNeighboursResult(indices, distances);
    }

    private static void requireLogistic(double[][] codes, String name) {
        for (double[] row : codes) {
            for (double v : row) {
                if (!(v >= 0 && v <= 1)) {
                    throw new LabException(name + "'s code has values outside [0, 1] (" + v + "): semantic hashing"
                            + " thresholds a logistic code at 0.5; give the encoder's last layer sigmoid activation"
                            + " (as mnist-hash does)");
                }
            }
        }
    }

    private static double[][] encode(MultiLayerNetwork encoder, float[][] images) {
        int d = images[0].length;
        double[][] out = new double[images.length][];
        for (int from = 0; from < images.length; from += BATCH) {
            int m = Math.min(BATCH, images.length - from);
            float[] batch = new float[m * d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(images[from + i], 0, batch, i * d, d);
            }
            INDArray x = Nd4j.create(batch, new long[] {m, d}, 'c').castTo(encoder.params().dataType());
            double[][] c = encoder.output(x, false).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
            System.arraycopy(c, 0, out, from, m);
        }
        return out;
    }

    private static float[][] images(ExampleSet set, int n) {
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = set.example(i);
        }
        return x;
    }

    private static int[] labels(ExampleSet set, int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = set.label(i);
        }
        return l;
    }

    private static double[] flat(double[][] rows) {
        int w = rows[0].length;
        double[] f = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * w, w);
        }
        return f;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static float[][] pick(float[][] images, int[] idx) {
        float[][] out = new float[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = images[idx[i]];
        }
        return out;
    }

    private static int[] pick(int[] labels, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = labels[idx[i]];
        }
        return out;
    }

    private static void checkCancelled(Monitor monitor) {
        if (monitor.isCancelled()) {
            throw new Monitor.Cancelled();
        }
    }
}
