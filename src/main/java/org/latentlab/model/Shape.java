package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of one example flowing through a network: a vector of {@code size} values, or an image of
 * channels x height x width (NCHW, as DL4J stores it). Written in JSON as an array: {@code [2]} or {@code [1, 28, 28]}.
 */
public final class Shape {

    private final int[] dims;

    private Shape(int[] dims) {
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has a zero or negative size");
            }
        }
        this.dims = dims.clone();
    }

    public static Shape vector(int size) {
        return new Shape(new int[] {size});
    }

    public static Shape image(int channels, int height, int width) {
        return new Shape(new int[] {channels, height, width});
    }

    @JsonCreator
    public static Shape of(List<Integer> dims) {
        if (dims == null || (dims.size() != 1 && dims.size() != 3)) {
            throw new IllegalArgumentException("a shape is [size] or [channels, height, width], not " + dims);
        }
        return new Shape(dims.stream().mapToInt(Integer::intValue).toArray());
    }

    @JsonValue
    public int[] dims() {
        return dims.clone();
    }

    public boolean isImage() {
        return dims.length == 3;
    }

    public int channels() {
        return isImage() ? dims[0] : 1;
    }

    public int height() {
        return isImage() ? dims[1] : 1;
    }

    public int width() {
        return isImage() ? dims[2] : 1;
    }

    /** Number of values in one example. */
    public int size() {
        int s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code 784} for a vector, {@code 64x7x7} (channels x height x width) for an image. */
    @Override
    public String toString() {
        return isImage() ? dims[0] + "x" + dims[1] + "x" + dims[2] : Integer.toString(dims[0]);
    }
}
