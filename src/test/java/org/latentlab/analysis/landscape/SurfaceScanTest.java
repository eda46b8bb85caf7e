package org.latentlab.analysis.landscape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.analysis.Nets;
import org.latentlab.analysis.hessian.SupervisedObjective;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.train.DoublePrecision;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Surface scans: values on a toy plane, resuming after a stop (by count and by cancellation) through CSV. */
@ExtendWith(DoublePrecision.class)
class SurfaceScanTest {

    @TempDir
    Path dir;

    @Test
    void bowlScanHoldsTheFormulaAtEveryCell() {
        SurfaceScan s = SurfaceScan.create(ScanPlane.axes(new double[2], 0, 1), -2, 2, 5)
                .run(ToyFunction.BOWL, Monitor.NONE);
        assertTrue(s.isComplete());
        double[] a = s.a();
        double[] b = s.b();
        for (int j = 0; j < b.length; j++) {
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i] * a[i] + 3 * b[j] * b[j], s.loss(j, i), 1e-12);
            }
        }
        assertArrayEquals(new double[] {0, 16}, s.range(), 1e-12);
    }

    private static SupervisedObjective mlp() {
        return new SupervisedObjective(Nets.softmaxMlp(5, 7, 3, 13), Nets.uniform(2, 30, 5, 1),
                Nets.oneHot(3, 30, 3));
    }

    @Test
    void aScanStoppedSavedAndLoadedFinishesAsTheFullScan() {
        SupervisedObjective o = mlp();
        ScanPlane plane = ScanPlane.filterNormalized(o.layout(), o.initialPoint(), 17);
        SurfaceScan full = SurfaceScan.create(plane, -1, 1, 9).run(o, Monitor.NONE);

        SurfaceScan half = SurfaceScan.create(plane, -1, 1, 9).run(o, 40, Monitor.NONE);
        assertEquals(40, half.computed());
        assertFalse(half.isComplete());
        assertTrue(Double.isNaN(half.loss(8, 8)) && !half.isComputed(8, 8), "pending cells are marked");
        Path file = dir.resolve("scan.csv");
        half.writeCsv(file);

        SurfaceScan resumed = SurfaceScan.readCsv(file, plane);
        assertEquals(40, resumed.computed());
        resumed.run(o, Monitor.NONE);
        assertTrue(resumed.isComplete());
        double[][] expected = full.values();
        double[][] actual = resumed.values();
        for (int j = 0; j < expected.length; j++) {
            assertArrayEquals(expected[j], actual[j], 0, "row " + j);
        }
    }

    @Test
    void aCancelledScanKeepsItsCellsAndResumes() {
        SupervisedObjective o = mlp();
        ScanPlane plane = ScanPlane.filterNormalized(o.layout(), o.initialPoint(), 18);
        int[] reported = {0};
        Monitor stopAfter25 = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                reported[0]++;
            }

            @Override
            public boolean isCancelled() {
                return reported[0] >= 25;
            }
        };
        SurfaceScan scan = SurfaceScan.create(plane, -0.5, 0.5, 7, -1, 1, 6);
        assertThrows(Monitor.Cancelled.class, () -> scan.run(o, stopAfter25));
        assertEquals(25, scan.computed());
        Path file = dir.resolve("cancelled.csv");
        scan.writeCsv(file);
        SurfaceScan resumed = SurfaceScan.readCsv(file, plane).run(o, Monitor.NONE);
        SurfaceScan full = SurfaceScan.create(plane, -0.5, 0.5, 7, -1, 1, 6).run(o, Monitor.NONE);
        assertEquals(42, resumed.computed());
        for (int j = 0; j < 6; j++) {
            assertArrayEquals(full.values()[j], resumed.values()[j], 0);
        }
    }

    @Test
    void aScanResumesOnlyOnItsOwnPlane() throws Exception {
        SupervisedObjective o = mlp();
        ScanPlane plane = ScanPlane.filterNormalized(o.layout(), o.initialPoint(), 19);
        Path file = dir.resolve("scan.csv");
        SurfaceScan.create(plane, -1, 1, 4).run(o, 3, Monitor.NONE).writeCsv(file);
        ScanPlane other = ScanPlane.filterNormalized(o.layout(), o.initialPoint(), 20);
        LabException e = assertThrows(LabException.class, () -> SurfaceScan.readCsv(file, other));
        assertTrue(e.getMessage().contains("another plane"), e.getMessage());
        Path saved = dir.resolve("plane.txt");
        plane.write(saved);
        ScanPlane back = ScanPlane.read(saved);
        assertEquals(plane.fingerprint(), back.fingerprint());
        assertEquals(plane.label(), back.label());
        assertEquals(3, SurfaceScan.readCsv(file, back).computed());
        assertTrue(Files.readString(file).contains("row,column,a,b,loss"));
    }

    @Test
    void hessianPlaneOfTheBowlIsItsAxesSteepestFirst() {
        ScanPlane p = ScanPlane.hessianEigenvectors(ToyFunction.BOWL, new double[] {0.3, 0.2}, 1, Monitor.NONE);
        assertEquals(1, Math.abs(p.d1()[1]), 1e-8, "the curvature 6 lies along y");
        assertEquals(1, Math.abs(p.d2()[0]), 1e-8);
    }

    @Test
    void lineScanFollowsTheSegmentAndBeyond() {
        double[] from = {-1, 1};
        double[] to = {1, 0};
        LineScan s = LineScan.between(ToyFunction.BOWL, from, to, 9, Monitor.NONE);
        assertEquals(-0.5, s.alpha()[0], 0);
        assertEquals(1.5, s.alpha()[8], 0);
        for (int i = 0; i < 9; i++) {
            double t = s.alpha()[i];
            double x = (1 - t) * from[0] + t * to[0];
            double y = (1 - t) * from[1] + t * to[1];
            assertEquals(x * x + 3 * y * y, s.loss()[i], 1e-12);
        }
        SupervisedObjective o = mlp();
        double[] theta0 = o.initialPoint();
        double[] theta1 = org.latentlab.analysis.Vectors.addScaled(theta0, -1, o.gradient(theta0));
        LineScan n = LineScan.between(o, theta0, theta1, 0, 1, 3, Monitor.NONE);
        assertEquals(o.loss(theta0), n.loss()[0], 1e-12);
        assertEquals(o.loss(theta1), n.loss()[2], 1e-12);
        assertTrue(n.loss()[2] < n.loss()[0], "a gradient step lowers the loss");
    }

    @Test
    void aScanIsWrittenIntoAFolderThatDoesNotExistYet() {
        SurfaceScan s = SurfaceScan.create(ScanPlane.axes(new double[2], 0, 1), -1, 1, 3)
                .run(ToyFunction.BOWL, Monitor.NONE);
        Path file = dir.resolve("checkpoints/iter-5/analysis/scan.csv");
        s.writeCsv(file);
        SurfaceScan back = SurfaceScan.readCsv(file, s.plane());
        assertTrue(back.isComplete());
        assertEquals(s.loss(2, 2), back.loss(2, 2), 0);
    }

    @Test
    void aScanWrittenByAnEarlierVersionStillResumesAndADamagedRowNamesItsLine() throws Exception {
        ScanPlane plane = ScanPlane.axes(new double[2], 0, 1);
        SurfaceScan s = SurfaceScan.create(plane, -1, 1, 3).run(ToyFunction.BOWL, 4, Monitor.NONE);
        Path file = dir.resolve("scan.csv");
        s.writeCsv(file);
        String text = Files.readString(file);
        assertTrue(text.startsWith("# latent-lab surface scan\n# plane: axes 0, 1\n# fingerprint: "), text);
        assertTrue(text.contains("\nrow,column,a,b,loss\n0,0,-1.0,-1.0,4.0\n"), text);
        assertTrue(text.endsWith("\n2,2,1.0,1.0,\n"), text);
        assertEquals(4, SurfaceScan.readCsv(file, plane).computed());

        Files.writeString(file, text.replace("\n0,1,", "\n0,1,0.0\n"));
        LabException e = assertThrows(LabException.class, () -> SurfaceScan.readCsv(file, plane));
        assertEquals(file + " line 7: a cell row needs 5 fields (row,column,a,b,loss) but has 3", e.getMessage());
    }

    @Test
    void aPlaneFileKeepsItsLabelLineAndNamesADamagedLine() throws Exception {
        ScanPlane plane = ScanPlane.axes(new double[] {0.5, -2}, 0, 1);
        Path file = dir.resolve("plane.txt");
        plane.write(file);
        assertEquals("axes 0, 1\n0.5,-2.0\n1.0,0.0\n0.0,1.0\n", Files.readString(file));
        Files.writeString(file, "axes 0, 1\n0.5,-2.0\n1.0,x\n0.0,1.0\n");
        LabException e = assertThrows(LabException.class, () -> ScanPlane.read(file));
        assertTrue(e.getMessage().startsWith(file + " line 3, column 2: 'x' is not a number"), e.getMessage());
    }
}
