package org.latentlab.ui.studies;

import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.manifold.CurveAutoencoders;
import org.latentlab.experiment.manifold.FieldAgreement;
import org.latentlab.experiment.manifold.FieldPicture;
import org.latentlab.experiment.manifold.NearestPoint;
import org.latentlab.experiment.manifold.ReconstructionField;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The "dae-field" study without a screen: a denoising and a contractive autoencoder trained side by side on the
 * noisy circle on the worker, each snapshot drawn there into two pictures of the arrows r(x) − x and scored (mean
 * cosine toward the data), the latest kept for the screen to take once per frame.
 */
public final class DaeFieldViewModel {

    /** The presets trained side by side, left to right. */
    public static final List<String> PRESETS = List.of("curve-dae-2d", "curve-cae-2d");
    /** A snapshot every this many iterations. */
    static final int EVERY = 100;
    static final int PICTURE_WIDTH = 520;
    static final int PICTURE_HEIGHT = 560;
    /** The band of distances from the data whose arrows are scored. */
    static final double INNER = 0.1;
    static final double OUTER = 0.5;

    /** Opaque ARGB pixels, row-major. */
    public record Picture(int[] argb, int width, int height) {
        static Picture of(BufferedImage img) {
            int w = img.getWidth();
            int h = img.getHeight();
            return new Picture(img.getRGB(0, 0, w, h, null, 0, w), w, h);
        }
    }

    /**
     * What the screen shows of one snapshot.
     *
     * @param iteration  iterations done by each model
     * @param pictures   one per model, left to right
     * @param agreements each model's score
     */
    public record Frame(long iteration, List<Picture> pictures, List<FieldAgreement> agreements) {
        public Frame {
            pictures = List.copyOf(pictures);
            agreements = List.copyOf(agreements);
        }

        /** "mean cosine toward the data 0.982 (189 grid points 0.1 to 0.5 from it)". */
        public String caption(int i) {
            FieldAgreement a = agreements.get(i);
            return String.format(Locale.ROOT, "mean cosine toward the data %.3f (%d grid points %.1f to %.1f from"
                    + " it)", a.meanCosine(), a.points(), a.inner(), a.outer());
        }
    }

    private final TaskRunner runner;
    private final AtomicReference<Frame> latest = new AtomicReference<>();
    private TaskHandle handle = TaskHandle.NONE;
    private boolean running;
    private String status = "Press Train: both autoencoders train side by side on the noisy unit circle.";
    private String error = "";
    private Runnable changed = () -> { };

    public DaeFieldViewModel(TaskRunner runner) {
        this.runner = runner;
    }

    /** Told (on the owner's thread) when the status, the error or running changes. */
    public void onChange(Runnable r) {
        changed = r == null ? () -> { } : r;
    }

    /** Trains both presets for {@code iterations} iterations each; the frames arrive in {@link #takeFrame}. */
    public void train(long iterations) {
        if (running) {
            return;
        }
        List<ReconstructionExperiment> specs = PRESETS.stream().map(Presets::loadReconstruction).toList();
        dataName = specs.get(0).dataset().name();
        running = true;
        error = "";
        status = "starting";
        changed.run();
        handle = runner.submit(BackgroundTask.of("training " + String.join(" and ", PRESETS), m ->
                        CurveAutoencoders.trainSideBySide(specs, iterations, EVERY, m, this::publish))
                .onProgress((f, msg) -> {
                    status = msg == null ? status : msg;
                    changed.run();
                })
                .onSuccess(s -> finish("trained " + s.iteration() + " iterations each"))
                .onCancelled(() -> finish("stopped"))
                .onFailure(msg -> {
                    error = msg;
                    finish("failed");
                }));
    }

    private void finish(String message) {
        running = false;
        status = message;
        changed.run();
    }

    /** Asks the training to stop; the last frame stays. */
    public void stop() {
        handle.cancel();
    }

    /** On the worker: draws and scores one snapshot. */
    private void publish(CurveAutoencoders.Snapshot s) {
        List<Picture> pictures = new ArrayList<>();
        List<FieldAgreement> scores = new ArrayList<>();
        for (ReconstructionField f : s.fields()) {
            float[] data = dataSample();
            pictures.add(Picture.of(FieldPicture.draw(f, data, f.model(), PICTURE_WIDTH, PICTURE_HEIGHT)));
            scores.add(FieldAgreement.of(f, nearest(), INNER, OUTER));
        }
        latest.set(new Frame(s.iteration(), pictures, scores));
    }

    private volatile String dataName = "circle";
    private float[] sample;
    private NearestPoint nearest;

    private float[] dataSample() {
        if (sample == null) {
            sample = CurveAutoencoders.sample(org.latentlab.data.ToyDistribution.named(dataName), 1000, 1);
        }
        return sample;
    }

    private NearestPoint nearest() {
        if (nearest == null) {
            nearest = NearestPoint.ofSample(dataSample());
        }
        return nearest;
    }

    /** The newest frame not yet taken, or null (the screen calls it once per frame). */
    public Frame takeFrame() {
        return latest.getAndSet(null);
    }

    public boolean isRunning() {
        return running;
    }

    public String status() {
        return status;
    }

    /** One line, or empty. */
    public String error() {
        return error;
    }
}
