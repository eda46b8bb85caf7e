package org.latentlab.ui;

import org.latentlab.experiment.Family;
import org.latentlab.core.LabException;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.experiment.Checkpoints;
import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.StudioModels;
import org.latentlab.experiment.geometry.SliceOptions;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.lessons.LessonFiles;
import org.latentlab.ui.studies.Lectures;
import org.latentlab.ui.studies.Studies;
import picocli.CommandLine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the window opens, read from its command line ({@code --name=value} or {@code --name value}, parsed by picocli,
 * {@code --help} for the list) before any screen is built: every parameter is checked here, and one that cannot be
 * used (a missing or malformed experiment file, an unknown
 * preset, tab or section, a folder that is not a run) is left out with a one-line message saying which parameter
 * and what is wrong, so the window always opens (on the default experiment and tab where needed) and shows the
 * messages instead of failing to start. No JavaFX: tested without a screen. One concept, read in one sitting
 * despite its length: the options, then one check per option.
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
 * @param sweep          a sweep folder for the sweeps tab, or null
 * @param latentTrain    a preset the latent studio trains a quick model of, or null
 * @param latentIterations the quick model's iterations
 * @param latentView     part of the name of the latent studio's tab to show, or null
 * @param study          the study to show in the autoencoder / VAE / RBM bench's Studies tab, or null
 * @param ganRun         a GAN run folder to reopen at its newest checkpoint on the GAN bench, or null
 * @param modelRun       an autoencoder / VAE / RBM run folder to reopen on its bench, or null
 * @param messages       one line per parameter that was not used, and why
 * @param presenter      open in presenter mode (larger fonts and controls for a projector)
 * @param lesson         a bundled lesson's id or a lesson file to open in the lessons panel, or null
 */
