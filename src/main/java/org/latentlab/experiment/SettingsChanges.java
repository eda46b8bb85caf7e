package org.latentlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanTrainer;
import org.latentlab.train.Trainer;
import org.latentlab.train.ae.AutoencoderSettings;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.latentlab.train.rbm.RbmSettings;
import org.latentlab.train.rbm.RbmTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The settings a person changed while a run was paused, kept in the run folder's {@value #FILE}: one JSON line per
 * field changed, {@code {"iteration": 1200, "field": "training.beta", "old": 1.0, "new": 4.0, "time": "...",
 * "settings": {the whole training block after the change}}}. With the checkpoints (which save the settings in force)
 * a run stays reproducible: a resume from a checkpoint older than a change applies the change again at the iteration
 * it was made ({@link #replay}).
 */
public final class SettingsChanges {

    /** The file in the run folder. */
    public static final String FILE = "settings-changes.jsonl";

    /** One field changed at {@code iteration}, with the training block in force after the change. */
    public record Entry(long iteration, String field, JsonNode oldValue, JsonNode newValue, String time,
                        JsonNode settings) {
    }

    private SettingsChanges() {
    }

    /**
     * The fields of {@code to} that differ from {@code from}, as entries at {@code iteration} stamped now; both must
     * be experiments of the same family.
     */
    public static List<Entry> diff(Experiment<?> from, Experiment<?> to, long iteration) {
        ObjectMapper json = ExperimentFiles.mapper();
        JsonNode a = json.valueToTree(from);
        JsonNode b = json.valueToTree(to);
        JsonNode settings = b.get(LiveSettings.block(to.family()));
        List<Entry> out = new ArrayList<>();
        String time = Instant.now().toString();
        leaves("", a, b, (path, old, now) -> out.add(new Entry(iteration, path, old, now, time, settings)));
        return out;
    }

    private interface LeafChange {
        void changed(String path, JsonNode old, JsonNode now);
    }

    private static void leaves(String path, JsonNode a, JsonNode b, LeafChange sink) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                leaves(path.isEmpty() ? n : path + "." + n, a.get(n), b.get(n), sink);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            sink.changed(path, a, b);
        }
    }

    /**
     * Refuses with an {@link IllegalArgumentException} any change of {@code changes} a paused run of {@code family}
     * cannot take ({@link LiveSettings}).
     */
    public static void checkLive(Family family, List<Entry> changes) {
        for (Entry e : changes) {
            if (!LiveSettings.isLiveSafe(family, e.field())) {
                throw new IllegalArgumentException(e.field() + " cannot change during a run: set it before the run"
                        + " starts (Reset, then change it)");
            }
        }
    }

    /** Hands {@code next}'s training block to the trainer (on the run's thread); the trainer may refuse it. */
    public static void apply(Trainer trainer, Experiment<?> next) {
        if (trainer instanceof GanTrainer g && next instanceof GanExperiment s) {
            g.updateSettings(s.training());
        } else if (trainer instanceof AutoencoderTrainer t && next instanceof ReconstructionExperiment s) {
            t.updateSettings(s.training());
        } else if (trainer instanceof RbmTrainer r && next instanceof ReconstructionExperiment s) {
            r.updateSettings(s.rbm());
        } else {
            throw new IllegalArgumentException("a " + next.family().label() + " experiment's settings do not fit"
                    + " this run's trainer");
        }
    }

    /** Hands a recorded training block to the trainer (a resume replaying a change). */
    public static void replay(Trainer trainer, JsonNode settings) {
        ObjectMapper json = ExperimentFiles.mapper();
        try {
            if (trainer instanceof GanTrainer g) {
                g.updateSettings(json.treeToValue(settings, GanSettings.class));
            } else if (trainer instanceof AutoencoderTrainer t) {
                t.updateSettings(json.treeToValue(settings, AutoencoderSettings.class));
            } else if (trainer instanceof RbmTrainer r) {
                r.updateSettings(json.treeToValue(settings, RbmSettings.class));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LabException(FILE + ": cannot apply the settings recorded for iteration "
                    + trainer.iteration() + ": " + e.getMessage(), e);
        }
    }

    /** Appends {@code changes} to the run folder's {@value #FILE} (the whole file rewritten atomically). */
    public static void append(Path runDir, List<Entry> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Path file = runDir.resolve(FILE);
        ObjectMapper json = ExperimentFiles.mapper();
        StringBuilder text = new StringBuilder();
        try {
            if (Files.exists(file)) {
                text.append(Files.readString(file));
            }
            for (Entry e : changes) {
                ObjectNode line = json.createObjectNode();
                line.put("iteration", e.iteration());
                line.put("field", e.field());
                line.set("old", e.oldValue());
                line.set("new", e.newValue());
                line.put("time", e.time());
                line.set("settings", e.settings());
                text.append(json.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(line)).append('\n');
            }
        } catch (IOException e) {
            throw new LabException(file + ": cannot record the settings changed: " + e.getMessage(), e);
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** The changes recorded in {@code runDir}, oldest first; none when the file is absent. */
    public static List<Entry> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        List<Entry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        ObjectMapper json = ExperimentFiles.mapper();
        try {
            int n = 0;
            for (String line : Files.readAllLines(file)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (!node.path("iteration").canConvertToLong() || !node.hasNonNull("field")
                        || !node.path("settings").isObject()) {
                    throw new LabException(file + ", line " + n + ": needs iteration, field and settings");
                }
                out.add(new Entry(node.get("iteration").asLong(), node.get("field").asText(), node.get("old"),
                        node.get("new"), node.path("time").asText(""), node.get("settings")));
            }
        } catch (IOException e) {
            throw new LabException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The training blocks a resume from a checkpoint at {@code iteration} must apply again, by the iteration they
     * were set at (the last one when several fields changed together), in order: those recorded at or after it.
     */
    public static List<Map.Entry<Long, JsonNode>> toReplay(Path runDir, long iteration) {
        List<Map.Entry<Long, JsonNode>> out = new ArrayList<>();
        for (Entry e : read(runDir)) {
            if (e.iteration() < iteration) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).getKey() == e.iteration()) {
                out.set(out.size() - 1, Map.entry(e.iteration(), e.settings()));
            } else {
                out.add(Map.entry(e.iteration(), e.settings()));
            }
        }
        return out;
    }

    /** Applies and removes the head of {@code pending} set at or before {@code iteration}. */
    static void applyDue(Trainer trainer, List<Map.Entry<Long, JsonNode>> pending) {
        Iterator<Map.Entry<Long, JsonNode>> it = pending.iterator();
        while (it.hasNext()) {
            Map.Entry<Long, JsonNode> e = it.next();
            if (e.getKey() > trainer.iteration()) {
                return;
            }
            replay(trainer, e.getValue());
            it.remove();
        }
    }
}
