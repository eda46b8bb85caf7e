package org.latentlab.experiment;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.model.CostEstimate;
import org.latentlab.train.ConditionalBatches;
import org.latentlab.train.EnergyGame;
import org.latentlab.train.Evaluation;
import org.latentlab.train.GanStatus;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.GanVariant;
import org.latentlab.train.GanView;
import org.latentlab.train.TrainingRun;
import org.nd4j.linalg.api.buffer.DataType;

import java.nio.file.Path;

/** The GAN family for {@link ExperimentRunner}: G and D compiled from the spec, trained on the whole data set. */
final class GanRecipe implements FamilyRecipe<GanExperiment, GanTrainer, GanStatus> {

    static final GanRecipe INSTANCE = new GanRecipe();

    private GanRecipe() {
    }

    @Override
    public ExperimentData.Split data(GanExperiment spec, Path baseDir) {
        DataSource data = ExperimentData.open(spec, baseDir);
        return spec.learnsEncoder() ? ExperimentData.split(data, spec.bigan().heldOut(), spec.seed())
                : new ExperimentData.Split(data, null);
    }

    @Override
    public void checkFits(GanExperiment spec, DataSource data) {
        int g = spec.generator().output().size();
        int d = spec.discriminator().input().size();
        int packing = spec.training().packing();
        if (spec.takesLabels()) {
            ConditionalBatches batches = ConditionalLayout.batches(spec, data, DataType.FLOAT);
            if (g != data.dimension() || d != batches.discriminatorInputSize()) {
                throw new LabException("experiment '" + spec.name() + "': the data set " + spec.dataset() + " has "
                        + data.dimension() + " values per example, so G must output " + data.dimension()
                        + " and D take " + batches.discriminatorInputSize() + " (the example and its labels), not "
                        + g + " and " + d + ": change the networks' output / input");
            }
        } else if (spec.learnsEncoder()) {
            int latent = spec.latentDim();
            int dIn = d == data.dimension() + latent || spec.discriminator().input().isImage() ? d : -1;
            if (g != data.dimension() || dIn < 0 || spec.bigan().encoder().input().size() != data.dimension()) {
                throw new LabException("experiment '" + spec.name() + "': the data set " + spec.dataset() + " has "
                        + data.dimension() + " values per example, so G must output " + data.dimension() + ", E take "
                        + data.dimension() + " and D take " + (data.dimension() + latent) + " (the example and its"
                        + " code), not " + g + ", " + spec.bigan().encoder().input().size() + " and " + d
                        + ": change the networks' output / input");
            }
        } else if (g != data.dimension() || d != packing * data.dimension()) {
            throw new LabException("experiment '" + spec.name() + "': the data set " + spec.dataset() + " has "
                    + data.dimension() + " values per example, but G outputs " + g + " and D takes " + d
                    + (packing > 1 ? " (packs of " + packing + ": D must take " + packing + " × "
                    + data.dimension() + ")" : "") + ": change the networks' output / input");
        }
        NetworkCompiler.requireMemory(spec.name(), DataType.FLOAT,
                new NetworkCompiler.Training(spec.generator(), spec.training().generatorOptimizer()),
                new NetworkCompiler.Training(spec.discriminator(), spec.training().discriminatorOptimizer()));
    }

    /** G and D with Adam's two moments, in float. */
    @Override
    public long checkpointBytes(GanExperiment spec, int dataDimension) {
        long params = CostEstimate.of(spec.generator(), 1).parameters()
                + CostEstimate.of(spec.discriminator(), 1).parameters()
                + (spec.learnsEncoder() ? CostEstimate.of(spec.bigan().encoder(), 1).parameters() : 0);
        return params * Float.BYTES * 3;
    }

    @Override
    public GanTrainer buildTrainer(GanExperiment spec, DataSource data, DataType dataType) {
        MultiLayerNetwork g = NetworkCompiler.compile(spec.generator(), spec.training().generatorOptimizer(),
                spec.seed(), dataType);
        MultiLayerNetwork d = NetworkCompiler.compile(spec.discriminator(), spec.training().discriminatorOptimizer(),
                spec.seed() + 1, dataType);
        return new GanTrainer(g, d, data, spec.training(), spec.latentDim(), spec.seed(), variant(spec, d, data,
                dataType));
    }