public record LaunchPlan(Bench bench, String ganPreset, Path ganFile, String modelPreset, Path modelFile,
                         boolean start, Tab tab, String builderTemplate, Path builderOpen,
                         GeometryView.Section section, String analyse, String directions, Path latentRun,
                         String latentTrain, int latentIterations, String latentView, String study,
                         Path ganRun, Path modelRun, Path sweep, List<String> messages, boolean presenter,
                         String lesson) {

    /** The two training benches. */
    public enum Bench { GAN, MODELS }

    /** The window's tabs, by their {@code --tab} names. */
    public enum Tab {
        GAN("gan"), MODELS("models"), LATENT("latent"), GEOMETRY("geometry"), BUILDER("builder"), SWEEPS("sweeps");

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

    /** Every option the window knows, as {@code --help} lists them (help itself aside). */
    public static final List<String> KNOWN = commandLine(new LaunchOptions()).getCommandSpec().options().stream()
            .filter(o -> !o.usageHelp()).map(o -> o.longestName().substring(2)).toList();

    public LaunchPlan {
        messages = List.copyOf(messages);
    }

    private static CommandLine commandLine(LaunchOptions options) {
        CommandLine cl = new CommandLine(options);
        cl.setExpandAtFiles(false); // "@name" is a value like any other
        cl.setOverwrittenOptionsAllowed(true); // the last one wins, as it always did
        return cl;
    }

    /**
     * Reads the command line into {@code options}. An option given without a value is left out with a message,
     * and the rest is read again without it, so one slip never loses the other options.
     */
    private static LaunchOptions parse(List<String> args, List<String> messages) {
        List<String> rest = new ArrayList<>(args);
        while (true) {
            LaunchOptions options = new LaunchOptions();
            try {
                commandLine(options).parseArgs(rest.toArray(String[]::new));
                return options;
            } catch (CommandLine.ParameterException e) {
                int culprit = culprit(rest, e);
                if (culprit < 0) {
                    messages.add("the window's options could not be read (" + e.getMessage() + "); none used");
                    return new LaunchOptions();
                }
                messages.add("'" + rest.get(culprit) + "' has no value, ignored (they read --name=value)");
                rest.remove(culprit);
            }
        }
    }

    /** The argument that made picocli fail: an option of ours given without a value; -1 when none is found. */
    private static int culprit(List<String> args, CommandLine.ParameterException e) {
        List<CommandLine.Model.ArgSpec> specs = new ArrayList<>();
        if (e.getArgSpec() != null) {
            specs.add(e.getArgSpec());
        }
        if (e instanceof CommandLine.MissingParameterException m && m.getMissing() != null) {
            specs.addAll(m.getMissing());
        }
        for (CommandLine.Model.ArgSpec spec : specs) {
            if (spec instanceof CommandLine.Model.OptionSpec o) {
                for (int i = args.size() - 1; i >= 0; i--) {
                    if (Arrays.asList(o.names()).contains(args.get(i))) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** True when the command line asks for {@code --help} (the launcher then prints {@link #usage()}). */
    public static boolean helpRequested(List<String> args) {
        return parse(args, new ArrayList<>()).help;
    }

    /** The list of the window's options, as {@code --help} prints it. */
    public static String usage() {
        return commandLine(new LaunchOptions()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Reads the window's command line; never throws for a bad value (it becomes a message). */
    public static LaunchPlan of(List<String> args) {
        List<String> messages = new ArrayList<>();
        LaunchOptions options = parse(args, new ArrayList<>());
        String sessionFile = value(options.session);
        List<String> all = new ArrayList<>(args);
        if (sessionFile != null) {
            try {
                all.addAll(0, LabSession.read(Path.of(sessionFile)).options()); // the command line's own win
            } catch (LabException e) {
                messages.add("--session: " + e.getMessage() + "; not restored");
            }
        }
        options = parse(all, messages);
        for (String u : options.unknown) {
            String name = u.contains("=") ? u.substring(0, u.indexOf('=')) : u;
            messages.add(name + ": unknown window parameter, ignored (known: --" + String.join(", --", KNOWN)
                    + ")");
        }
        for (String u : options.stray) {
            messages.add("'" + u + "': not a window parameter, ignored (they read --name=value)");
        }
        String defaultGan = Presets.defaultName();
        String defaultModel = Presets.reconstructions().get(0);
        String ganPreset = defaultGan;
        String modelPreset = defaultModel;
        Path ganFile = null;
        Path modelFile = null;
        Bench bench = Bench.GAN;

        String file = value(options.experiment);
        String preset = value(options.preset);
        if (file != null) {
            Path path = Path.of(file);
            try {
                String text = ExperimentFiles.readText(path);
                if (ExperimentFiles.isGan(text, file)) {
                    ExperimentFiles.parseGan(text, file);
                    ganFile = path;
                } else {
                    ExperimentFiles.parseModel(text, file);
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
            } else if (Presets.onModelBench(preset)) {
                modelPreset = preset;
                bench = Bench.MODELS;
            } else {
                messages.add("--preset: no preset named '" + preset + "'; opened " + defaultGan + " instead (known: "
                        + String.join(", ", Presets.gans()) + ", " + String.join(", ", Presets.modelBench()) + ")");
            }
        } else if (preset != null && file != null && (ganFile != null || modelFile != null)) {
            messages.add("--preset=" + preset + " ignored: --experiment picks the experiment");
        }

        boolean ganByHand = ganFile != null || file == null && preset != null && Presets.gans().contains(preset);
        boolean modelByHand = modelFile != null || file == null && preset != null && Presets.reconstructs(preset);
        Pick gan = pick("gan", value(options.ganPreset), value(options.ganExperiment), true, messages);
        if (gan != null && !ganByHand) {
            ganPreset = gan.preset() != null ? gan.preset() : ganPreset;
            ganFile = gan.file();
        }
        Pick model = pick("model", value(options.modelPreset), value(options.modelExperiment), false, messages);
        if (model != null && !modelByHand) {
            modelPreset = model.preset() != null ? model.preset() : modelPreset;
            modelFile = model.file();
        }
        Path ganRun = null;
        Path modelRun = null;
        for (String r : options.run) {
            String v = value(r);
            try {
                if (v == null || !Files.isDirectory(Path.of(v))) {
                    throw new LabException("no such run folder '" + v + "'");
                }
                Experiment<?> spec = ExperimentFiles.read(Path.of(v).resolve("spec.json"));
                Checkpoints.choose(Path.of(v));
                if (spec instanceof GanExperiment) {
                    ganRun = Path.of(v);
                } else {
                    modelRun = Path.of(v);
                }
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--run: " + e.getMessage() + "; its bench opened its experiment instead");
            }
        }
        if (ganRun == null && modelRun != null && !ganByHand) {
            bench = Bench.MODELS;
        }

        boolean start = false;
        String startText = value(options.start);
        if (startText != null) {
            if (startText.equalsIgnoreCase("true") || startText.equalsIgnoreCase("false")) {
                start = Boolean.parseBoolean(startText);
            } else {
                messages.add("--start must be true or false, not '" + startText + "'; not started");
            }
        }

        Tab tab = bench == Bench.MODELS ? Tab.MODELS : Tab.GAN;
        String tabText = value(options.tab);
        if (tabText != null) {
            Tab t = Tab.parse(tabText);
            if (t == null) {
                messages.add("--tab: no tab '" + tabText + "'; opened " + tab.id() + " (known: "
                        + String.join(", ", Arrays.stream(Tab.values()).map(Tab::id).toList()) + ")");
            } else {
                tab = t;
            }
        }

        String builderTemplate = value(options.builderTemplate);
        if (builderTemplate != null) {
            try {
                org.latentlab.experiment.DesignExperiments.template(builderTemplate);
            } catch (LabException e) {
                messages.add("--builder-template: " + e.getMessage());
                builderTemplate = null;
            }
        }
        Path builderOpen = null;
        String design = value(options.builderOpen);
        if (design != null) {
            try {
                DesignExperiments.open(Path.of(design));
                builderOpen = Path.of(design);
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--builder-open: " + e.getMessage() + "; the builder opened on its template");
            }
        }

        GeometryView.Section section = null;
        String sectionText = value(options.geometry);
        if (sectionText != null) {
            try {
                section = GeometryView.section(sectionText);
            } catch (IllegalArgumentException e) {
                messages.add(e.getMessage());
            }
        }
        String directions = value(options.directions);
        if (directions != null) {
            try {
                SliceOptions.Directions.parse(directions);
            } catch (IllegalArgumentException e) {
                messages.add("--directions: " + e.getMessage());
                directions = null;
            }
        }
        String analyse = value(options.analyse);
        if (analyse != null) {
            for (String folder : analyse.split(Pattern.quote(File.pathSeparator))) {
                if (!Files.isDirectory(Path.of(folder))) {
                    messages.add("--analyse: " + folder + ": no such run or checkpoint folder; nothing analysed");
                    analyse = null;
                    break;
                }
            }
        }
        boolean geometryAsked = sectionText != null || value(options.analyse) != null;
        // a section alone shows its bench; beside --tab (a session's sub-tab) it is only chosen there
        if (analyse != null || geometryAsked && tabText == null) {
            tab = Tab.GEOMETRY;
        }
        if (analyse != null && section == null) {
            section = GeometryView.Section.SURFACE;
        }

        Path latentRun = null;
        String run = value(options.latentRun);
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
        String latentTrain = value(options.latentTrain);
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
        String iterations = value(options.latentIterations);
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
        String latentView = value(options.latentView);
        String study = value(options.study);
        if (study != null) {
            java.util.Optional<org.latentlab.ui.studies.Study> lecture = Lectures.find(study);
            if (lecture.isPresent()) {
                study = lecture.get().id();
                if (tabText == null) {
                    tab = Tab.GEOMETRY;
                }
            } else if (Studies.find(study).isEmpty()) {
                java.util.List<String> known = new java.util.ArrayList<>(
                        Studies.all().stream().map(org.latentlab.ui.studies.Study::id).toList());
                Lectures.all().forEach(l -> known.add(l.id()));
                messages.add("--study: no study '" + study + "' (known: " + String.join(", ", known) + ")");
                study = null;
            } else {
                study = Studies.find(study).get().id();
                if (tabText == null) {
                    tab = Tab.MODELS;
                }
            }
        }
        boolean presenter = false;
        String presenterText = value(options.presenter);
        if (presenterText != null) {
            if (presenterText.equalsIgnoreCase("true") || presenterText.equalsIgnoreCase("false")) {
                presenter = Boolean.parseBoolean(presenterText);
            } else {
                messages.add("--presenter must be true or false, not '" + presenterText + "'; presenter mode off");
            }
        }
        String lesson = value(options.lesson);
        if (lesson != null) {
            try {
                if (LessonFiles.find(lesson).isEmpty()) {
                    LessonFiles.read(Path.of(lesson));
                }
            } catch (LabException | java.nio.file.InvalidPathException e) {
                messages.add("--lesson: " + e.getMessage() + " (bundled: " + String.join(", ",
                        LessonFiles.bundled().stream().map(LessonFiles.Bundled::id).toList()) + ")");
                lesson = null;
            }
        }
        Path sweep = null;
        String sweepText = value(options.sweep);
        if (sweepText != null) {
            if (org.latentlab.experiment.sweep.SweepFiles.isSweepFolder(Path.of(sweepText))) {
                sweep = Path.of(sweepText);
                if (tabText == null) {
                    tab = Tab.SWEEPS;
                }
            } else {
                messages.add("--sweep: " + sweepText + " is not a sweep folder (it has no sweep.json and base.json)");
            }
        }
        return new LaunchPlan(bench, ganPreset, ganFile, modelPreset, modelFile, start, tab, builderTemplate,
                builderOpen, section, analyse, directions, latentRun, latentTrain, latentIterations, latentView,
                study, ganRun, modelRun, sweep, messages, presenter, lesson);
    }

    /** A bench's experiment from {@code --gan-...} or {@code --model-...}: a preset or a file. */
    private record Pick(String preset, Path file) {
    }

    /** The preset or experiment file given for one bench, checked; null (and a message) when none can be used. */
    private static Pick pick(String bench, String preset, String file, boolean gan, List<String> messages) {
        if (file != null) {
            try {
                String text = ExperimentFiles.readText(Path.of(file));
                if (gan) {
                    ExperimentFiles.parseGan(text, file);
                } else {
                    ExperimentFiles.parseModel(text, file);
                }
                return new Pick(null, Path.of(file));
            } catch (LabException | IllegalArgumentException e) {
                messages.add("--" + bench + "-experiment: " + e.getMessage());
            }
        }
        if (preset != null) {
            if (gan ? Presets.gans().contains(preset) : Presets.onModelBench(preset)) {
                return new Pick(preset, null);
            }
            messages.add("--" + bench + "-preset: no " + (gan ? "GAN" : "autoencoder / VAE / RBM / SBN")
                    + " preset named '" + preset + "'");
        }
        return null;
    }

    /** The messages as one line for the status bar; empty when every parameter was used. */
    public String summary() {
        return String.join("  ·  ", messages);
    }

    private static boolean known(String preset) {
        return Presets.gans().contains(preset) || Presets.onModelBench(preset);
    }

    /** A parameter's value, or null when absent or blank. */
    private static String value(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s bench (%s), tab %s%s", bench, bench == Bench.GAN
                        ? (ganFile != null ? ganFile : ganPreset) : (modelFile != null ? modelFile : modelPreset),
                tab.id(), messages.isEmpty() ? "" : ", " + messages.size() + " message(s)");
    }
}
