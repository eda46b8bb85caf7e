package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ImageScale;
import org.latentlab.data.StackedMnist;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.metrics.ImageJudge;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the live scores of a GAN training on the bundled MNIST or Fashion-MNIST images, or on Stacked MNIST, compare
 * its samples with, prepared once per data set (the classifier may have to be trained first: minutes): the
 * classifier as the judge, and the real sets cut as {@code evaluate} cuts them for a GAN, by the same function ({@link RealSets#forGan}):
 * the test set is the split the classifier held out, reference and validation come from its training part, and the
 * gallery searches every image the GAN trains on. Stacked MNIST is judged by the MNIST classifier channel by
 * channel, its modes counted out of 1,000 ({@link ClassifierImageJudge#stacked}), its real sets disjoint parts of
 * the shuffled stacks. Pixels in [0, 1].
 *
 * <p>Used from one worker thread at a time (the judge is).
 */
public final class ScoringSetup {

    /** Generated images per live score card. */
    public static final int SAMPLE_SIZE = 500;

    private final String about;
    private final ImageJudge judge;
    private final RealSets real;
    private final GalleryPool pool;

    /**
     * @param about names the classifier and its accuracy, for a person ("MNIST classifier, 99.1 % right on 1,000
     *              held-out images")
     */
    public ScoringSetup(String about, ImageJudge judge, RealSets real) {
        this.about = about;
        this.judge = judge;
        this.real = real;
        this.pool = new GalleryPool(real.training(), judge);
    }

    /**
     * True for the image sets the lab has a classifier of: the bundled MNIST and Fashion-MNIST, and Stacked MNIST
     * (judged by the MNIST classifier channel by channel).
     */
    public static boolean appliesTo(GanExperiment spec) {
        DatasetSpec d = spec.dataset();
        return d.path() == null && (d.kind() == DatasetSpec.Kind.IMAGES || d.kind() == DatasetSpec.Kind.STACKED)
                && Presets.classifiers().contains(d.name() + "-classifier");
    }

    /**
     * What a prepared setup serves: one per data set, and Stacked MNIST apart from the MNIST digits it is made of
     * ("mnist", "stacked mnist").
     */
    public static String key(GanExperiment spec) {
        DatasetSpec d = spec.dataset();
        return (d.kind() == DatasetSpec.Kind.STACKED ? "stacked " : "") + d.name();
    }

    /** True when the classifier of {@code spec}'s data is in the models folder (else preparing trains it). */
    public static boolean classifierSaved(GanExperiment spec) {
        return Files.exists(ClassifierModels.modelsDir().resolve(spec.dataset().name() + "-classifier")
                .resolve(ClassifierFiles.MODEL));
    }

    /**
     * Finds (or trains, reporting progress) the classifier of {@code spec}'s data and cuts the real sets, for
     * generated sets of {@code sampleSize}.
     *
     * @param notes told in one line why a saved classifier is retrained
     */
    public static ScoringSetup prepare(GanExperiment spec, Path baseDir, int sampleSize, Monitor monitor,
                                       Consumer<String> notes) {
        if (!appliesTo(spec)) {
            throw new LabException("the lab has a classifier for the bundled mnist and fashion images (and Stacked"
                    + " MNIST) only, not for " + spec.dataset());
        }
        Backend.applyToCurrentThread();
        String name = spec.dataset().name();
        ClassifierFiles.Saved saved = ClassifierModels.forDataset(name, monitor, notes);
        RealSets real = RealSets.forGan(spec.dataset(), baseDir, saved.info().spec(), sampleSize);
        String accuracy = String.format(Locale.ROOT, "%.1f %% right on %,d held-out images",
                100 * saved.info().heldOutAccuracy(), saved.info().heldOutExamples());
        if (spec.dataset().kind() == DatasetSpec.Kind.STACKED) {
            return new ScoringSetup("MNIST classifier on each channel (" + accuracy + "), modes of "
                    + StackedMnist.MODES + " digit triples",
                    ClassifierImageJudge.stacked(saved.classifier(), ImageScale.ZERO_TO_ONE), real);
        }
        String about = (name.equals("mnist") ? "MNIST" : "Fashion-MNIST") + " classifier, " + accuracy;
        return new ScoringSetup(about, ClassifierImageJudge.of(saved.classifier(), ImageScale.ZERO_TO_ONE), real);
    }

    /** Every score of {@code generated} beside its real-versus-real baseline. */
    public ScoreCard.Result score(LiveSamples generated, long seed, Monitor monitor) {
        Backend.applyToCurrentThread();
        return ScoreCard.evaluate(judge, generated.samples().images(), real.reference(), real.test(),
                real.validation(), seed, monitor);
    }

    /**
     * The first {@code queries} images of {@code generated}, each with its {@link NeighbourGallery#NEIGHBOURS}
     * nearest training images in pixel space and in the classifier's feature space. The training images' features
     * are computed at the first gallery of this setup and kept for the next ones.
     */
    public NeighbourGallery gallery(LiveSamples generated, int queries, Monitor monitor) {
        Backend.applyToCurrentThread();
        GeneratedSamples s = generated.samples();
        return NeighbourGallery.of(s.images().pixels(), Math.min(queries, s.images().count()), s.shape(), pool,
                monitor);
    }

    /** The classifier and its accuracy, for a person. */
    public String about() {
        return about;
    }

    /** Generated images a card takes. */
    public int sampleSize() {
        return real.reference().count();
    }

    /** Modes the samples are counted in: the classifier's classes, 1,000 digit triples for Stacked MNIST. */
    public int modeCount() {
        return judge.modeCount();
    }

    /** Real images every set is compared with. */
    public int testSize() {
        return real.test().count();
    }
}
