package org.latentlab.experiment.geometry;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tangent vectors of a small MNIST autoencoder against the SVD of a finite-difference Jacobian. */
class TangentJobsTest {

    @TempDir
    static Path runs;

    static Path run;

    @BeforeAll
    static void train() {
        Backend.init();
        run = TinyRuns.train(TinyRuns.mnistModel(30), runs);
    }

    @Test
    void singularValuesAndTangentsMatchTheSvdOfAFiniteDifferenceJacobian() {
        SavedModel model = SavedModel.open(run);
        double[] x;
        TangentResult r;
        try (GeometryJobs jobs = new GeometryJobs(model)) {
            r = jobs.tangents(3, 3, Monitor.NONE);
            float[] e = model.heldOut().example(3);
            x = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                x[i] = e[i];
            }
            assertArrayEquals(x, r.input(), 0);
            assertArrayEquals(new int[] {1, 28, 28}, r.shape());
            assertTrue(r.isImage());
            assertArrayEquals(r.reconstruction(), jobs.alongTangent(r, 0, 0), 1e-6);
            double[] moved = jobs.alongTangent(r, 0, 3);
            double change = Vectors.norm(Vectors.subtract(moved, r.reconstruction()));
            assertTrue(change > 1e-3, "moving along a tangent changes the reconstruction: " + change);
            for (double v : r.reconstruction()) {
                assertTrue(v >= 0 && v <= 1, "a Bernoulli decoder's values are probabilities: " + v);
            }
        }
        // the oracle: central differences of the encoder's code in double precision, then commons-math's SVD
        MultiLayerNetwork enc = DoubleNetworks.copy(model.encoder());
        int d = x.length;
        int k = 4;
        double h = 1e-6;
        double[][] j = new double[k][d];
        for (int c = 0; c < d; c++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[c] += h;
            minus[c] -= h;
            double[] cp = enc.output(Nd4j.create(plus, new long[] {1, d}, DataType.DOUBLE), false).toDoubleVector();
            double[] cm = enc.output(Nd4j.create(minus, new long[] {1, d}, DataType.DOUBLE), false).toDoubleVector();
            for (int i = 0; i < k; i++) {
                j[i][c] = (cp[i] - cm[i]) / (2 * h);
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(j));
        double[] sigma = svd.getSingularValues();
        assertEquals(4, r.singularValues().length);
        assertEquals(3, r.tangents().length);
        for (int i = 0; i < 4; i++) {
            assertEquals(sigma[i], r.singularValues()[i], 1e-6 * sigma[0], "singular value " + i);
        }
        for (int i = 0; i < 3; i++) {
            double dot = Math.abs(Vectors.dot(svd.getV().getColumn(i), r.tangents()[i]));
            assertEquals(1, dot, 1e-6, "tangent " + i + " up to sign");
        }
        double frob = 0;
        for (double[] row : j) {
            for (double v : row) {
                frob += v * v;
            }
        }
        assertEquals(Math.sqrt(frob), r.jacobianNorm(), 1e-6 * Math.sqrt(frob));
        float[] picture = r.tangentPicture(0);
        float lo = 1;
        float hi = 0;
        for (float p : picture) {
            lo = Math.min(lo, p);
            hi = Math.max(hi, p);
        }
        assertTrue(lo >= 0 && hi <= 1 && (lo == 0 || hi == 1), "scaled to [0, 1] around grey: " + lo + " " + hi);
    }

    @Test
    void theExactSpectrumIsRefusedForThousandsOfParametersWithWhatToUseInstead() {
        try (GeometryJobs jobs = GeometryJobs.open(run)) {
            LabException e = assertThrows(LabException.class,
                    () -> jobs.hessianFull(new LossSpec(20, LossSpec.defaults().part(), 1), Monitor.NONE));
            assertTrue(e.getMessage().contains("limited to 4000") && e.getMessage().contains("7060")
                    && e.getMessage().contains("--top") && e.getMessage().contains("--density"), e.getMessage());
            e = assertThrows(LabException.class, () -> jobs.tangents(1000, 2, Monitor.NONE));
            assertTrue(e.getMessage().contains("0 to 999"), e.getMessage());
        }
    }
}
