package org.latentlab.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;

/**
 * The arrays a trainer refills at every step (a batch, codes, a loss gradient) kept from one step to the next, one
 * per role and shape, so that a step allocates no native memory: ND4J frees an array's native buffer only after a
 * Java collection, and a few fresh arrays per step made a long run's resident size a sawtooth of hundreds of MB.
 * A returned array is overwritten by the next fill of the same role. Not thread-safe: one trainer's.
 */
public final class StepArrays {

    private record Key(String role, long rows, long columns) {
    }

    private final DataType type;
    private final Map<Key, INDArray> arrays = new HashMap<>();

    public StepArrays(DataType type) {
        this.type = type;
    }

    /** The array for {@code role}, [rows, columns], contents undefined. */
    public INDArray get(String role, long rows, long columns) {
        return arrays.computeIfAbsent(new Key(role, rows, columns), k -> Nd4j.create(type, rows, columns));
    }

    /** The array for {@code role} holding {@code values} (row-major, rows × columns of them). */
    public INDArray filled(String role, long rows, long columns, float[] values) {
        INDArray a = get(role, rows, columns);
        if (type == DataType.FLOAT) {
            a.data().setData(values);
        } else {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = values[i];
            }
            a.data().setData(d);
        }
        return a;
    }

    /** The array for {@code role} holding {@code values} (row-major), converted to the trainer's type. */
    public INDArray filled(String role, long rows, long columns, double[] values) {
        INDArray a = get(role, rows, columns);
        if (type == DataType.DOUBLE) {
            a.data().setData(values);
        } else {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            a.data().setData(f);
        }
        return a;
    }

    /** A column of values in the array for role "column" (overwritten by the next column of that length). */
    public INDArray column(double[] values) {
        return filled("column", values.length, 1, values);
    }
}
