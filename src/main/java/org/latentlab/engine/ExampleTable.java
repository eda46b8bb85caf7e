package org.latentlab.engine;

import org.latentlab.data.ExampleSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A finite example set held once as one native table [examples, values] in the trainers' data type, so that a
 * training batch is drawn by one native {@code gather} of its rows instead of a copy of each example through Java
 * arrays. The draw is the set's own ({@link ExampleSet#sample}: one {@code rng.nextInt(size)} per example, in
 * order), so the batch holds the same values and the generator ends in the same state.
 *
 * <p>Only for sets whose table stays small ({@link #MAX_BYTES}); a larger set keeps the per-example copy.
 * Not thread-safe: the trainer's owner thread draws from it.
 */
public final class ExampleTable implements AutoCloseable {

    /** The largest table kept (10,000 MNIST images take 31 MB in float). */
    public static final long MAX_BYTES = 256L << 20;

    private final INDArray table;
    private final int size;
    private final int dimension;
    private final Map<Integer, Draw> draws = new HashMap<>();

    private record Draw(INDArray indices, INDArray batch, Kernel gather) {
    }

    private ExampleTable(INDArray table) {
        this.table = table;
        this.size = (int) table.rows();
        this.dimension = (int) table.columns();
    }

    /** The set as a table in {@code type}, when it has examples and its table is at most {@link #MAX_BYTES}. */
    public static Optional<ExampleTable> of(ExampleSet set, DataType type) {
        long bytes = (long) set.size() * set.dimension() * type.width();
        if (set.size() == 0 || bytes > MAX_BYTES) {
            return Optional.empty();
        }
        int d = set.dimension();
        float[] values = new float[set.size() * d];
        for (int i = 0; i < set.size(); i++) {
            System.arraycopy(set.example(i), 0, values, i * d, d);
        }
        INDArray table = Nd4j.create(values, new long[] {set.size(), d}, 'c').castTo(type);
        return Optional.of(new ExampleTable(table));
    }

    /** n examples drawn uniformly with replacement as the set draws them: a live [n, values] array. */
    public INDArray sample(int n, Random rng) {
        Draw draw = draws.computeIfAbsent(n, k -> {
            INDArray indices = Nd4j.create(DataType.INT32, k);
            INDArray batch = Nd4j.create(table.dataType(), k, dimension);
            return new Draw(indices, batch, Kernel.of("gather", new INDArray[] {table, indices}, batch, 0));
        });
        int[] rows = new int[n];
        for (int k = 0; k < n; k++) {
            rows[k] = rng.nextInt(size);
        }
        draw.indices().data().setData(rows);
        draw.gather().run();
        return draw.batch();
    }

    @Override
    public void close() {
        draws.values().forEach(d -> d.gather().close());
        draws.clear();
    }
}
