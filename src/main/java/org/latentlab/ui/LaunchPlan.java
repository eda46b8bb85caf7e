package org.latentlab.ui;

import org.latentlab.experiment.Family;
import org.latentlab.core.LabException;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.StudioModels;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.ui.geometry.GeometryView;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the window opens, read from its named parameters ({@code --name=value}) before any screen is built: every
 * parameter is checked here, and one that cannot be used (a missing or malformed experiment file, an unknown
 * preset, tab or section, a folder that is not a run) is left out with a one-line message saying which parameter
 * and what is wrong, so the window always opens (on the default experiment and tab where needed) and shows the
 * messages instead of failing to start. No JavaFX: tested without a screen.
 *
 * @param bench          the training bench the preset or experiment file picks (its tab is the default tab)
 * @param ganPreset      the GAN bench's preset (when {@code ganFile} is null)
 * @param ganFile        a GAN experiment file to open on the GAN bench, or null
 * @param modelPreset    the model bench's preset (when {@code modelFile} is null)
 * @param modelFile      an autoencoder / VAE / RBM experiment file to open on the model bench, or null
 * @param start          start training on {@code bench} as soon as its experiment is ready
 * @param tab            the tab to show
 * @param builderTemplate a builder template id, or null
 * @param builderOpen    a design, network or experiment file for the builder's canvas, or null
 * @param section        the geometry bench's section to show, or null
 * @param analyse        run or checkpoint folders (path-separator separated) to analyse in {@code section}, or null
 * @param directions     the loss-surface slice's plane ({@code random}, {@code hessian}, {@code pca}), or null
 * @param latentRun      a run or checkpoint folder for the latent studio, or null
 * @param latentTrain    a preset the latent studio trains a quick model of, or null
 * @param latentIterations the quick model's iterations
 * @param latentView     part of the name of the latent studio's tab to show, or null
 * @param messages       one line per parameter that was not used, and why
 */