    /** What the spec's GAN changes in the game: its labels, InfoGAN's head, the BiGAN's pairs or the energy. */
    private static GanVariant variant(GanExperiment spec, MultiLayerNetwork d, DataSource data, DataType dataType) {
        if (spec.takesLabels()) {
            return ConditionalLayout.batches(spec, data, dataType);
        }
        if (spec.infogan() != null) {
            return InfoGanLayout.head(spec, d, dataType);
        }
        if (spec.learnsEncoder()) {
            return BiganViews.pairs(spec, dataType);
        }
        return spec.energy() != null ? new EnergyGame(spec.energy()) : GanVariant.plain();
    }

    @Override
    public RecordingHooks<GanTrainer, GanStatus, ?> hooks(GanExperiment spec, ExperimentData.Split data,
                                                         ExperimentRunner.Options options, RunStore existing) {
        return new Hooks(spec, data, existing == null ? options.runsRoot() : null, existing,
                options.baseDir());
    }

    /** Writes metrics, samples and checkpoints as the run goes, and makes the dashboard's views. */
    static final class Hooks extends RecordingHooks<GanTrainer, GanStatus, GanViews> {
        private static final java.util.Set<String> GAN_CURVES = java.util.Set.of("d_loss", "g_loss", "d_real",
                "d_fake", "mi_lower_bound");
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GanRecipe.class);
        private final GanExperiment spec;
        private final DataSource data;
        /** A BiGAN's held-out examples (null: a distribution, drawn by the views; unused without an encoder). */
        private final org.latentlab.data.ExampleSet heldOut;
        /** A BiGAN's encoder views, made at the first view. */
        private BiganViews biganViews;
        private final Path runsRoot;
        private final Path dataBaseDir;
        /** The run folder's timeline, and the folder it belongs to (a reset starts a new folder). */
        private GanTimelineFiles timeline;
        private Path timelineDir;
        private boolean timelineBroken;

        Hooks(GanExperiment spec, ExperimentData.Split data, Path runsRoot, RunStore existing, Path baseDir) {
            super(spec.sampleInterval(), spec.checkpointInterval(), runsRoot != null);
            this.spec = spec;
            this.data = data.train();
            this.heldOut = data.heldOut();
            this.runsRoot = runsRoot;
            this.store = existing;
            this.dataBaseDir = baseDir == null ? null : baseDir.toAbsolutePath().normalize();
        }

        @Override
        GanViews newViews(GanTrainer trainer) {
            GanViews made = new GanViews(trainer, spec.seed());
            if (trainer.bigan().isPresent()) {
                biganViews = new BiganViews(data, heldOut, spec.seed());
                made.attach(biganViews);
            }
            return made;
        }

        @Override
        void write(RunStore s, GanTrainer trainer, Evaluation evaluation, double elapsedSeconds) {
            s.appendMetrics(trainer, Math.round(elapsedSeconds * 1000), evaluation);
            views.write(views.view(trainer), s.samplePath(trainer.iteration()));
        }

        @Override
        boolean save(RunStore s, GanTrainer trainer) {
            Checkpoint.save(s.dir(), trainer);
            return true;
        }

        /**
         * The GAN bench draws D's and G's losses, D's outputs and InfoGAN's bound: their columns keep their names
         * ({@link RunStore#BASE_COLUMNS}); the penalty is not drawn.
         */
        @Override
        String lossPart(String column) {
            return GAN_CURVES.contains(column) ? column : null;
        }

        @Override
        RunStore createStore() {
            return RunStore.create(runsRoot, spec, data.contentHash(), dataBaseDir);
        }

        @Override
        GanStatus status(TrainingRun.Progress progress, GanTrainer trainer, Evaluation evaluation, GanViews views,
                         boolean withView) {
            GanView view = withView ? safely(() -> views.view(trainer)) : null;
            if (view != null && (store != null || trainer.iteration() > 0)) {
                keep(view, trainer.iteration());
            }
            org.latentlab.train.BiganView encoderView = null;
            if (withView && biganViews != null) {
                encoderView = safely(() -> biganViews.view(trainer));
            }
            return GanStatus.of(progress, trainer, evaluation, view, encoderView);
        }

        /**
         * Writes {@code view} into the run folder's timeline (opened at the first view of each folder, keeping what
         * a resumed run had up to its checkpoint). A timeline that cannot be written is said once in the log and
         * left alone: training goes on.
         */
        private void keep(GanView view, long iteration) {
            RunStore s = store();
            if (s == null || timelineBroken) {
                return;
            }
            try {
                if (timeline == null || !s.dir().equals(timelineDir)) {
                    timeline = GanTimelineFiles.open(s.dir(), iteration);
                    timelineDir = s.dir();
                }
                timeline.add(view);
            } catch (LabException e) {
                timelineBroken = true;
                LOG.warn("{}: the timeline is no longer written ({})", s.dir(), e.getMessage());
            }
        }
    }
}
