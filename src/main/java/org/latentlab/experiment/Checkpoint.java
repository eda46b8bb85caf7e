package org.latentlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.latentlab.core.LabException;
import com.fasterxml.jackson.databind.JsonNode;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.HistoricalAverage;
import org.latentlab.train.SpectralNormalisation;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.Rbm;
import org.latentlab.train.rbm.RbmSettings;
import org.latentlab.train.rbm.RbmTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One checkpoint format for every family, in {@code checkpoints/iter-NNNNNNNN/}, written and verified through
 * {@link Checkpoints} (complete or not at all, sealed with a manifest of sizes and SHA-256s): {@code state.json}
 * with the counters and the settings in force, and the model: a GAN's {@code G.zip} and {@code D.zip} (and, with
 * historical averaging, each player's mean of past parameters θ̄ in {@code G-average.bin} and {@code D-average.bin},
 * its count in {@code state.json}; with spectral normalisation, D's raw weights and power-iteration vectors in
 * {@code D-spectral.bin}, D.zip holding the normalised weights D runs with), an
 * autoencoder's or VAE's {@code encoder.zip} and {@code decoder.zip} (DL4J model zips with their optimiser state,
 * which Netron also opens), or per RBM its parameters, momentum velocities and persistent chains, or a sigmoid belief
 * net's weights ({@link SbnCheckpoint}). Everything a
 * resume needs to continue as if never stopped. A GAN run keeps its newest {@value #KEEP} checkpoints (so a damaged
 * newest one leaves an older one); the other families keep every one, to compare them along training.
 */
public final class Checkpoint {

    /** Historical averaging's θ̄ of G and of D in a GAN checkpoint (only when it is on). */
    private static final String G_AVERAGE = "G-average.bin";
    private static final String D_AVERAGE = "D-average.bin";
    /** Spectral normalisation's raw W, u, v and σ of D (only when it is on). */
    private static final String D_SPECTRAL = "D-spectral.bin";

    /** How many checkpoints a GAN run keeps. */
    static final int KEEP = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /**
     * Saves {@code trainer} into {@code runDir/checkpoints/iter-NNNNNNNN/}, sealed with its manifest, and returns
     * the folder. Any family's trainer: a GAN's G and D, an autoencoder's encoder and decoder, an RBM stack.
     */
    public static Path save(Path runDir, Trainer trainer) {
        if (trainer instanceof org.latentlab.train.sbn.SbnTrainer s) {
            return SbnCheckpoint.save(runDir, s);
        }
        if (trainer instanceof org.latentlab.train.cyclegan.CycleGanTrainer c) {
            return CycleGanCheckpoint.save(runDir, c);
        }
        if (trainer instanceof org.latentlab.train.vaegan.VaeGanTrainer v) {
            return VaeGanCheckpoint.save(runDir, v);
        }
        if (trainer instanceof org.latentlab.train.aae.AaeTrainer a) {
            return AaeCheckpoint.save(runDir, a);
        }
        return trainer instanceof GanTrainer g ? saveGan(runDir, g) : saveReconstruction(runDir, trainer);
    }

    /** Loads a checkpoint of any family into a trainer freshly built from the same experiment. */
    public static void restore(Path dir, Trainer trainer) {
        if (trainer instanceof GanTrainer g) {
            restoreGan(dir, g);
        } else if (trainer instanceof org.latentlab.train.sbn.SbnTrainer s) {
            SbnCheckpoint.restore(dir, s);
        } else if (trainer instanceof org.latentlab.train.cyclegan.CycleGanTrainer c) {
            CycleGanCheckpoint.restore(dir, c);
        } else if (trainer instanceof org.latentlab.train.vaegan.VaeGanTrainer v) {
            VaeGanCheckpoint.restore(dir, v);
        } else if (trainer instanceof org.latentlab.train.aae.AaeTrainer a) {
            AaeCheckpoint.restore(dir, a);
        } else {
            restoreReconstruction(dir, trainer);
        }
    }

    /** The folder of the checkpoint at {@code iteration}: {@code checkpoints/iter-NNNNNNNN}. */
    static Path folder(Path runDir, long iteration) {
        return runDir.resolve("checkpoints").resolve(String.format("iter-%08d", iteration));
    }

