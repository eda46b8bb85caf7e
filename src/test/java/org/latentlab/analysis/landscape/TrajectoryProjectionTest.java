package org.latentlab.analysis.landscape;

import org.junit.jupiter.api.Test;
import org.latentlab.analysis.Vectors;
import org.latentlab.core.LabException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trajectories drawn in a plane: exact coordinates for points on the plane, PCA of a known planar spiral. */
class TrajectoryProjectionTest {

    private static final int N = 40;

    @Test
    void pointsOnAPlaneGetTheirCoordinatesBack() {
        Random r = new Random(1);
        double[] origin = Vectors.gaussian(N, r);
        double[] d1 = Vectors.gaussian(N, r);
        double[] d2 = Vectors.addScaled(Vectors.gaussian(N, r), 0.5, d1); // not orthogonal
        ScanPlane plane = new ScanPlane(origin, d1, d2, "test");
        List<double[]> path = new ArrayList<>();
        double[][] ab = {{0.5, -1}, {2, 0.25}, {-1, 3}};
        for (double[] c : ab) {
            path.add(plane.point(c[0], c[1]));
        }
        TrajectoryProjection p = TrajectoryProjection.onto(plane, path);
        for (int i = 0; i < ab.length; i++) {
            assertEquals(ab[i][0], p.a()[i], 1e-10);
            assertEquals(ab[i][1], p.b()[i], 1e-10);
        }
        assertEquals(1, p.explainedVariance()[0], 1e-10);
    }

    @Test
    void projectionIsWrittenAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        double[] o = new double[N];
        double[] e1 = new double[N];
        double[] e2 = new double[N];
        e1[0] = 1;
        e2[1] = 1;
        ScanPlane plane = new ScanPlane(o, e1, e2, "axes");
        TrajectoryProjection p = TrajectoryProjection.onto(plane, List.of(plane.point(1, 2), plane.point(-0.5, 0)));
        java.nio.file.Path file = dir.resolve("path.csv");
        p.writeCsv(file);
        List<String> lines = java.nio.file.Files.readAllLines(file);
        assertEquals(List.of("checkpoint,a,b", "0,1.0,2.0", "1,-0.5,0.0"), lines.subList(2, 5));
    }

    @Test
    void pcaOfASpiralFindsItsPlaneAndItsShape() {
        Random r = new Random(2);
        double[] u = Vectors.normalize(Vectors.gaussian(N, r));
        double[] w = Vectors.gaussian(N, r);
        w = Vectors.normalize(Vectors.addScaled(w, -Vectors.dot(w, u), u));
        double[] end = Vectors.gaussian(N, r);
        List<double[]> path = new ArrayList<>();
        int m = 30;
        for (int i = 0; i < m; i++) {
            double radius = 3.0 * (m - 1 - i) / (m - 1);
            double angle = 0.3 * i;
            double[] p = Vectors.addScaled(end, 2 * radius * Math.cos(angle), u);
            Vectors.addScaledInPlace(p, radius * Math.sin(angle), w);
            path.add(p);
        }
        TrajectoryProjection p = TrajectoryProjection.pca(path);
        assertEquals(1, p.explainedVariance()[0] + p.explainedVariance()[1], 1e-9, "the spiral is planar");
        assertTrue(p.explainedVariance()[0] > p.explainedVariance()[1]);
        // the directions span {u, w}, and the projection keeps all distances
        for (double[] d : new double[][] {p.plane().d1(), p.plane().d2()}) {
            assertEquals(1, Math.hypot(Vectors.dot(d, u), Vectors.dot(d, w)), 1e-9);
        }
        for (int i = 0; i < m; i += 7) {
            double dist = Vectors.norm(Vectors.subtract(path.get(i), end));
            assertEquals(dist, Math.hypot(p.a()[i], p.b()[i]), 1e-9);
        }
        assertEquals(0, p.a()[m - 1], 0, "the final point is the origin");
        // noise off the plane lowers the explained fraction
        List<double[]> noisy = new ArrayList<>();
        for (double[] q : path) {
            noisy.add(Vectors.addScaled(q, 0.3, Vectors.gaussian(N, r)));
        }
        TrajectoryProjection pn = TrajectoryProjection.pca(noisy);
        assertTrue(pn.explainedVariance()[0] + pn.explainedVariance()[1] < 0.99);
    }

    @Test
    void aStraightTrajectoryHasNoPlane() {
        double[] a = new double[N];
        List<double[]> line = List.of(Vectors.scale(a, 0), fill(1), fill(2), fill(3));
        LabException e = assertThrows(LabException.class, () -> TrajectoryProjection.pca(line));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    private static double[] fill(double v) {
        double[] x = new double[N];
        java.util.Arrays.fill(x, v);
        return x;
    }
}
