package org.latentlab.latent;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lerp and slerp against their definitions, their edge cases, and a scrubbed path. */
class InterpolationTest {

    private static double[] gaussian(Random rng, int k) {
        double[] v = new double[k];
        for (int j = 0; j < k; j++) {
            v[j] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] scale(double[] v, double s) {
        return LatentArithmetic.add(new double[v.length], v, s);
    }

    @Test
    void slerpKeepsTheNormBetweenEndpointsOfEqualNorm() {
        Random rng = new Random(1);
        double[] a = gaussian(rng, 100);
        double[] b = gaussian(rng, 100);
        b = scale(b, LatentArithmetic.norm(a) / LatentArithmetic.norm(b));
        double r = LatentArithmetic.norm(a);
        for (double[] z : Interpolation.frames(Interpolation.Method.SPHERICAL, a, b, 11)) {
            assertEquals(r, LatentArithmetic.norm(z), 1e-9 * r);
        }
        // lerp does not: its midpoint is shorter (the reason for slerp)
        double mid = LatentArithmetic.norm(Interpolation.lerp(a, b, 0.5));
        assertTrue(mid < 0.8 * r, "lerp midpoint norm " + mid + " vs " + r);
    }

    @Test
    void slerpFollowsTheGreatCircleAtConstantAngularSpeed() {
        double[] a = {1, 0, 0};
        double[] b = {0, 1, 0};
        double[] q = Interpolation.slerp(a, b, 1.0 / 3);
        assertArrayEquals(new double[] {Math.cos(Math.PI / 6), Math.sin(Math.PI / 6), 0}, q, 1e-12);
    }

    @Test
    void slerpMatchesLerpForParallelEndpoints() {
        double[] a = {1, 2, -3, 0.5};
        double[] b = scale(a, 2.5);
        for (double t : new double[] {0.1, 0.5, 0.9}) {
            assertArrayEquals(Interpolation.lerp(a, b, t), Interpolation.slerp(a, b, t), 1e-12);
        }
        // nearly parallel (1e-7 rad apart): still lerp, within O(angle²)
        double[] c = {1, 2, -3, 0.5 + 1e-7};
        assertArrayEquals(Interpolation.lerp(a, c, 0.3), Interpolation.slerp(a, c, 0.3), 1e-12);
    }

    @Test
    void endpointsAreReproducedExactly() {
        Random rng = new Random(2);
        double[] a = gaussian(rng, 7);
        double[] b = gaussian(rng, 7);
        for (Interpolation.Method m : Interpolation.Method.values()) {
            double[][] f = Interpolation.frames(m, a, b, 5);
            assertArrayEquals(a, f[0], 0.0);
            assertArrayEquals(b, f[4], 0.0);
            assertNotSame(a, f[0], "a copy, not the caller's array");
        }
        double[] anti = scale(a, -1);
        assertArrayEquals(anti, Interpolation.slerp(a, anti, 1), 0.0);
    }

    @Test
    void nFramesRequestedGiveNFrames() {
        double[] a = {1, 0};
        double[] b = {0, 1};
        for (int n : new int[] {1, 2, 7, 64}) {
            assertEquals(n, Interpolation.frames(Interpolation.Method.SPHERICAL, a, b, n).length);
            assertEquals(n, Interpolation.frames(Interpolation.Method.LINEAR, a, b, n).length);
            assertEquals(n, LatentPath.between(a, b, Interpolation.Method.LINEAR).frames(n).length);
        }
        assertThrows(IllegalArgumentException.class, () -> Interpolation.frames(Interpolation.Method.LINEAR, a, b,
                0));
    }

    @Test
    void antiparallelEndpointsTurnThroughAPerpendicularKeepingTheNorm() {
        double[] a = {3, 4, 0.5, -1};
        double[] b = scale(a, -1);
        double r = LatentArithmetic.norm(a);
        double[] mid = Interpolation.slerp(a, b, 0.5);
        assertEquals(r, LatentArithmetic.norm(mid), 1e-9);
        assertEquals(0, LatentArithmetic.dot(mid, a), 1e-9, "the midpoint is perpendicular to both ends");
        for (double[] z : Interpolation.frames(Interpolation.Method.SPHERICAL, a, b, 9)) {
            assertEquals(r, LatentArithmetic.norm(z), 1e-9);
        }
        // the path is continuous: neighbouring frames are close
        double[][] f = Interpolation.frames(Interpolation.Method.SPHERICAL, a, b, 101);
        for (int i = 1; i < f.length; i++) {
            assertTrue(LatentArithmetic.norm(LatentArithmetic.subtract(f[i], f[i - 1])) < 0.1 * r);
        }
    }

    @Test
    void aZeroEndpointFallsBackToLerp() {
        double[] a = {0, 0};
        double[] b = {2, 2};
        assertArrayEquals(new double[] {1, 1}, Interpolation.slerp(a, b, 0.5), 1e-15);
    }

    @Test
    void aPathThroughKeysIsScrubbedOverEqualShares() {
        double[] k0 = {0, 0};
        double[] k1 = {1, 0};
        double[] k2 = {1, 1};
        LatentPath path = LatentPath.through(List.of(k0, k1, k2), Interpolation.Method.LINEAR);
        assertArrayEquals(k1, path.at(0.5), 1e-15);
        assertArrayEquals(new double[] {0.5, 0}, path.at(0.25), 1e-15);
        assertArrayEquals(new double[] {1, 0.5}, path.at(0.75), 1e-15);
        assertArrayEquals(k0, path.at(-3), 0.0, "t is clamped");
        assertArrayEquals(k2, path.at(7), 0.0);
        k1[0] = 99;
        assertArrayEquals(new double[] {1, 0}, path.at(0.5), 0.0, "keys are copied in");

        LatentPath loop = LatentPath.loop(List.of(k0, k2), Interpolation.Method.LINEAR);
        double[][] frames = loop.frames(4, false);
        assertEquals(4, frames.length);
        assertArrayEquals(k0, frames[0], 0.0);
        assertArrayEquals(k2, frames[2], 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, frames[3], 1e-15, "the last frame does not repeat the first");
    }
}