    private static Path saveGan(Path runDir, GanTrainer trainer) {
        Path dir = folder(runDir, trainer.iteration());
        if (!isFinite(trainer.generator()) || !isFinite(trainer.discriminator())) {
            throw new LabException("not saving a checkpoint at iteration " + trainer.iteration()
                    + ": parameters are NaN or infinite");
        }
        Path saved = Checkpoints.write(dir, tmp -> {
            ModelSerializer.writeModel(trainer.generator(), tmp.resolve("G.zip").toFile(), true);
            ModelSerializer.writeModel(trainer.discriminator(), tmp.resolve("D.zip").toFile(), true);
            // the variant's own networks (InfoGAN's Q head, the BiGAN's encoder), with their optimiser state
            for (Map.Entry<String, MultiLayerNetwork> own : trainer.variant().checkpointNetworks().entrySet()) {
                ModelSerializer.writeModel(own.getValue(), tmp.resolve(own.getKey() + ".zip").toFile(), true);
            }
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            state.put("discriminatorUpdates", trainer.discriminatorUpdates());
            state.put("generatorUpdates", trainer.generatorUpdates());
            state.put("settings", trainer.settings());
            // historical averaging's θ̄ of each player and the updates averaged into it
            if (trainer.generatorAverage().isPresent()) {
                saveArray(trainer.generatorAverage().get().mean(), tmp, G_AVERAGE);
                state.put("generatorAverageCount", trainer.generatorAverage().get().count());
            }
            if (trainer.discriminatorAverage().isPresent()) {
                saveArray(trainer.discriminatorAverage().get().mean(), tmp, D_AVERAGE);
                state.put("discriminatorAverageCount", trainer.discriminatorAverage().get().count());
            }
            if (trainer.spectralNormalisation().isPresent()) {
                saveArray(trainer.spectralNormalisation().get().state(), tmp, D_SPECTRAL);
            }
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
        Checkpoints.keepNewest(runDir, KEEP);
        return saved;
    }

    /** Iteration of the newest intact checkpoint, or -1 if there is none. */
    public static long latestIteration(Path runDir) {
        Path dir = Checkpoints.newestIntact(runDir);
        return dir == null ? -1 : readState(dir).get("iteration").asLong();
    }

    /** Loads the newest intact checkpoint into a freshly built trainer; false when the run has none. */
    public static boolean restoreLatest(Path runDir, GanTrainer trainer) {
        Path dir = Checkpoints.newestIntact(runDir);
        if (dir == null) {
            return false;
        }
        restore(dir, trainer);
        return true;
    }

    /** Loads a checkpoint's parameters, optimiser state, counters and settings into a freshly built trainer. */
    private static void restoreGan(Path dir, GanTrainer trainer) {
        try {
            MultiLayerNetwork g = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("G.zip").toFile(), true);
            MultiLayerNetwork d = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("D.zip").toFile(), true);
            copyInto(g, trainer.generator(), "G");
            copyInto(d, trainer.discriminator(), "D");
            for (Map.Entry<String, MultiLayerNetwork> own : trainer.variant().checkpointNetworks().entrySet()) {
                copyInto(ModelSerializer.restoreMultiLayerNetwork(dir.resolve(own.getKey() + ".zip").toFile(), true),
                        own.getValue(), own.getKey());
            }
        } catch (IOException | RuntimeException e) {
            throw new LabException(dir + ": cannot read checkpoint: " + Checkpoints.describe(e), e);
        }
        com.fasterxml.jackson.databind.JsonNode state = readState(dir);
        trainer.restoreCounters(state.get("iteration").asLong(), state.get("discriminatorUpdates").asLong(),
                state.get("generatorUpdates").asLong());
        trainer.spectralNormalisation().ifPresent(sn -> restoreSpectral(dir, sn, trainer.seed()));
        if (state.hasNonNull("settings")) {
            try {
                // learning rates and k changed during the run (in the window) continue as they were
                GanSettings saved = ExperimentFiles.mapper().treeToValue(state.get("settings"), GanSettings.class);
                if (!state.get("settings").has("packing")) {
                    // written before the remedies for mode collapse: they come from the experiment
                    GanSettings now = trainer.settings();
                    saved = saved.withPacking(now.packing()).withHistoricalAveraging(now.historicalAveraging())
                            .withFeatureMatching(now.featureMatching()).withR1(now.r1Gamma());
                }
                if (!state.get("settings").has("spectralNorm")) {
                    // written before spectral normalisation: it comes from the experiment
                    saved = saved.withSpectralNorm(trainer.settings().spectralNorm());
                }
                if (!state.get("settings").has("unrollGradient")) {
                    // written before the exact unrolled gradient: it comes from the experiment
                    saved = saved.withUnrollGradient(trainer.settings().unrollGradient());
                }
                trainer.updateSettings(saved);
            } catch (IOException | IllegalArgumentException e) {
                throw new LabException(dir.resolve("state.json") + ": bad settings: " + e.getMessage(), e);
            }
        }
        // after the settings: historical averaging switched on or off during the run is on or off here too
        trainer.generatorAverage().ifPresent(a -> restoreAverage(dir, state, a, G_AVERAGE, "generatorAverageCount",
                trainer.generator()));
        trainer.discriminatorAverage().ifPresent(a -> restoreAverage(dir, state, a, D_AVERAGE,
                "discriminatorAverageCount", trainer.discriminator()));
    }

