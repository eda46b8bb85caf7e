package org.latentlab.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;
import org.latentlab.model.JsonErrors;
import org.latentlab.model.LabJson;
import org.latentlab.ui.geometry.GeometryView;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A saved window (File → Save session…): the tab shown and the sub-tabs chosen, each training bench's experiment
 * (its preset or experiment file, and its run folder once it has one: the run reopens at its newest checkpoint,
 * paused, with the settings in force then) and the latent studio's model. Opened again by File → Open session… or
 * the window option {@code --session=FILE}, which turns it into window options ({@link #options()}) checked by
 * {@link LaunchPlan} like any others: a value that cannot be used (a run folder gone) is said in one line and the
 * rest is still restored. Paths are absolute. No JavaFX.
 *
 * @param format     {@link #FORMAT}
 * @param tab        the tab shown: gan, models, latent, geometry or builder
 * @param geometry   the geometry bench's section (toy, hessian, surface, tangents, training), or null
 * @param study      the study or theory lecture shown, or null
 * @param latentView the latent studio's tab, or null
 * @param latentRun  the run or checkpoint folder open in the latent studio, or null
 * @param gan        the GAN bench's experiment
 * @param models     the autoencoder / VAE / RBM bench's experiment
 */
public record LabSession(int format, String tab, String geometry, String study, String latentView,
                         String latentRun, Bench gan, Bench models) {

    /** The format this lab writes and reads. */
    public static final int FORMAT = 1;

    /**
     * One training bench's experiment: a run folder to reopen, and the preset or experiment file it was made from
     * (opened instead when there is no run, or when the run folder is gone).
     *
     * @param preset     a preset's name, or null
     * @param experiment an experiment file, or null
     * @param run        a run folder, or null
     */
    public record Bench(String preset, String experiment, String run) {
        public Bench {
            preset = blankToNull(preset);
            experiment = blankToNull(experiment);
            run = blankToNull(run);
            if (preset != null && experiment != null) {
                throw new IllegalArgumentException("preset and experiment: give one of them, not both");
            }
        }

        static final Bench NONE = new Bench(null, null, null);
    }

    public LabSession {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format: this lab reads session format " + FORMAT + ", not " + format);
        }
        tab = blankToNull(tab);
        if (tab == null || LaunchPlan.Tab.parse(tab) == null) {
            throw new IllegalArgumentException("tab: must be one of " + String.join(", ",
                    Arrays.stream(LaunchPlan.Tab.values()).map(LaunchPlan.Tab::id).toList()) + ", not "
                    + (tab == null ? "missing" : "'" + tab + "'"));
        }
        geometry = blankToNull(geometry);
        if (geometry != null) {
            try {
                GeometryView.section(geometry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("geometry: must be toy, hessian, surface, tangents or training,"
                        + " not '" + geometry + "'");
            }
        }
        study = blankToNull(study);
        latentView = blankToNull(latentView);
        latentRun = blankToNull(latentRun);
        gan = gan == null ? Bench.NONE : gan;
        models = models == null ? Bench.NONE : models;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final ObjectMapper MAPPER = LabJson.strictMapper().copy()
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Reads a session file; a missing, malformed or invalid one fails with one line naming the file and field. */
    public static LabSession read(Path file) {
        String text = InputFiles.readJson(file, "session file");
        try {
            LabSession s = MAPPER.readValue(text, LabSession.class);
            if (s == null) {
                throw new LabException(file + ": empty session file");
            }
            return s;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                        && !m.getPath().isEmpty() && m.getPath().get(0).getFieldName() != null
                        && Arrays.asList("gan", "models").contains(m.getPath().get(0).getFieldName())
                        ? m.getPath().get(0).getFieldName() + "." : "";
                throw new LabException(file + ": " + where + iae.getMessage(), e);
            }
            throw new LabException(file + ": " + JsonErrors.describe(e), e);
        }
    }

    /** Writes this session to {@code file} whole or not at all. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The window options this session stands for, to be read by {@link LaunchPlan} before the command line's own
     * (which win). Each bench's experiment goes as {@code --gan-...} / {@code --model-...}; its run as {@code --run}.
     */
    public List<String> options() {
        List<String> o = new ArrayList<>();
        o.add("--tab=" + tab);
        add(o, "--geometry", geometry);
        add(o, "--study", study);
        add(o, "--latent-view", latentView);
        add(o, "--latent-run", latentRun);
        add(o, "--gan-preset", gan.preset());
        add(o, "--gan-experiment", gan.experiment());
        add(o, "--model-preset", models.preset());
        add(o, "--model-experiment", models.experiment());
        add(o, "--run", gan.run());
        add(o, "--run", models.run());
        return o;
    }

    private static void add(List<String> options, String name, String value) {
        if (value != null) {
            options.add(name + "=" + value);
        }
    }
}
