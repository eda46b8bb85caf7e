package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Grids of codes over two dimensions, a principal plane or two directions, and their inverses. */
class LatentMapTest {

    @Test
    void aMapOverTwoDimensionsHoldsTheOthersAtTheBase() {
        double[] base = {0.5, -1, 2, 3};
        LatentMap map = LatentMap.overDimensions(base, 2, 0, LatentMap.linear(3, -1, 1), LatentMap.linear(5, -2, 2));
        assertEquals(5, map.rows());
        assertEquals(3, map.columns());
        // row 0 is the top: the largest y; column 0 the smallest x
        assertArrayEquals(new double[] {2, -1, -1, 3}, map.code(0, 0), 1e-15);
        assertArrayEquals(new double[] {-2, -1, 1, 3}, map.code(4, 2), 1e-15);
        assertArrayEquals(new double[] {0, -1, 0, 3}, map.code(2, 1), 1e-15);
        double[][] all = map.codes();
        assertEquals(15, all.length);
        assertArrayEquals(map.code(3, 1), all[3 * 3 + 1], 0.0);
        assertThrows(IllegalArgumentException.class, () -> LatentMap.overDimensions(base, 1, 1, new double[] {0},
                new double[] {0}));
    }

    @Test
    void gaussianQuantilesAreTheInverseNormalCdf() {
        double[] q = LatentMap.gaussianQuantiles(3, 0.05, 0.95);
        assertArrayEquals(new double[] {-1.6448536269514722, 0, 1.6448536269514722}, q, 1e-9);
        assertEquals(1.959963984540054, LatentMap.inverseNormalCdf(0.975), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LatentMap.gaussianQuantiles(5, 0, 0.9));
    }

    @Test
    void cellsMapBackToTheirCoordinates() {
        double[] origin = {1, 1, 1};
        double[] u = {1, 1, 0};
        double[] v = {0, 1, 1};
        LatentMap map = LatentMap.overDirections("u x v", origin, u, v, LatentMap.linear(4, -1, 2),
                LatentMap.linear(4, 0, 3));
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.columns(); c++) {
                double[] xy = map.planeCoordinates(map.code(r, c));
                assertEquals(map.xs()[c], xy[0], 1e-12);
                assertEquals(map.ys()[r], xy[1], 1e-12);
                assertArrayEquals(new int[] {r, c}, map.nearestCell(xy[0], xy[1]));
            }
        }
    }

    @Test
    void aPrincipalPlaneIsMeasuredInStandardDeviations() {
        // points spread 3x more along (1, 1)/√2 than along (1, -1)/√2, centred at (5, 5)
        double s = Math.sqrt(0.5);
        double[][] data = {{5 + 3 * s, 5 + 3 * s}, {5 - 3 * s, 5 - 3 * s}, {5 + s, 5 - s}, {5 - s, 5 + s}};
        PrincipalComponents pca = PrincipalComponents.fit(data, 2);
        LatentMap map = LatentMap.overPrincipalPlane(pca, new double[] {-1, 0, 1}, new double[] {-1, 0, 1});
        double[] sd = pca.standardDeviations();
        assertArrayEquals(new double[] {5, 5}, map.code(1, 1), 1e-12);
        double[] right = map.code(1, 2);
        assertEquals(sd[0], LatentArithmetic.norm(LatentArithmetic.subtract(right, new double[] {5, 5})), 1e-12);
        assertEquals(right[0], right[1], 1e-12, "PC1 is the diagonal");
    }
}