    /**
     * Historical averaging's θ̄ and count from a checkpoint; a checkpoint written without them (before the run
     * averaged, or by a run that did not) starts the average again at the restored θ with no update counted, as a
     * fresh run does at its first parameters.
     */
    private static void restoreAverage(Path dir, JsonNode state, HistoricalAverage average, String file,
                                       String countKey, MultiLayerNetwork network) {
        if (!Files.exists(dir.resolve(file))) {
            average.restartAt(network.params());
            return;
        }
        if (!state.path(countKey).canConvertToLong()) {
            throw new LabException(dir.resolve("state.json") + ": '" + countKey + "' is missing or not a whole number");
        }
        try {
            average.restore(readArray(dir, file), state.get(countKey).asLong());
        } catch (IllegalArgumentException e) {
            throw new LabException(dir.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Spectral normalisation's raw weights and vectors from a checkpoint; one written without them (by a run without
     * spectral normalisation) starts it again at the restored parameters, as a fresh run starts at its first ones.
     */
    private static void restoreSpectral(Path dir, SpectralNormalisation normalisation, long seed) {
        if (!Files.exists(dir.resolve(D_SPECTRAL))) {
            normalisation.restartAt(seed);
            return;
        }
        try {
            normalisation.restore(readArray(dir, D_SPECTRAL));
        } catch (IllegalArgumentException e) {
            throw new LabException(dir.resolve(D_SPECTRAL) + ": " + e.getMessage(), e);
        }
    }

    static void copyInto(MultiLayerNetwork from, MultiLayerNetwork to, String which) {
        if (from.numParams() != to.numParams()) {
            throw new LabException("checkpoint " + which + " has " + from.numParams() + " parameters but the"
                    + " experiment's " + which + " has " + to.numParams());
        }
        to.setParams(from.params().castTo(to.params().dataType()));
        if (from.getUpdater().getStateViewArray() != null) {
            to.getUpdater().getStateViewArray().assign(from.getUpdater().getStateViewArray());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readState(Path dir) {
        Path file = dir.resolve("state.json");
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        }
        for (String key : new String[] {"iteration", "discriminatorUpdates", "generatorUpdates"}) {
            if (node == null || !node.hasNonNull(key) || !node.get(key).canConvertToLong()) {
                throw new LabException(file + ": '" + key + "' is missing or not a whole number");
            }
        }
        return node;
    }

    private static boolean isFinite(MultiLayerNetwork net) {
        double sum = net.params().sumNumber().doubleValue();
        return Double.isFinite(sum);
    }

    private static Path saveReconstruction(Path dir, Trainer trainer) {
        Path target = folder(dir, trainer.iteration());
        if (Files.exists(target) && Checkpoints.damage(target) == null) {
            return target;
        }
        return Checkpoints.write(target, tmp -> {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("iteration", trainer.iteration());
            if (trainer instanceof AutoencoderTrainer t) {
                ModelSerializer.writeModel(t.encoder(), tmp.resolve("encoder.zip").toFile(), true);
                ModelSerializer.writeModel(t.decoder(), tmp.resolve("decoder.zip").toFile(), true);
                state.put("encoderUpdates", t.updateCounts()[0]);
                state.put("decoderUpdates", t.updateCounts()[1]);
                state.put("settings", t.settings());
            } else if (trainer instanceof RbmTrainer r) {
                List<Long> updates = new ArrayList<>();
                for (int l = 0; l < r.settings().layers(); l++) {
                    Rbm rbm = r.rbm(l);
                    Rbm.TrainingState ts = rbm.trainingState();
                    saveArray(rbm.weights(), tmp, "rbm-" + l + "-W.bin");
                    saveArray(rbm.visibleBias(), tmp, "rbm-" + l + "-b.bin");
                    saveArray(rbm.hiddenBias(), tmp, "rbm-" + l + "-c.bin");
                    saveArray(ts.weightVelocity(), tmp, "rbm-" + l + "-W-velocity.bin");
                    saveArray(ts.visibleVelocity(), tmp, "rbm-" + l + "-b-velocity.bin");
                    saveArray(ts.hiddenVelocity(), tmp, "rbm-" + l + "-c-velocity.bin");
                    if (ts.fantasy() != null) {
                        saveArray(ts.fantasy(), tmp, "rbm-" + l + "-chains.bin");
                    }
                    updates.add(ts.updates());
                }
                state.put("rbmUpdates", updates);
                state.put("settings", r.settings());
            }
            Files.writeString(tmp.resolve("state.json"), ExperimentFiles.mapper().writeValueAsString(state));
        });
    }

    private static void saveArray(INDArray a, Path dir, String name) throws IOException {
        Nd4j.saveBinary(a, dir.resolve(name).toFile());
    }

    private static INDArray readArray(Path dir, String name) {
        Path f = dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new LabException(dir + ": checkpoint incomplete, " + name + " is missing");
        }
        try {
            return Nd4j.readBinary(f.toFile());
        } catch (IOException | RuntimeException e) {
            throw new LabException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The iteration a checkpoint folder was saved at. */
    public static long savedIteration(Path checkpoint) {
        JsonNode state = readCounters(checkpoint);
        return state.get("iteration").asLong();
    }

    private static JsonNode readCounters(Path checkpoint) {
        Path f = checkpoint.resolve("state.json");
        try {
            JsonNode node = ExperimentFiles.mapper().readTree(f.toFile());
            if (node == null || !node.hasNonNull("iteration") || !node.get("iteration").canConvertToLong()) {
                throw new LabException(f + ": 'iteration' is missing or not a whole number");
            }
            return node;
        } catch (IOException e) {
            throw new LabException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a checkpoint into a trainer freshly built from the same experiment: parameters, optimiser state,
     * counters and the settings in force when it was saved.
     */
    private static void restoreReconstruction(Path checkpoint, Trainer trainer) {
        JsonNode state = readCounters(checkpoint);
        long iteration = state.get("iteration").asLong();
        try {
            if (trainer instanceof AutoencoderTrainer t) {
                MultiLayerNetwork enc = ModelSerializer.restoreMultiLayerNetwork(
                        checkpoint.resolve("encoder.zip").toFile(), true);
                MultiLayerNetwork dec = ModelSerializer.restoreMultiLayerNetwork(
                        checkpoint.resolve("decoder.zip").toFile(), true);
                copyState(enc, t.encoder(), "encoder");
                copyState(dec, t.decoder(), "decoder");
                if (state.hasNonNull("settings")) {
                    t.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"),
                            AutoencoderSettings.class));
                }
                t.restoreCounters(iteration, state.path("encoderUpdates").asLong(iteration),
                        state.path("decoderUpdates").asLong(iteration));
            } else if (trainer instanceof RbmTrainer r) {
                if (state.hasNonNull("settings")) {
                    r.updateSettings(ExperimentFiles.mapper().treeToValue(state.get("settings"), RbmSettings.class));
                }
                JsonNode updates = state.path("rbmUpdates");
                for (int l = 0; l < r.settings().layers(); l++) {
                    Rbm rbm = r.rbm(l);
                    DataType dt = rbm.dataType();
                    rbm.setParameters(readArray(checkpoint, "rbm-" + l + "-W.bin").castTo(dt),
                            readArray(checkpoint, "rbm-" + l + "-b.bin").castTo(dt),
                            readArray(checkpoint, "rbm-" + l + "-c.bin").castTo(dt));
                    if (Files.exists(checkpoint.resolve("rbm-" + l + "-W-velocity.bin"))) {
                        Path chains = checkpoint.resolve("rbm-" + l + "-chains.bin");
                        rbm.restoreTrainingState(new Rbm.TrainingState(
                                readArray(checkpoint, "rbm-" + l + "-W-velocity.bin").castTo(dt),
                                readArray(checkpoint, "rbm-" + l + "-b-velocity.bin").castTo(dt),
                                readArray(checkpoint, "rbm-" + l + "-c-velocity.bin").castTo(dt),
                                updates.path(l).asLong(0),
                                Files.exists(chains) ? readArray(checkpoint, chains.getFileName().toString()) : null));
                    }
                }
                r.restoreIteration(iteration);
            } else {
                throw new IllegalArgumentException("no checkpoint format for " + trainer.getClass().getSimpleName());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new LabException(checkpoint + ": cannot restore the checkpoint: " + e.getMessage(), e);
        }
    }

    private static void copyState(MultiLayerNetwork from, MultiLayerNetwork to, String which) {
        if (from.numParams() != to.numParams()) {
            throw new LabException("the checkpoint's " + which + " has " + from.numParams() + " parameters but the"
                    + " experiment's " + which + " has " + to.numParams());
        }
        to.setParams(from.params().castTo(to.params().dataType()));
        INDArray state = from.getUpdater().getStateViewArray();
        if (state != null && to.getUpdater().getStateViewArray() != null) {
            to.getUpdater().getStateViewArray().assign(state.castTo(to.params().dataType()));
        }
    }

}
