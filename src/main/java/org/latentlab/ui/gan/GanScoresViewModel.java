package org.latentlab.ui.gan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.evaluate.LiveSamples;
import org.latentlab.experiment.evaluate.NeighbourGallery;
import org.latentlab.experiment.evaluate.ScoringSetup;
import org.latentlab.metrics.ScoreCard;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.NumberInput;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The live scores of an image GAN on the bench: every N iterations a score card of a fixed batch of G's samples
 * ({@link ScoringSetup#SAMPLE_SIZE} codes drawn once) against real images, charted beside the real-versus-real
 * baselines, and on request a nearest-neighbour gallery. The training thread only copies G's samples when asked;
 * preparing (which may train the classifier, minutes), scoring and the gallery are jobs for this ViewModel's own
 * {@link TaskRunner}, so neither training nor the FX thread waits on them. A card falling due while the previous one
 * is still computed is skipped, and said. All methods are called on the FX thread (the test's thread in tests).
 */
public final class GanScoresViewModel {

    /** Iterations between two cards unless set otherwise. */
    public static final int DEFAULT_INTERVAL = 1_000;
    /** Generated images in the gallery (each with its nearest training images in two spaces). */
    public static final int GALLERY_IMAGES = 4;
    /** What the gallery shows, in one line. */
    public static final String GALLERY_NOTE = "Memorisation check (Theis et al. 2016): each generated image, then its "
            + NeighbourGallery.NEIGHBOURS + " nearest training images by pixel distance and by the classifier's"
            + " features; a copy of a training image would sit at distance about 0.";
    /** How long a card waits for the run's thread to hand over its samples. */
    private static final long CAPTURE_TIMEOUT_MILLIS = 60_000;

    /** Prepares what a data set's scores compare with (slow: may train the classifier). */
    @FunctionalInterface
    public interface Preparer {
        ScoringSetup prepare(GanExperiment spec, Monitor monitor, Consumer<String> notes);
    }

    /** Copies G's samples for {@code count} codes drawn from {@code seed} out of the run on the bench. */
    @FunctionalInterface
    public interface Sampler {
        CompletableFuture<LiveSamples> capture(int count, long seed);
    }

    /** A card charted: the iteration its samples were copied at, the scores and how long they took. */
    public record Card(long iteration, ScoreCard.Result result, double seconds) {
    }

    /** A gallery shown: the iteration its samples were copied at, and the neighbours. */
    public record Gallery(long iteration, NeighbourGallery neighbours) {
    }

    private final TaskRunner runner;
    private final Preparer preparer;
    private final GanScoreCurves curves = new GanScoreCurves();
    /** Prepared setups by data set, so a new run on the same data starts at once. */
    private final Map<String, ScoringSetup> setups = new HashMap<>();
    private final Map<String, TaskHandle> preparing = new HashMap<>();

    private GanExperiment spec;
    private Sampler sampler;
    private int interval = DEFAULT_INTERVAL;
    private long nextDue;
    /** Bumped by every new run and reset: outcomes of older jobs are dropped. */
    private int generation;
    private TaskHandle card = TaskHandle.NONE;
    private long cardIteration = -1;
    private TaskHandle gallerying = TaskHandle.NONE;
    private int skipped;

    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final BooleanProperty ready = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty intervalText = new SimpleStringProperty(String.valueOf(DEFAULT_INTERVAL));
    private final BooleanProperty intervalInvalid = new SimpleBooleanProperty(false);
    private final ObjectProperty<Card> lastCard = new SimpleObjectProperty<>();
    private final ObjectProperty<Gallery> gallery = new SimpleObjectProperty<>();
    private final StringProperty galleryStatus = new SimpleStringProperty(GALLERY_NOTE);
    private final StringProperty modesTitle = new SimpleStringProperty(GanScoreCurves.MODES_TITLE);

    /**
     * @param runner   runs preparing, scoring and the gallery (a worker of their own in the window, so a classifier
     *                 in training never holds up the bench's other jobs)
     * @param preparer null for a bench without scores
     */
    public GanScoresViewModel(TaskRunner runner, Preparer preparer) {
        this.runner = runner;
        this.preparer = preparer;
    }

    /** A bench without live scores (its image GANs show only the diversity of a fixed batch). */
    public static GanScoresViewModel off() {
        return new GanScoresViewModel(null, null);
    }

    // ---- runs (FX thread) ----

    /**
     * A new run is on the bench: scores for its samples when its data has a classifier (the charts are cleared, and
     * the classifier is found or trained once per data set), none otherwise.
     */
    public void prepare(GanExperiment next, Sampler nextSampler) {
        generation++;
        card.cancel();
        gallerying.cancel();
        card = TaskHandle.NONE;
        gallerying = TaskHandle.NONE;
        spec = next;
        sampler = nextSampler;
        curves.clear();
        lastCard.set(null);
        gallery.set(null);
        galleryStatus.set(GALLERY_NOTE);
        nextDue = 0;
        skipped = 0;
        modesTitle.set(GanScoreCurves.MODES_TITLE);
        boolean scores = preparer != null && ScoringSetup.appliesTo(next);
        available.set(scores);
        ready.set(false);
        if (!scores) {
            status.set("");
            return;
        }
        String key = ScoringSetup.key(next);
        String data = next.dataset().name();
        if (setups.containsKey(key)) {
            becomeReady();
        } else if (!preparing.containsKey(key)) {
            status.set(ScoringSetup.classifierSaved(next) ? "Scores: reading the " + data + " classifier…"
                    : "Scores: training the " + data + " classifier they need (about 4 minutes on two cores, once;"
                    + " kept in models/). Training goes on meanwhile.");
            GanExperiment forSpec = next;
            TaskHandle handle = runner.submit(BackgroundTask.of("preparing the scores",
                            m -> preparer.prepare(forSpec, m, note -> { }))
                    .onProgress((f, message) -> {
                        if (spec != null && key.equals(ScoringSetup.key(spec)) && message != null) {
                            status.set(String.format(Locale.ROOT, "Scores (first card when ready): %s", message));
                        }
                    })
                    .onSuccess(s -> {
                        preparing.remove(key);
                        setups.put(key, s);
                        if (spec != null && key.equals(ScoringSetup.key(spec)) && available.get()) {
                            becomeReady();
                        }
                    })
                    .onFailure(message -> {
                        preparing.remove(key);
                        if (spec != null && key.equals(ScoringSetup.key(spec))) {
                            status.set("Scores unavailable: " + message);
                        }
                    })
                    .onCancelled(() -> preparing.remove(key)));
            if (!handle.isDone()) {
                preparing.put(key, handle);
            }
        }
    }

    private void becomeReady() {
        ready.set(true);
        modesTitle.set(GanScoreCurves.modesTitle(setup().modeCount()));
        status.set(String.format(Locale.ROOT, "Scores: a card of %d samples every %,d iterations (%s)",
                setup().sampleSize(), interval, setup().about()));
    }

    private ScoringSetup setup() {
        return spec == null ? null : setups.get(ScoringSetup.key(spec));
    }

    /** The run was reset: new networks from the same seed, so the charts start again. */
    public void reset() {
        generation++;
        card.cancel();
        card = TaskHandle.NONE;
        curves.clear();
        lastCard.set(null);
        nextDue = 0;
        skipped = 0;
    }

    /**
     * The newest status shown: takes a card when one is due (at the first status once the classifier is ready, then
     * at every multiple of the interval), or skips it when the previous card is still being computed.
     */
    public void follow(long iteration, RunState state) {
        if (!ready.get() || sampler == null || iteration < nextDue || state == RunState.STARTING
                || state == RunState.FAILED || state == RunState.CLOSED) {
            return;
        }
        nextDue = (iteration / interval + 1) * interval;
        if (!card.isDone()) {
            skipped++;
            status.set(String.format(Locale.ROOT, "Scores: skipped the card due at it %,d, the card of it %,d is"
                    + " still being computed (%d skipped: a longer interval would keep up)", iteration, cardIteration,
                    skipped));
            return;
        }
        takeCard(iteration);
    }

    private void takeCard(long iteration) {
        int gen = generation;
        ScoringSetup s = setup();
        long seed = spec.seed();
        CompletableFuture<LiveSamples> samples = sampler.capture(s.sampleSize(), sampleSeed(seed));
        cardIteration = iteration;
        status.set(String.format(Locale.ROOT, "Scores: computing the card of it %,d…", iteration));
        card = runner.submit(BackgroundTask.of("score card", m -> {
                    LiveSamples g = await(samples, m);
                    long t0 = System.nanoTime();
                    ScoreCard.Result r = s.score(g, seed, m);
                    return new Card(g.iteration(), r, (System.nanoTime() - t0) / 1e9);
                })
                .onSuccess(c -> {
                    if (gen == generation) {
                        curves.add(c.iteration(), c.result());
                        lastCard.set(c);
                        cardIteration = c.iteration();
                        status.set(String.format(Locale.ROOT, "Scores of it %,d: %d samples against %,d real"
                                + " images in %.1f s; next card at it %,d%s", c.iteration(), s.sampleSize(),
                                s.testSize(), c.seconds(), nextDue, skipped > 0 ? " (" + skipped + " skipped)"
                                        : ""));
                    }
                })
                .onFailure(message -> {
                    if (gen == generation) {
                        status.set("Scores: the card of it " + String.format(Locale.ROOT, "%,d", iteration)
                                + " failed: " + message);
                    }
                }));
    }

    /** The codes of every card and gallery: drawn once from the experiment's seed. */
    private static long sampleSeed(long seed) {
        return seed ^ 0x5C0BE5L;
    }

    /** Waits on the worker for the run's thread to hand over G's samples, cancellable. */
    private static LiveSamples await(CompletableFuture<LiveSamples> samples, Monitor m) throws Exception {
        long end = System.currentTimeMillis() + CAPTURE_TIMEOUT_MILLIS;
        while (true) {
            m.checkCancelled();
            try {
                return samples.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.currentTimeMillis() > end) {
                    throw new LabException("the run did not hand over G's samples within a minute: is it still on"
                            + " the bench?");
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    // ---- settings ----

    /** Applies the interval typed in {@link #intervalTextProperty()}, or says what is wrong with it. */
    public boolean applyInterval() {
        try {
            int n = NumberInput.wholeNumber(intervalText.get(), "iterations between score cards", 50, 1_000_000);
            intervalInvalid.set(false);
            if (n != interval) {
                interval = n;
                nextDue = cardIteration < 0 ? 0 : (cardIteration / n + 1) * n;
                if (ready.get() && card.isDone()) {
                    becomeReady();
                }
            }
            return true;
        } catch (LabException e) {
            intervalInvalid.set(true);
            status.set(e.getMessage());
            return false;
        }
    }

    public int interval() {
        return interval;
    }

    // ---- gallery ----

    /** Copies a few of G's samples now and finds their nearest training images (again at every request). */
    public void requestGallery() {
        if (!ready.get() || sampler == null) {
            galleryStatus.set(available.get() ? "The gallery needs the classifier: wait until it is ready."
                    : "The gallery is for image GANs on MNIST, Fashion-MNIST or Stacked MNIST.");
            return;
        }
        if (!gallerying.isDone()) {
            return;
        }
        int gen = generation;
        ScoringSetup s = setup();
        CompletableFuture<LiveSamples> samples = sampler.capture(GALLERY_IMAGES, sampleSeed(spec.seed()));
        galleryStatus.set("Finding the nearest training images…");
        gallerying = runner.submit(BackgroundTask.of("nearest-neighbour gallery",
                        m -> {
                            LiveSamples g = await(samples, m);
                            return new Gallery(g.iteration(), s.gallery(g, GALLERY_IMAGES, m));
                        })
                .onProgress((f, message) -> {
                    if (gen == generation && message != null) {
                        galleryStatus.set(message + "…");
                    }
                })
                .onSuccess(g -> {
                    if (gen == generation) {
                        gallery.set(g);
                        galleryStatus.set(String.format(Locale.ROOT, "Samples of it %,d. %s", g.iteration(),
                                GALLERY_NOTE));
                    }
                })
                .onFailure(message -> {
                    if (gen == generation) {
                        galleryStatus.set("The gallery failed: " + message);
                    }
                }));
    }

    // ---- what the view shows ----

    GanScoreCurves curves() {
        return curves;
    }

    /** Cards charted since the run was loaded or reset. */
    public int cardCount() {
        return curves.cardCount();
    }

    /** Cards skipped because the one before was still being computed. */
    public int skippedCount() {
        return skipped;
    }

    /** True while a card is being computed. */
    public boolean busy() {
        return !card.isDone();
    }

    /** True for a run whose samples are scored (an image GAN on data with a classifier). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    /** True once the classifier and the real sets are ready. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready;
    }

    /** What the scores are doing, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public StringProperty intervalTextProperty() {
        return intervalText;
    }

    public ReadOnlyBooleanProperty intervalInvalidProperty() {
        return intervalInvalid;
    }

    /** The newest card charted, or null. */
    public ReadOnlyObjectProperty<Card> lastCardProperty() {
        return lastCard;
    }

    /** The newest gallery, or null. */
    public ReadOnlyObjectProperty<Gallery> galleryProperty() {
        return gallery;
    }

    /** The modes chart's title: how many modes the samples are counted in, once known. */
    public ReadOnlyStringProperty modesTitleProperty() {
        return modesTitle;
    }

    /** What the gallery shows, or what it is doing. */
    public ReadOnlyStringProperty galleryStatusProperty() {
        return galleryStatus;
    }
}
