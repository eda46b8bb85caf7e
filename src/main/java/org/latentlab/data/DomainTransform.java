package org.latentlab.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;

/**
 * A fixed change of every image of a data set, making a second domain out of it for an unpaired translation
 * (CycleGAN, Zhu, Park, Isola and Efros 2017): the images inverted, or turned a quarter turn. Images are taken in
 * [-1, 1] (a tanh generator's range), so inverting is x -> -x, the same as 1 - x in [0, 1].
 */
public enum DomainTransform {
    /** The images as they are. */
    NONE,
    /** Each pixel x becomes -x in [-1, 1] (1 - x in [0, 1]): white digits on black become black on white. */
    INVERT,
    /** Each channel turned 90 degrees anticlockwise: out[h - 1 - j][i] = in[i][j]; needs square images. */
    ROTATE90;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DomainTransform parse(String s) {
        return EnumIds.parse(values(), DomainTransform::id, s, "transform");
    }

    /**
     * Why this transform cannot apply to examples of {@code shape}, or null when it can: the transforms other than
     * {@link #NONE} change images ([channels, height, width]); a quarter turn needs height = width.
     */
    public String refusal(int[] shape) {
        if (this == NONE) {
            return null;
        }
        if (shape.length != 3) {
            return "transform '" + id() + "' changes images, and these examples are " + shape.length
                    + "-D vectors: use \"none\"";
        }
        if (this == ROTATE90 && shape[1] != shape[2]) {
            return "transform 'rotate90' needs square images, not " + shape[1] + "x" + shape[2];
        }
        return null;
    }

    /** {@code x} (flat, row-major [c, h, w] for images) transformed, as a new array; values in [-1, 1]. */
    public float[] apply(float[] x, int[] shape) {
        return switch (this) {
            case NONE -> x.clone();
            case INVERT -> {
                float[] out = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    out[i] = -x[i];
                }
                yield out;
            }
            case ROTATE90 -> rotate(x, shape, 1);
        };
    }

    /** The inverse change: what turns a transformed example back into the original. */
    public float[] undo(float[] x, int[] shape) {
        return this == ROTATE90 ? rotate(x, shape, 3) : apply(x, shape);
    }

    private static float[] rotate(float[] x, int[] shape, int quarterTurns) {
        int c = shape[0];
        int n = shape[1];
        float[] from = x;
        float[] out = x.clone();
        for (int q = 0; q < quarterTurns; q++) {
            out = new float[x.length];
            for (int ch = 0; ch < c; ch++) {
                int base = ch * n * n;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[base + (n - 1 - j) * n + i] = from[base + i * n + j];
                    }
                }
            }
            from = out;
        }
        return out;
    }
}
