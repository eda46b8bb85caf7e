package org.latentlab.experiment.evaluate;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ClassifierFiles;
import org.latentlab.experiment.ClassifierModels;
import org.latentlab.experiment.DatasetSpec;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.SavedModel;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.classifier.ConfusionMatrix;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Every score of a saved model's samples, offline: opens the run (or one checkpoint), draws its samples
 * ({@link GeneratedSamples}), cuts the real sets ({@link RealSets}: the run's data, or images a person gives), finds or
 * trains the data set's classifier (or takes a given one), and fills the {@link ScoreCard}; for a VAE also its
 * held-out negative ELBO, with labelled images the classifier's accuracy and confusion matrix on them, and on request
 * the nearest-neighbour gallery. Runs on the calling thread.
 */
public final class GeneratorEvaluation {

    /** What to evaluate and against what. */
    public record Request(Path run, int samples, Path real, Path labels, Path classifier, int gallery, long seed) {
        public Request {
            if (run == null) {
                throw new IllegalArgumentException("give the run folder or checkpoint to evaluate");
            }
            if (samples < 2) {
                throw new IllegalArgumentException("the scores need at least 2 samples, not " + samples);
            }
            if (labels != null && real == null) {
                throw new IllegalArgumentException("--labels goes with --real: the labels of the images it names");
            }
            if (gallery < 0 || gallery > samples) {
                throw new IllegalArgumentException("the gallery shows 0 to " + samples + " samples, not " + gallery);
            }
        }
    }

    /**
     * The outcome.
     *
     * @param elbo     a VAE's held-out negative ELBO, else null
     * @param labelled the classifier on the labelled images given, else null
     * @param gallery  the nearest-neighbour gallery, else null
     */
    public record Result(SavedModel model, GeneratedSamples samples, double sampleSeconds, RealSets real,
                         ClassifierFiles.Saved classifier, ScoreCard.Result scores, HeldOutElbo elbo,
                         ConfusionMatrix labelled, NeighbourGallery gallery) {
    }

    private GeneratorEvaluation() {
    }

    /**
     * Opens the run and checks what can be checked before any long work (the run's family and data, the given
     * images' shape); then the rest.
     *
     * @param notes told in one line why a saved classifier is retrained
     */
    public static Result run(Request request, Monitor monitor, Consumer<String> notes) {
        SavedModel saved = SavedModel.open(request.run());
        int[] shape = saved.data().shape();
        if (shape.length != 3) {
            throw new LabException(saved.name() + " was trained on " + saved.data().name() + ", points rather than"
                    + " images: the scores for generated images need image data");
        }
        GeneratedSamples.requireSampler(saved);
        DatasetSpec dataset = saved.spec().dataset();
        boolean stacked = dataset.kind() == DatasetSpec.Kind.STACKED;
        ExampleSet given = request.real() == null ? null
                : RealSets.read(request.real(), request.labels(), shape, saved.name() + "'s generator");
        if (request.labels() != null && stacked) {
            throw new LabException("--labels measures the digit classifier on labelled digits of 1x28x28; "
                    + request.real() + " holds Stacked MNIST images of " + RealSets.describe(shape));
        }

        ClassifierFiles.Saved classifier = classifier(request, dataset, saved.name(), monitor, notes);
        int[] takes = classifier.classifier().inputShape();
        if (!Arrays.equals(stacked ? new int[] {1, shape[1], shape[2]} : shape, takes)) {
            throw new LabException(classifier.folder() + " takes images of " + RealSets.describe(takes) + ", but "
                    + saved.name() + " makes images of " + RealSets.describe(shape));
        }
        ClassifierImageJudge judge = stacked
                ? ClassifierImageJudge.stacked(classifier.classifier(), ImageScale.ZERO_TO_ONE)
                : ClassifierImageJudge.of(classifier.classifier(), ImageScale.ZERO_TO_ONE);

        monitor.progress(0, "drawing " + request.samples() + " samples from " + saved);
        long t = System.nanoTime();
        GeneratedSamples samples = GeneratedSamples.draw(saved, request.samples(), request.seed());
        double sampleSeconds = (System.nanoTime() - t) / 1e9;
        RealSets real = given == null ? RealSets.fromRun(saved, classifier.info().spec(), request.samples())
                : RealSets.fromGiven(given, request.samples(), RealSets.training(saved));
        ScoreCard.Result scores = ScoreCard.evaluate(judge, samples.images(), real.reference(), real.test(),
                real.validation(), request.seed(), monitor);
        HeldOutElbo elbo = saved.kind() == Family.VAE ? HeldOutElbo.of(saved, request.seed()) : null;
        ConfusionMatrix labelled = request.labels() == null ? null : classifier.classifier().confusion(given);
        NeighbourGallery gallery = request.gallery() == 0 ? null : NeighbourGallery.of(samples.images().pixels(),
                request.gallery(), shape, real.training(), judge, monitor);
        return new Result(saved, samples, sampleSeconds, real, classifier, scores, elbo, labelled, gallery);
    }

    private static ClassifierFiles.Saved classifier(Request request, DatasetSpec dataset, String run, Monitor monitor,
                                                    Consumer<String> notes) {
        if (request.classifier() != null) {
            return ClassifierFiles.load(request.classifier());
        }
        boolean bundled = dataset.path() == null && (dataset.kind() == DatasetSpec.Kind.IMAGES
                || dataset.kind() == DatasetSpec.Kind.STACKED);
        if (!bundled) {
            throw new LabException(run + " trains on " + dataset + ": the lab has classifiers of the bundled mnist"
                    + " and fashion images (and Stacked MNIST) only; give a classifier of these images with"
                    + " --classifier");
        }
        return ClassifierModels.forDataset(dataset.name(), monitor, notes);
    }
}
