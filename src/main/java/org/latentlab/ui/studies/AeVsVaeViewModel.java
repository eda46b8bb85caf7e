package org.latentlab.ui.studies;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.manifold.ComparisonPicture;
import org.latentlab.experiment.manifold.LatentComparison;
import org.latentlab.experiment.manifold.LatentSources;
import org.latentlab.latent.LatentModel;
import org.latentlab.core.LabException;
import org.latentlab.train.classifier.Classifier;

import java.util.Locale;
import java.util.Optional;

/**
 * The "ae-vs-vae" study without a screen: a plain autoencoder and a VAE opened from run folders or trained from
 * presets on the worker, then pairs of held-out images interpolated through both code spaces, drawn there (two rows
 * per pair, both scatters with the paths) and scored by the data's classifier when the models folder holds it.
 * The models stay on the worker's thread: every job that touches them runs there.
 */
public final class AeVsVaeViewModel {

    static final int PAIRS = 3;
    static final int FRAMES = 11;
    static final int SCORED_PAIRS = 200;
    static final int SCATTER = 2000;
    /** The side of each scatter, in pixels (the two are stacked). */
    static final int SCATTER_SIDE = 250;

    /**
     * What the screen shows.
     *
     * @param rows     the interpolation rows
     * @param scatters both code scatters with the paths, the autoencoder's above the VAE's
     * @param caption  the models and, when a classifier is there, its confidence on the midpoints
     */
    public record View(DaeFieldViewModel.Picture rows, DaeFieldViewModel.Picture scatters, String caption) {
    }

    /** Touched only on the worker. */
    private static final class Models {
        LatentModel plain;
        LatentModel vae;
        LatentSources.Opened a;
        LatentSources.Opened b;
        Optional<Classifier> judge = Optional.empty();
    }

    private final TaskRunner runner;
    private final Models models = new Models();
    private boolean opened;
    private boolean running;
    private long seed = 1;
    private String status = "Open or train the two models (run folders or presets), then draw pairs.";
    private String error = "";
    private View view;
    private Runnable changed = () -> { };

    public AeVsVaeViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    public void onChange(Runnable r) {
        changed = r == null ? () -> { } : r;
    }

    /** Opens (or trains, for presets, {@code iterations} each) both models, then draws the first pairs. */
    public void open(String plainSource, String vaeSource, long iterations) {
        if (running) {
            return;
        }
        begin("opening the models");
        runner.submit(BackgroundTask.of("opening " + plainSource + " and " + vaeSource, m -> {
            LatentSources.Opened a = LatentSources.open(plainSource.trim(), iterations, m);
            LatentSources.Opened b = LatentSources.open(vaeSource.trim(), iterations, m);
            if (a.family() != Family.AUTOENCODER || b.family() != Family.VAE) {
                throw new LabException("the first model must be an autoencoder and the second a VAE (got a "
                        + a.family().id() + " and a " + b.family().id() + ")");
            }
            if (!a.dataset().equals(b.dataset())) {
                throw new LabException("the autoencoder was trained on " + a.dataset() + " and the VAE on "
                        + b.dataset() + ": compare models of the same data");
            }
            models.a = a;
            models.b = b;
            models.plain = a.studio().models().get();
            models.vae = b.studio().models().get();
            models.judge = LatentSources.classifier(a.dataset());
            return compute(seed, m);
        }).onProgress(this::progress).onSuccess(v -> {
            opened = true;
            done(v, "opened");
        }).onFailure(this::failed));
    }

    /** New pairs of held-out images through the opened models. */
    public void newPairs() {
        if (running || !opened) {
            return;
        }
        seed++;
        long s = seed;
        begin("interpolating");
        runner.submit(BackgroundTask.of("interpolating new pairs", m -> compute(s, m))
                .onSuccess(v -> done(v, "pairs drawn with seed " + s)).onFailure(this::failed));
    }

    /** On the worker. */
    private View compute(long s, Monitor m) {
        m.progress(0.9, "interpolating");
        var examples = models.a.studio().examples();
        LatentComparison c = LatentComparison.of(models.plain, "AE " + shortName(models.a), models.vae,
                "VAE " + shortName(models.b), examples, LatentComparison.randomPairs(examples, PAIRS, s), FRAMES,
                SCATTER, 1);
        DaeFieldViewModel.Picture rows = DaeFieldViewModel.Picture.of(ComparisonPicture.rows(c, 2));
        java.awt.image.BufferedImage sa = ComparisonPicture.scatter(c.plain(), SCATTER_SIDE);
        java.awt.image.BufferedImage sb = ComparisonPicture.scatter(c.vae(), SCATTER_SIDE);
        java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(sa.getWidth(), sa.getHeight() * 2 + 8,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = both.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(sa, 0, 0, null);
        g.drawImage(sb, 0, sa.getHeight() + 8, null);
        g.dispose();
        String caption = "Autoencoder: " + models.a.studio().name() + "; VAE: " + models.b.studio().name()
                + ". Paths 1 to " + PAIRS + " are drawn on both scatters (dots: held-out codes coloured by digit). ";
        if (models.judge.isPresent()) {
            LatentComparison many = LatentComparison.of(models.plain, "autoencoder", models.vae, "VAE", examples,
                    LatentComparison.randomPairs(examples, SCORED_PAIRS, s + 1000), 3, 1, 1);
            caption += String.format(Locale.ROOT, "The classifier's mean confidence on the decoded midpoints of %d"
                            + " pairs: autoencoder %.3f, VAE %.3f (lower = less like any one digit).", SCORED_PAIRS,
                    LatentComparison.meanConfidence(models.judge.get(), many.midpoints(many.plain())),
                    LatentComparison.meanConfidence(models.judge.get(), many.midpoints(many.vae())));
        } else {
            caption += "No classifier in the models folder: train mnist-classifier to score the midpoints.";
        }
        return new View(rows, DaeFieldViewModel.Picture.of(both), caption);
    }

    /** The run or preset name, without what follows it ("mnist-ae-2d"). */
    static String shortName(LatentSources.Opened o) {
        String n = o.studio().name();
        int cut = n.indexOf(' ');
        return cut < 0 ? n : n.substring(0, cut);
    }

    private void begin(String what) {
        running = true;
        error = "";
        status = what;
        changed.run();
    }

    private void progress(double f, String msg) {
        status = msg == null ? status : msg;
        changed.run();
    }

    private void done(View v, String what) {
        running = false;
        view = v;
        status = what;
        changed.run();
    }

    private void failed(String msg) {
        running = false;
        error = msg;
        status = "failed";
        changed.run();
    }

    public View view() {
        return view;
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isOpened() {
        return opened;
    }

    public String status() {
        return status;
    }

    public String error() {
        return error;
    }
}
