package org.latentlab.train.cyclegan;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.Seeds;
import org.latentlab.data.DataSource;
import org.latentlab.engine.TrainingNetwork;
import org.latentlab.train.NonFiniteLossException;
import org.latentlab.train.Trainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * CycleGAN (Zhu, Park, Isola and Efros 2017) as a family of the lab, under a {@code TrainingRun}. One {@link #iterate()}
 * draws a batch of A and, independently, a batch of B (unpaired); takes one step of G and F on the sum of their GAN
 * terms, the cycle terms and the identity terms ({@link CyclePasses}); then one step of D_A and one of D_B on the
 * fakes G and F made before their step, as the authors' code does (without its pool of 50 past fakes: every batch
 * is the current generators').
 *
 * <p>Each iteration draws its batches from its own random stream, seeded by the run's seed and the iteration's number
 * ({@link Seeds}): the four networks' parameters and optimiser state and the iteration count are the whole state, so
 * a run restored from a checkpoint continues bit for bit. Owned by one thread; what others see is copied out.
 */
public final class CycleGanTrainer implements Trainer {

    /** The loss parts of the last iteration, as the loss chart and the metrics rows name them. */
    public static final String GAN_G = "GAN G: A→B";
    public static final String GAN_F = "GAN F: B→A";
    public static final String CYCLE = "cycle";
    public static final String IDENTITY = "identity";
    public static final String LOSS_D_A = "D_A";
    public static final String LOSS_D_B = "D_B";

    private final MultiLayerNetwork[] networks;
    private final TrainingNetwork g;
    private final TrainingNetwork f;
    private final TrainingNetwork dA;
    private final TrainingNetwork dB;
    private final DataSource a;
    private final DataSource b;
    private final CycleGanSettings settings;
    private final long seed;
    private final DataType dataType;
    private final Map<String, Double> last = new LinkedHashMap<>();
    private long iteration;
    private boolean faulted;

    /**
     * @param generator     G: A → B
     * @param inverse       F: B → A
     * @param discriminatorA D_A, scoring examples of A (one score each, no activation)
     * @param discriminatorB D_B, scoring examples of B
     */
    public CycleGanTrainer(MultiLayerNetwork generator, MultiLayerNetwork inverse, MultiLayerNetwork discriminatorA,
                           MultiLayerNetwork discriminatorB, DataSource a, DataSource b, CycleGanSettings settings,
                           long seed) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("domain A has " + a.dimension() + " values per example and B "
                    + b.dimension() + ": G and F map one onto the other");
        }
        this.networks = new MultiLayerNetwork[] {generator, inverse, discriminatorA, discriminatorB};
        this.g = TrainingNetwork.of(generator);
        this.f = TrainingNetwork.of(inverse);
        this.dA = TrainingNetwork.of(discriminatorA);
        this.dB = TrainingNetwork.of(discriminatorB);
        this.a = a;
        this.b = b;
        this.settings = settings;
        this.seed = seed;
        this.dataType = generator.params().dataType();
        for (String k : new String[] {GAN_G, GAN_F, CYCLE, IDENTITY, LOSS_D_A, LOSS_D_B}) {
            last.put(k, Double.NaN);
        }
    }

    @Override
    public void iterate() {
        Random rng = new Random(Seeds.seed(seed, iteration));
        INDArray batchA = batch(a, rng);
        INDArray batchB = batch(b, rng);
        INDArray fakeB = g.forward(batchA).dup();
        INDArray fakeA = f.forward(batchB).dup();
        INDArray gradG = g.gradient().ulike().assign(0);
        INDArray gradF = f.gradient().ulike().assign(0);
        double lambda = settings.cycleWeight();
        double ganG = CyclePasses.adversarial(g, dB, batchA, gradG);
        double ganF = CyclePasses.adversarial(f, dA, batchB, gradF);
        double cycle = lambda == 0 ? 0 : CyclePasses.cycle(g, f, batchA, lambda, gradG, gradF)
                + CyclePasses.cycle(f, g, batchB, lambda, gradF, gradG);
        double idWeight = settings.identityWeight() * lambda;
        double identity = idWeight == 0 ? 0 : CyclePasses.identity(g, batchB, idWeight, gradG)
                + CyclePasses.identity(f, batchA, idWeight, gradF);
        check("G's GAN loss", ganG);
        check("F's GAN loss", ganF);
        check("the cycle loss", cycle);
        check("the identity loss", identity);
        int updates = (int) Math.min(Integer.MAX_VALUE, iteration);
        step(g, gradG, updates);
        step(f, gradF, updates);
        INDArray gradDA = dA.gradient().ulike().assign(0);
        double lossDA = CyclePasses.discriminator(dA, batchA, fakeA, gradDA);
        INDArray gradDB = dB.gradient().ulike().assign(0);
        double lossDB = CyclePasses.discriminator(dB, batchB, fakeB, gradDB);
        check("D_A's loss", lossDA);
        check("D_B's loss", lossDB);
        step(dA, gradDA, updates);
        step(dB, gradDB, updates);
        last.put(GAN_G, ganG);
        last.put(GAN_F, ganF);
        last.put(CYCLE, cycle);
        last.put(IDENTITY, identity);
        last.put(LOSS_D_A, lossDA);
        last.put(LOSS_D_B, lossDB);
        iteration++;
    }

    private INDArray batch(DataSource source, Random rng) {
        int n = settings.batch();
        float[] flat = new float[n * source.dimension()];
        source.sample(n, rng, flat);
        return Nd4j.create(flat, new long[] {n, source.dimension()}, 'c').castTo(dataType);
    }

    private static void step(TrainingNetwork net, INDArray gradient, int updates) {
        net.gradient().assign(gradient);
        net.update(updates);
    }

    private void check(String what, double value) {
        if (!Double.isFinite(value)) {
            faulted = true;
            throw new NonFiniteLossException(what, value, iteration);
        }
    }

    /** The loss parts of the last iteration (NaN before the first): the GAN terms, cycle, identity, D_A, D_B. */
    public Map<String, Double> lastLosses() {
        return new LinkedHashMap<>(last);
    }

    /** G: A → B (owner thread only). */
    public MultiLayerNetwork generator() {
        return networks[0];
    }

    /** F: B → A (owner thread only). */
    public MultiLayerNetwork inverse() {
        return networks[1];
    }

    /** D_A (owner thread only). */
    public MultiLayerNetwork discriminatorA() {
        return networks[2];
    }

    /** D_B (owner thread only). */
    public MultiLayerNetwork discriminatorB() {
        return networks[3];
    }

    /** G, F, D_A and D_B, in that order (owner thread only). */
    public MultiLayerNetwork[] networks() {
        return networks.clone();
    }

    public CycleGanSettings settings() {
        return settings;
    }

    public long seed() {
        return seed;
    }

    /** The iteration count of a restored checkpoint (its parameters and optimiser state are already in place). */
    public void restoreIteration(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("an iteration count is 0 or more, not " + n);
        }
        iteration = n;
    }

    @Override
    public long iteration() {
        return iteration;
    }

    @Override
    public void setDiagnostics(boolean on) {
        // every loss part is measured every iteration
    }

    @Override
    public void markFaulted() {
        faulted = true;
    }

    @Override
    public boolean isFaulted() {
        return faulted;
    }

    @Override
    public String describeSettings() {
        return "CycleGAN, " + settings.describe();
    }
}
