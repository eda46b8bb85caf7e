package org.latentlab.ui.latent;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.latent.ImageExport;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.Interpolation;
import org.latentlab.latent.LatentPath;

import java.nio.file.Path;
import java.util.Random;

/**
 * Interpolation between two endpoints A and B: the linear and the spherical path (slerp, White 2016, "Sampling
 * generative networks") decoded into strips, scrubbed at any t, and exported as a PNG strip, an animated GIF or a
 * sequence of PNG files.
 */
public final class InterpolationViewModel {

    /** Frames of a path when a model opens. */
    static final int DEFAULT_FRAMES = 10;

    /** The linear and the spherical path between two endpoints, decoded into as many frames each. */
    public record PathResult(LatentPath linear, LatentPath spherical, float[][] linearFrames,
                             float[][] sphericalFrames, ImageShape shape) {
        public int frames() {
            return linearFrames.length;
        }

        /** Both rows one after the other: the linear frames, then the spherical ones. */
        public float[][] bothRows() {
            float[][] both = new float[2 * frames()][];
            System.arraycopy(linearFrames, 0, both, 0, frames());
            System.arraycopy(sphericalFrames, 0, both, frames(), frames());
            return both;
        }
    }

    /** Both paths at one t: {@code linear} and {@code spherical} as display values. */
    public record Scrubbed(float[] linear, float[] spherical) {
    }

    private final StudioSession session;
    private final ObjectProperty<PathResult> path = new SimpleObjectProperty<>();
    private final ObjectProperty<Scrubbed> scrubbed = new SimpleObjectProperty<>();
    private final StringProperty endpoints = new SimpleStringProperty("A and B: not set");
    private LatestLane<double[][], float[][]> scrubLane;
    private double[] endpointA;
    private double[] endpointB;
    private String endpointAText = "not set";
    private String endpointBText = "not set";

    InterpolationViewModel(StudioSession session) {
        this.session = session;
        session.whenOpened(l -> {
            scrubLane = new LatestLane<>(session.open().decodes, m -> codes -> StudioSession.display(m,
                    m.decode(codes)));
            path.set(null);
            scrubbed.set(null);
            endpointA = session.code();
            endpointB = l.randomCode(new Random(StudioSession.SEED + 1));
            endpointAText = "a random code";
            endpointBText = "another random code";
            updateEndpoints();
            interpolate(DEFAULT_FRAMES);
        });
    }

    /** The current code becomes endpoint A ({@code a}) or B. */
    public void setEndpointFromCode(boolean a) {
        double[] z = session.code();
        if (z == null) {
            return;
        }
        setEndpoint(a, z, "the code at the time");
    }

    /** The encoder's code of an example becomes endpoint A ({@code a}) or B. */
    public void setEndpointFromExample(boolean a, int index) {
        session.exampleCode(index, z -> setEndpoint(a, z, "example #" + index));
    }

    private void setEndpoint(boolean a, double[] z, String text) {
        if (a) {
            endpointA = z;
            endpointAText = text;
        } else {
            endpointB = z;
            endpointBText = text;
        }
        updateEndpoints();
    }

    private void updateEndpoints() {
        endpoints.set("A: " + endpointAText + "   B: " + endpointBText);
    }

    /** Decodes {@code frames} frames of the linear and the spherical path from A to B. */
    public void interpolate(int frames) {
        if (session.loadedProperty().get() == null) {
            return;
        }
        if (frames < 2 || frames > 64) {
            session.fail("an interpolation strip has 2 to 64 frames, not " + frames);
            return;
        }
        if (endpointA == null || endpointB == null) {
            session.fail("set both endpoints A and B first");
            return;
        }
        LatentPath lin = LatentPath.between(endpointA, endpointB, Interpolation.Method.LINEAR);
        LatentPath sph = LatentPath.between(endpointA, endpointB, Interpolation.Method.SPHERICAL);
        double[][] a = lin.frames(frames);
        double[][] b = sph.frames(frames);
        session.onModel("decoding the interpolation", m -> new PathResult(lin, sph,
                StudioSession.display(m, m.decode(a)), StudioSession.display(m, m.decode(b)), m.shape()), r -> {
                    path.set(r);
                    scrubbed.set(new Scrubbed(r.linearFrames()[0], r.sphericalFrames()[0]));
                });
    }

    /** Shows both paths at t in [0, 1]: the frame itself when t falls on one, else a decode (latest wins). */
    public void scrub(double t) {
        PathResult r = path.get();
        if (r == null || scrubLane == null) {
            return;
        }
        double pos = t * (r.frames() - 1);
        int i = (int) Math.round(pos);
        if (Math.abs(pos - i) < 1e-9) {
            scrubbed.set(new Scrubbed(r.linearFrames()[i], r.sphericalFrames()[i]));
            return;
        }
        session.await("decoding the path at t", scrubLane.submit(new double[][] {r.linear().at(t),
                r.spherical().at(t)}), images -> scrubbed.set(new Scrubbed(images[0], images[1])));
    }

    /** The frame after the one nearest to t, wrapping round: the next t of the animation. */
    public double nextFrame(double t) {
        PathResult r = path.get();
        if (r == null || r.frames() < 2) {
            return t;
        }
        int n = r.frames();
        int i = (int) Math.round(t * (n - 1));
        return (double) ((i + 1) % n) / (n - 1);
    }

    /** Writes both rows as one PNG (top: linear, bottom: spherical). */
    public void exportStrip(Path file) {
        PathResult r = path.get();
        if (r == null) {
            session.fail("compute an interpolation first");
            return;
        }
        write("writing " + file, () -> ImageExport.writeStrip(r.bothRows(), r.shape(), 3, r.frames(), file),
                "wrote " + file + " (top: linear, bottom: spherical)");
    }

    /** Writes one path's frames as a looping GIF. */
    public void exportGif(Path file, Interpolation.Method method, int delayMillis) {
        PathResult r = path.get();
        if (r == null) {
            session.fail("compute an interpolation first");
            return;
        }
        float[][] frames = method == Interpolation.Method.LINEAR ? r.linearFrames() : r.sphericalFrames();
        write("writing " + file, () -> ImageExport.writeGif(frames, r.shape(), 4, delayMillis, true, file),
                "wrote " + file + " (" + frames.length + " " + method.id() + " frames)");
    }

    /** Writes one path's frames as numbered PNG files into {@code dir}. */
    public void exportSequence(Path dir, Interpolation.Method method) {
        PathResult r = path.get();
        if (r == null) {
            session.fail("compute an interpolation first");
            return;
        }
        float[][] frames = method == Interpolation.Method.LINEAR ? r.linearFrames() : r.sphericalFrames();
        write("writing frames into " + dir, () -> ImageExport.writePngSequence(frames, r.shape(), 4, dir,
                method.id()), "wrote " + frames.length + " PNG files into " + dir);
    }

    private void write(String title, Runnable write, String done) {
        session.runners().tasks().submit(BackgroundTask.ofAction(title, m -> write.run())
                .onSuccess(v -> session.info(done))
                .onFailure(session::fail));
    }

    public ReadOnlyObjectProperty<PathResult> pathProperty() {
        return path;
    }

    public ReadOnlyObjectProperty<Scrubbed> scrubbedProperty() {
        return scrubbed;
    }

    public ReadOnlyStringProperty endpointsProperty() {
        return endpoints;
    }
}