public record LaunchPlan(Bench bench, String ganPreset, Path ganFile, String modelPreset, Path modelFile,
                         boolean start, Tab tab, String builderTemplate, Path builderOpen,
                         GeometryView.Section section, String analyse, String directions, Path latentRun,
                         String latentTrain, int latentIterations, String latentView, List<String> messages) {

    /** The two training benches. */
    public enum Bench { GAN, MODELS }

    /** The window's tabs, by their {@code --tab} names. */
    public enum Tab {
        GAN("gan"), MODELS("models"), LATENT("latent"), GEOMETRY("geometry"), BUILDER("builder");

        private final String id;

        Tab(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Tab parse(String s) {
            for (Tab t : values()) {
                if (t.id.equalsIgnoreCase(s.trim())) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Every named parameter the window knows. */
    public static final List<String> KNOWN = List.of("preset", "experiment", "start", "tab", "geometry", "analyse",
            "directions", "builder-template", "builder-open", "latent-run", "latent-train", "latent-iterations",
            "latent-view");

    public LaunchPlan {
        messages = List.copyOf(messages);
    }

    /** Reads the window's parameters; never throws for a bad value (it becomes a message). */
    public static LaunchPlan of(Map<String, String> named, List<String> unnamed) {
        List<String> messages = new ArrayList<>();
        for (String name : named.keySet()) {
            if (!KNOWN.contains(name)) {
                messages.add("--" + name + ": unknown window parameter, ignored (known: --"
                        + String.join(", --", KNOWN) + ")");
            }
        }
        for (String u : unnamed) {
            messages.add("'" + u + "': not a window parameter, ignored (they read --name=value)");
        }
        String defaultGan = Presets.defaultName();
        String defaultModel = Presets.reconstructions().get(0);
        String ganPreset = defaultGan;
        String modelPreset = defaultModel;
        Path ganFile = null;
        Path modelFile = null;
        Bench bench = Bench.GAN;

        String file = value(named, "experiment");
        String preset = value(named, "preset");
        if (file != null) {
            Path path = Path.of(file);
            try {
                String text = ExperimentFiles.readText(path);
                if (ExperimentFiles.isGan(text, file)) {
                    ExperimentFiles.parseGan(text, file);
                    ganFile = path;
                } else {
                    ExperimentFiles.parseReconstruction(text, file);
                    modelFile = path;
                    bench = Bench.MODELS;
                }
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--experiment: " + e.getMessage() + "; opened " + (preset != null
                        && known(preset) ? "the preset " + preset : "the default experiment " + defaultGan)
                        + " instead");
            }
        }
        if (preset != null && ganFile == null && modelFile == null) {
            if (Presets.gans().contains(preset)) {
                ganPreset = preset;
            } else if (Presets.reconstructs(preset)) {
                modelPreset = preset;
                bench = Bench.MODELS;
            } else {
                messages.add("--preset: no preset named '" + preset + "'; opened " + defaultGan + " instead (known: "
                        + String.join(", ", Presets.gans()) + ", " + String.join(", ", Presets.reconstructions()) + ")");
            }
        } else if (preset != null && file != null && (ganFile != null || modelFile != null)) {
            messages.add("--preset=" + preset + " ignored: --experiment picks the experiment");
        }

        boolean start = false;
        String startText = value(named, "start");
        if (startText != null) {
            if (startText.equalsIgnoreCase("true") || startText.equalsIgnoreCase("false")) {
                start = Boolean.parseBoolean(startText);
            } else {
                messages.add("--start must be true or false, not '" + startText + "'; not started");
            }
        }

        Tab tab = bench == Bench.MODELS ? Tab.MODELS : Tab.GAN;
        String tabText = value(named, "tab");
        if (tabText != null) {
            Tab t = Tab.parse(tabText);
            if (t == null) {
                messages.add("--tab: no tab '" + tabText + "'; opened " + tab.id() + " (known: "
                        + String.join(", ", Arrays.stream(Tab.values()).map(Tab::id).toList()) + ")");
            } else {
                tab = t;
            }
        }

        String builderTemplate = value(named, "builder-template");
        if (builderTemplate != null) {
            try {
                DesignTemplates.get(builderTemplate);
            } catch (LabException e) {
                messages.add("--builder-template: " + e.getMessage());
                builderTemplate = null;
            }
        }
        Path builderOpen = null;
        String design = value(named, "builder-open");
        if (design != null) {
            try {
                DesignExperiments.open(Path.of(design));
                builderOpen = Path.of(design);
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--builder-open: " + e.getMessage() + "; the builder opened on its template");
            }
        }

        GeometryView.Section section = null;
        String sectionText = value(named, "geometry");
        if (sectionText != null) {
            try {
                section = GeometryView.section(sectionText);
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
            }
        }
        String directions = value(named, "directions");
        if (directions != null) {
            try {
                SliceOptions.Directions.parse(directions);
            } catch (IllegalArgumentException e) {
                messages.add("--directions: " + e.getMessage());
                directions = null;
            }
        }
        String analyse = value(named, "analyse");
        if (analyse != null) {
            for (String folder : analyse.split(Pattern.quote(File.pathSeparator))) {
                if (!Files.isDirectory(Path.of(folder))) {
                    messages.add("--analyse: " + folder + ": no such run or checkpoint folder; nothing analysed");
                    analyse = null;
                    break;
                }
            }
        }
        boolean geometryAsked = sectionText != null || value(named, "analyse") != null;
        if (section != null || analyse != null || geometryAsked && tabText == null) {
            tab = Tab.GEOMETRY;
        }
        if (analyse != null && section == null) {
            section = GeometryView.Section.SURFACE;
        }

        Path latentRun = null;
        String run = value(named, "latent-run");
        if (run != null) {
            try {
                SavedModel saved = SavedModel.open(Path.of(run));
                if (saved.kind() == Family.RBM) {
                    throw new LabException(run + " is an RBM run: the latent studio explores a decoder network");
                }
                latentRun = Path.of(run);
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--latent-run: " + e.getMessage());
            }
        }
        String latentTrain = value(named, "latent-train");
        if (latentTrain != null && run != null) {
            messages.add("--latent-train=" + latentTrain + " ignored: --latent-run picks the studio's model");
            latentTrain = null;
        } else if (latentTrain != null) {
            try {
                if (!Presets.reconstructs(latentTrain)) {
                    throw new LabException("no autoencoder or VAE preset named '" + latentTrain + "' (quick models: "
                            + String.join(", ", StudioModels.QUICK_PRESETS) + ")");
                }
                if (Presets.loadReconstruction(latentTrain).family() == Family.RBM) {
                    throw new LabException(latentTrain + " is an RBM: the latent studio needs an autoencoder or VAE");
                }
            } catch (LabException e) {
                messages.add("--latent-train: " + e.getMessage());
                latentTrain = null;
            }
        }
        int latentIterations = StudioModels.QUICK_ITERATIONS;
        String iterations = value(named, "latent-iterations");
        if (iterations != null) {
            try {
                latentIterations = Integer.parseInt(iterations.trim());
                if (latentIterations < 1 || latentIterations > 100_000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                latentIterations = StudioModels.QUICK_ITERATIONS;
                messages.add("--latent-iterations must be a whole number from 1 to 100000, not '" + iterations
                        + "'; using " + latentIterations);
            }
        }
        String latentView = value(named, "latent-view");
        return new LaunchPlan(bench, ganPreset, ganFile, modelPreset, modelFile, start, tab, builderTemplate,
                builderOpen, section, analyse, directions, latentRun, latentTrain, latentIterations, latentView,
                messages);
    }

    /** The messages as one line for the status bar; empty when every parameter was used. */
    public String summary() {
        return String.join("  ·  ", messages);
    }

    private static boolean known(String preset) {
        return Presets.gans().contains(preset) || Presets.reconstructs(preset);
    }

    /** A parameter's value, or null when absent or blank. */
    private static String value(Map<String, String> named, String name) {
        String v = named.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s bench (%s), tab %s%s", bench, bench == Bench.GAN
                        ? (ganFile != null ? ganFile : ganPreset) : (modelFile != null ? modelFile : modelPreset),
                tab.id(), messages.isEmpty() ? "" : ", " + messages.size() + " message(s)");
    }
}
