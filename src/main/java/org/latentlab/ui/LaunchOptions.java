package org.latentlab.ui;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's options as picocli reads them. Values are kept as text: whether a value can be used (a preset
 * that exists, a file that parses, a folder that is a run) is decided in {@link LaunchPlan#of}, which says why when not.
 */
@Command(name = "latentlab-window", sortOptions = false, sortSynopsis = false, usageHelpAutoWidth = true,
        description = "Opens the Latent Lab window. An option that cannot be used is left out and said in a line"
                + " at the bottom of the window, which opens on the default experiment and tab instead.")
final class LaunchOptions {
    @Option(names = "--preset", paramLabel = "NAME", description = "a GAN or autoencoder / VAE / RBM preset;"
            + " it picks its bench")
    String preset;
    @Option(names = "--experiment", paramLabel = "FILE.json", description = "an experiment file; it picks its"
            + " bench (instead of --preset)")
    String experiment;
    @Option(names = "--start", paramLabel = "true|false", description = "start training as soon as the"
            + " experiment is ready")
    String start;
    @Option(names = "--tab", paramLabel = "TAB", description = "the tab to show: gan, models, latent, geometry,"
            + " builder or sweeps")
    String tab;
    @Option(names = "--geometry", paramLabel = "SECTION", description = "the geometry bench's section: toy,"
            + " hessian, surface, tangents or training")
    String geometry;
    @Option(names = "--analyse", paramLabel = "FOLDER", description = "run or checkpoint folders (separated"
            + " by the path separator) to analyse in that section at once")
    String analyse;
    @Option(names = "--directions", paramLabel = "PLANE", description = "the loss-surface slice's plane:"
            + " random, hessian or pca")
    String directions;
    @Option(names = "--builder-template", paramLabel = "ID", description = "the network builder's template"
            + " (e.g. dcgan-28)")
    String builderTemplate;
    @Option(names = "--builder-open", paramLabel = "FILE.json", description = "a design, network or"
            + " experiment file for the builder's canvas")
    String builderOpen;
    @Option(names = "--study", paramLabel = "ID", description = "a study to show in the autoencoder / VAE /"
            + " RBM bench's Studies tab, or a theory lecture in the geometry bench's")
    String study;
    @Option(names = "--latent-run", paramLabel = "FOLDER", description = "a run or checkpoint folder for the"
            + " latent studio")
    String latentRun;
    @Option(names = "--latent-train", paramLabel = "PRESET", description = "an autoencoder or VAE preset the"
            + " latent studio trains a quick model of")
    String latentTrain;
    @Option(names = "--latent-iterations", paramLabel = "N", description = "the quick model's iterations"
            + " (1 to 100000)")
    String latentIterations;
    @Option(names = "--latent-view", paramLabel = "NAME", description = "part of the name of the latent"
            + " studio's tab to show (e.g. map, interpolation)")
    String latentView;
    @Option(names = "--session", paramLabel = "FILE.json", description = "a session saved by File → Save session…;"
            + " the options given beside it win")
    String session;
    @Option(names = "--run", paramLabel = "FOLDER", description = "a run folder to reopen at its newest checkpoint,"
            + " paused, on its bench (once per bench)")
    List<String> run = new ArrayList<>();
    @Option(names = "--gan-preset", paramLabel = "NAME", description = "the GAN bench's preset, whatever --preset"
            + " picks")
    String ganPreset;
    @Option(names = "--gan-experiment", paramLabel = "FILE.json", description = "the GAN bench's experiment file")
    String ganExperiment;
    @Option(names = "--model-preset", paramLabel = "NAME", description = "the autoencoder / VAE / RBM bench's"
            + " preset, whatever --preset picks")
    String modelPreset;
    @Option(names = "--model-experiment", paramLabel = "FILE.json", description = "the autoencoder / VAE / RBM"
            + " bench's experiment file")
    String modelExperiment;
    @Option(names = "--presenter", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "presenter mode: larger fonts and controls for a projector (View menu)")
    String presenter;
    @Option(names = "--lesson", paramLabel = "ID|FILE.json", description = "open a lesson in the lessons panel:"
            + " a bundled lesson's id (e.g. gan-collapse) or a lesson file")
    String lesson;
    @Option(names = "--sweep", paramLabel = "FOLDER", description = "a sweep folder (made by latentlab sweep) for the"
            + " sweeps tab")
    String sweep;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this list and exit")
    boolean help;
    @Parameters(hidden = true)
    List<String> stray = new ArrayList<>();
    @Unmatched
    List<String> unknown = new ArrayList<>();
}
