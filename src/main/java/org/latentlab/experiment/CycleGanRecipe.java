package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.data.TransformedExamples;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.Evaluation;
import org.latentlab.train.ReconstructionStatus;
import org.latentlab.train.ReconstructionView;
import org.latentlab.train.Trainer;
import org.latentlab.train.TrainingRun;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The CycleGAN family for {@link ExperimentRunner}: the two domains opened (images in [-1, 1], a tanh generator's
 * range) and kept unpaired, a metrics row (the loss parts of the last iteration, the held-out cycle errors and
 * distances) and a picture every {@code sampleInterval} iterations, the four networks saved every
 * {@code checkpointInterval} ({@link CycleGanCheckpoint}). Its statuses are the autoencoder / VAE / RBM bench's, so
 * that bench trains it.
 */
final class CycleGanRecipe extends BenchRecipe<CycleGanExperiment, CycleGanTrainer, CycleGanViews> {

    static final CycleGanRecipe INSTANCE = new CycleGanRecipe();

    private CycleGanRecipe() {
        super(CycleGanTrainer.class, CycleGanExperiment::heldOut, CycleGanCheckpoint::save,
                CycleGanCheckpoint::restore);
    }

    /**
     * The two domains. When both name the same finite data set, its examples (shuffled with the random seed) are
     * split in halves, A taking the first and B the second, so that no example of A has its own transformed copy in
     * B: the domains are unpaired as well as drawn independently. Each half keeps its last {@code heldOut} examples
     * out of training; a distribution's held-out points are drawn once with a fixed seed.
     */
    @Override
    public ExperimentData.Split data(CycleGanExperiment spec, Path baseDir) {
        DataSource a = ExperimentData.open(spec.domainA().dataset(), baseDir, ImageScale.MINUS_ONE_TO_ONE);
        DataSource b = spec.domainB().dataset().equals(spec.domainA().dataset()) ? a
                : ExperimentData.open(spec.domainB().dataset(), baseDir, ImageScale.MINUS_ONE_TO_ONE);
        int held = spec.heldOut();
        DataSource trainA;
        DataSource trainB;
        float[][] heldA;
        float[][] heldB;
        int[] labelsA;
        int[] labelsB;
        if (a == b && a instanceof ExampleSet set) {
            ExampleSet shuffled = set.permuted(spec.seed());
            int half = set.size() / 2;
            ExampleSet[] parts = {shuffled.range(0, half), shuffled.range(half, 2 * half)};
            ExampleSet[] train = new ExampleSet[2];
            ExampleSet[] kept = new ExampleSet[2];
            for (int i = 0; i < 2; i++) {
                if (half < held + 10) {
                    throw new LabException("experiment '" + spec.name() + "': " + set.name() + " has " + set.size()
                            + " examples, split in two domains of " + half + ": too few to keep " + held
                            + " of each held out; lower heldOut");
                }
                ExampleSet t = transformed(spec, i == 0 ? spec.domainA() : spec.domainB(), parts[i]);
                train[i] = t.range(0, half - held);
                kept[i] = t.range(half - held, half);
            }
            trainA = train[0];
            trainB = train[1];
            heldA = UnpairedDomains.heldOut(kept[0], held, spec.seed() + 11);
            heldB = UnpairedDomains.heldOut(kept[1], held, spec.seed() + 12);
            labelsA = UnpairedDomains.labels(kept[0], held);
            labelsB = UnpairedDomains.labels(kept[1], held);
        } else {
            ExperimentData.Split sa = split(spec, spec.domainA(), a);
            ExperimentData.Split sb = split(spec, spec.domainB(), b);
            trainA = sa.train();
            trainB = sb.train();
            heldA = UnpairedDomains.heldOut(sa.heldOut() != null ? sa.heldOut() : a, held, spec.seed() + 11);
            heldB = UnpairedDomains.heldOut(sb.heldOut() != null ? sb.heldOut() : b, held, spec.seed() + 12);
            labelsA = UnpairedDomains.labels(sa.heldOut() != null ? sa.heldOut() : a, held);
            labelsB = UnpairedDomains.labels(sb.heldOut() != null ? sb.heldOut() : b, held);
        }
        try {
            return new ExperimentData.Split(new UnpairedDomains(trainA, trainB, heldA, heldB, labelsA, labelsB), null);
        } catch (IllegalArgumentException e) {
            throw new LabException("experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    private static ExperimentData.Split split(CycleGanExperiment spec, CycleGanDomain domain, DataSource source) {
        if (source instanceof ExampleSet set) {
            ExperimentData.Split s = ExperimentData.split(transformed(spec, domain, set), spec.heldOut(), spec.seed());
            return s;
        }
        return new ExperimentData.Split(source, null);
    }

    private static ExampleSet transformed(CycleGanExperiment spec, CycleGanDomain domain, ExampleSet set) {
        try {
            return new TransformedExamples(set, domain.transform());
        } catch (IllegalArgumentException e) {
            throw new LabException("experiment '" + spec.name() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void checkFits(CycleGanExperiment spec, DataSource train) {
        int size = spec.generator().input().size();
        if (train.dimension() != size) {
            throw new LabException("experiment '" + spec.name() + "': the domains' examples have " + train.dimension()
                    + " values (" + Arrays.toString(train.shape()) + ") but the generator takes "
                    + spec.generator().input() + ": set generator.input and discriminator.input to the data's size");
        }
    }

    @Override
    public long checkpointBytes(CycleGanExperiment spec, int dataDimension) {
        long g = CostEstimate.of(spec.generator(), 1).trainable();
        long d = CostEstimate.of(spec.discriminator(), 1).trainable();
        return 2 * (g + d) * 3 * Float.BYTES + 16_384;
    }

    @Override
    public Trainer buildTrainer(CycleGanExperiment spec, DataSource train, DataType dataType) {
        UnpairedDomains domains = (UnpairedDomains) train;
        var s = spec.cyclegan();
        MultiLayerNetwork g = NetworkCompiler.compile(spec.generator(), s.generatorOptimizer(), spec.seed(), dataType);
        MultiLayerNetwork f = NetworkCompiler.compile(spec.generator(), s.generatorOptimizer(), spec.seed() + 1,
                dataType);
        MultiLayerNetwork dA = NetworkCompiler.compile(spec.discriminator(), s.discriminatorOptimizer(),
                spec.seed() + 2, dataType);
        MultiLayerNetwork dB = NetworkCompiler.compile(spec.discriminator(), s.discriminatorOptimizer(),
                spec.seed() + 3, dataType);
        return new CycleGanTrainer(g, f, dA, dB, domains.domainA(), domains.domainB(), s, spec.seed());
    }

    @Override
    CycleGanViews newViews(CycleGanExperiment spec, ExperimentData.Split split) {
        return new CycleGanViews((UnpairedDomains) split.train());
    }

    /** The loss parts of the last iteration. */
    @Override
    Map<String, Double> batchLosses(CycleGanTrainer trainer) {
        return trainer.lastLosses();
    }

    /** "GAN G: A→B" as a CSV column: "loss_GAN_G_A_to_B". */
    @Override
    String column(String lossPart) {
        return "loss_" + lossPart.replace("→", "_to_").replace(":", "").replace(' ', '_');
    }

    /** The six losses the bench draws. */
    @Override
    java.util.List<String> drawnLossParts() {
        return java.util.List.of(CycleGanTrainer.GAN_G, CycleGanTrainer.GAN_F, CycleGanTrainer.CYCLE,
                CycleGanTrainer.IDENTITY, CycleGanTrainer.LOSS_D_A, CycleGanTrainer.LOSS_D_B);
    }

    /** The status of a CycleGAN run: the last iteration's loss parts. */
    @Override
    ReconstructionStatus status(TrainingRun.Progress p, CycleGanTrainer trainer, Evaluation evaluation,
                                ReconstructionView view) {
        return new ReconstructionStatus(p, measured(trainer.lastLosses()), Double.NaN, "CycleGAN",
                trainer.describeSettings(), evaluation, view);
    }
}
