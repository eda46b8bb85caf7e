package org.latentlab.ui.latent;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.data.xy.XYSeries;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.experiment.StudioModels.Studio;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.DecodeService;
import org.latentlab.latent.EncodedSet;
import org.latentlab.latent.ImageExport;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.Interpolation;
import org.latentlab.latent.Inversion;
import org.latentlab.latent.InversionResult;
import org.latentlab.latent.InversionSettings;
import org.latentlab.latent.InversionStep;
import org.latentlab.latent.LatentArithmetic;
import org.latentlab.latent.LatentMap;
import org.latentlab.latent.LatentModel;
import org.latentlab.train.NativeMemory;
import org.latentlab.latent.LatentPath;
import org.latentlab.latent.MemorisationCheck;
import org.latentlab.latent.ModelKind;
import org.latentlab.latent.PrincipalComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The state behind the latent studio and its traffic with the engine. The current code lives here, on the FX
 * thread; every decode runs on the model's {@link DecodeService} (the only thread that touches the model: sliders
 * "latest wins", maps, strips and encodings queued behind them) and an inversion runs on a worker of its own with
 * a second private copy of the model, so the sliders stay live while it searches. Answers come back through
 * {@code Platform.runLater}; streams (training progress, inversion steps) are kept as "latest" values and taken
 * by {@link #pump()}, which the view calls every frame. The FX thread never waits on a worker.
 */
public final class LatentStudioViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LatentStudioViewModel.class);
    private static final int ENCODED_EXAMPLES = 1000;
    private static final int SAMPLES = 8;
    private static final long SEED = 20_261_122L;

    /** What the screen needs to know about the model in use (immutable; made on the decode worker). */
    public record Loaded(String name, String description, ModelKind kind, int codeSize, ImageShape shape,
                         boolean hasEncoder, CodePrior prior, double[] sliderMin, double[] sliderMax,
                         ExampleSet examples, boolean heldOut, EncodedSet encoded, PrincipalComponents pca,
                         List<Integer> classes) {

        public boolean labelled() {
            return encoded != null && encoded.isLabelled();
        }

        public String className(int label) {
            return examples.labelName(label);
        }

        /** "held-out example" or "training example", for labels. */
        public String exampleNoun() {
            return heldOut ? "held-out example" : "training example";
        }
    }

    /** A decoded image ready to draw: opaque ARGB pixels, row-major. */
    public record Frame(long sequence, double[] code, int[] argb, int width, int height) {
    }

    /** Images as display values in [0, 1] (what {@link ImageExport} and the grids draw) with their codes. */
    public record Pictures(double[][] codes, float[][] display, ImageShape shape) {
    }

    /** A decoded latent map. */
    public record MapResult(LatentMap map, float[][] display, ImageShape shape) {
    }

    /** Linear and spherical paths between two endpoints, decoded into as many frames each. */
    public record PathResult(LatentPath linear, LatentPath spherical, float[][] linearFrames,
                             float[][] sphericalFrames, ImageShape shape) {
        public int frames() {
            return linearFrames.length;
        }
    }

    /** Encoded examples placed on a plane: their codes themselves (2-D codes) or their first two principal axes. */
    public record EncodedView(EncodedSet set, double[][] points, String xAxis, String yAxis) {
    }

    /** How a latent map is laid out. */
    public record MapSpec(boolean principalPlane, int dimX, int dimY, int cells, boolean quantiles, double low,
                          double high) {
    }

    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "latentlab-studio-loader");
        t.setDaemon(true);
        return t;
    });

    private final StringProperty message = new SimpleStringProperty(
            "Open a run folder, or train a quick model, to explore its latent space.");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>();
    private final IntegerProperty codeVersion = new SimpleIntegerProperty();
    private final ObjectProperty<Pictures> samples = new SimpleObjectProperty<>();
    private final ObjectProperty<MapResult> map = new SimpleObjectProperty<>();
    private final ObjectProperty<PathResult> path = new SimpleObjectProperty<>();
    private final ObjectProperty<float[][]> scrubbed = new SimpleObjectProperty<>();
    private final ObjectProperty<AttributeVector> attribute = new SimpleObjectProperty<>();
    private final DoubleProperty strength = new SimpleDoubleProperty(0);
    private final ObjectProperty<Pictures> analogy = new SimpleObjectProperty<>();
    private final ObjectProperty<EncodedView> encodedView = new SimpleObjectProperty<>();
    private final StringProperty endpoints = new SimpleStringProperty("A and B: not set");
    private final BooleanProperty inverting = new SimpleBooleanProperty();
    private final StringProperty inversionText = new SimpleStringProperty("");
    private final ObjectProperty<float[]> inversionTarget = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> inversionCurrent = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> inversionNearest = new SimpleObjectProperty<>();
    private final XYSeries inversionLoss = new XYSeries("objective", true, false);
    private final XYSeries inversionError = new XYSeries("reconstruction error", true, false);

    private Session session;
    private volatile boolean closed;
    private double[] code;
    private double[] startCode;
    private double[] endpointA;
    private double[] endpointB;
    private String endpointAText = "not set";
    private String endpointBText = "not set";
    private double[] inverted;
    private boolean settingStrength;
    private final Random random = new Random(SEED);

    // streams from workers, taken by pump()
    private volatile double trainingProgress = -1;
    private volatile String trainingMessage;
    private volatile Monitor training;
    private final ConcurrentLinkedQueue<InversionStep> inversionSteps = new ConcurrentLinkedQueue<>();
    private final AtomicReference<float[]> inversionPicture = new AtomicReference<>();

    /** One opened model: its decode service (the model's thread), the inversion worker and its model. */
    private static final class Session {
        final Studio studio;
        final LatentModel model;
        final DecodeService decodes;
        final ExecutorService inversionWorker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "latentlab-inversion");
            t.setDaemon(true);
            return t;
        });
        LatentModel inversionModel; // on the inversion worker only
        LatestLane<double[][], float[][]> scrubLane;
        volatile boolean cancelInversion;

        Session(Studio studio, LatentModel model) {
            this.studio = studio;
            this.model = model;
            this.decodes = new DecodeService(model, "latentlab-studio-decode");
        }

        void close() {
            cancelInversion = true;
            decodes.close();
            inversionWorker.shutdown();
            // the screen lets go of this session as it closes it: its networks' native memory goes back shortly
            NativeMemory.releaseSoon();
        }
    }

    public LatentStudioViewModel() {
        strength.addListener((o, before, after) -> {
            if (!settingStrength) {
                applyStrength(after.doubleValue() - before.doubleValue());
            }
        });
    }

    // ---- choosing the model

    /** Opens a run or checkpoint folder in the background; errors become the status message. */
    public void openFolder(Path folder) {
        if (busy.get()) {
            fail("wait for the model being loaded or trained, or cancel it");
            return;
        }
        busy.set(true);
        progress.set(-1);
        info("opening " + folder + " …");
        loader.submit(() -> {
            try {
                Studio s = StudioModels.open(folder);
                prepare(s);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    fail(readable(e));
                });
                if (!(e instanceof LabException || e instanceof IllegalArgumentException)) {
                    LOG.warn("cannot open {}", folder, e);
                }
            }
        });
    }

    /** Trains a preset for a number of iterations on a worker, then opens the result. */
    public void trainQuick(String preset, int iterations) {
        if (busy.get()) {
            fail("a model is already being loaded or trained");
            return;
        }
        if (iterations < 1 || iterations > 100_000) {
            fail("train 1 to 100000 iterations, not " + iterations);
            return;
        }
        busy.set(true);
        progress.set(0);
        info("training " + preset + " for " + iterations + " iterations …");
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String text) {
                trainingProgress = fraction;
                trainingMessage = text;
            }

            @Override
            public boolean isCancelled() {
                return training != this;
            }
        };
        training = monitor;
        loader.submit(() -> {
            try {
                Studio s = StudioModels.trainQuick(Presets.loadReconstruction(preset), iterations, monitor);
                if (training != monitor) {
                    throw new Monitor.Cancelled();
                }
                training = null;
                prepare(s);
            } catch (Monitor.Cancelled e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    info("training cancelled");
                });
            } catch (RuntimeException e) {
                if (!(e instanceof LabException || e instanceof IllegalArgumentException)) {
                    LOG.warn("quick training of {} failed", preset, e);
                }
                Platform.runLater(() -> {
                    busy.set(false);
                    progress.set(0);
                    fail(readable(e));
                });
            } finally {
                if (training == monitor) {
                    training = null;
                }
            }
        });
    }

    /** Stops a quick training under way (the model opened so far stays). */
    public void cancelTraining() {
        training = null;
    }

    /** Installs a studio model (from any thread): decodes, encodes its examples, then shows it. */
    public void install(Studio studio) {
        if (Platform.isFxApplicationThread()) {
            busy.set(true);
        } else {
            Platform.runLater(() -> busy.set(true));
        }
        loader.submit(() -> {
            try {
                prepare(studio);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    busy.set(false);
                    fail(readable(e));
                });
            }
        });
    }

    /** On the loader thread: builds the model and a new session, encodes on its worker, then publishes. */
    private void prepare(Studio studio) {
        LatentModel model = studio.models().get();
        Session s = new Session(studio, model);
        s.decodes.<LatentModel, Loaded>run(m -> describe(studio, m)).whenComplete((l, e) -> Platform.runLater(() -> {
            busy.set(false);
            progress.set(0);
            if (e != null) {
                s.close();
                fail(readable(unwrap(e)));
                return;
            }
            activate(s, l);
        }));
    }

    /** On the decode worker: the prior, the encoded examples, PCA and slider ranges. */
    private static Loaded describe(Studio studio, LatentModel m) {
        int k = m.codeSize();
        EncodedSet encoded = null;
        PrincipalComponents pca = null;
        if (m.hasEncoder()) {
            encoded = m.encode(studio.examples(), ENCODED_EXAMPLES, SEED);
            if (m.prior().isEmpty()) {
                m.setPrior(CodePrior.fit(encoded.codes()));
            }
            if (k >= 2 && encoded.size() > 2) {
                pca = PrincipalComponents.fit(encoded.codes(), 2);
            }
        }
        CodePrior prior = m.prior().orElseThrow();
        double[] sd = prior.marginalStd();
        double[] min = new double[k];
        double[] max = new double[k];
        for (int j = 0; j < k; j++) {
            min[j] = prior.mean()[j] - 3 * sd[j];
            max[j] = prior.mean()[j] + 3 * sd[j];
        }
        if (encoded != null) {
            for (double[] c : encoded.codes()) {
                for (int j = 0; j < k; j++) {
                    min[j] = Math.min(min[j], c[j]);
                    max[j] = Math.max(max[j], c[j]);
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (!(max[j] > min[j])) {
                min[j] -= 1;
                max[j] += 1;
            }
        }
        TreeSet<Integer> classes = new TreeSet<>();
        if (encoded != null && encoded.isLabelled()) {
            for (int l : encoded.labels()) {
                classes.add(l);
            }
        }
        return new Loaded(studio.name(), studio.description() + "; " + m, m.kind(), k, m.shape(), m.hasEncoder(),
                prior, min, max, studio.examples(), studio.heldOut(), encoded, pca, List.copyOf(classes));
    }

    /** On the FX thread: the new session replaces the old one. */
    private void activate(Session s, Loaded l) {
        if (closed) {
            s.close();
            return;
        }
        Session old = session;
        session = s;
        if (old != null) {
            old.close();
        }
        s.scrubLane = new LatestLane<>(s.decodes, m -> codes -> display(m, m.decode(codes)),
                (codes, images) -> Platform.runLater(() -> {
                    if (session == s) {
                        scrubbed.set(images);
                    }
                }), e -> Platform.runLater(() -> failIf(s, e)));
        map.set(null);
        path.set(null);
        scrubbed.set(null);
        analogy.set(null);
        attribute.set(null);
        setStrengthQuietly(0);
        inversionTarget.set(null);
        inversionCurrent.set(null);
        inversionNearest.set(null);
        inversionLoss.clear();
        inversionError.clear();
        inversionText.set("");
        inverted = null;
        encodedView.set(l.encoded() == null ? null : encodedView(l));
        loaded.set(l);
        double[] first = l.prior().sample(new Random(SEED));
        startCode = first;
        endpointA = first.clone();
        endpointB = l.prior().sample(new Random(SEED + 1));
        endpointAText = "a random code";
        endpointBText = "another random code";
        updateEndpoints();
        load(first);
        newSamples();
        computeMap(defaultMap(l), false);
        interpolate(10);
        info("opened " + l.name() + ": " + l.kind() + ", code of " + l.codeSize() + " dimensions, " + l.shape()
                + (l.encoded() != null ? ", " + l.encoded().size() + " " + l.exampleNoun() + "s encoded" : ""));
    }

    private static EncodedView encodedView(Loaded l) {
        EncodedSet set = l.encoded();
        if (l.codeSize() <= 2) {
            double[][] p = new double[set.size()][];
            for (int i = 0; i < p.length; i++) {
                double[] c = set.codes()[i];
                p[i] = new double[] {c[0], c.length > 1 ? c[1] : 0};
            }
            return new EncodedView(set, p, "z0", l.codeSize() > 1 ? "z1" : "");
        }
        double[] r = l.pca().explainedVarianceRatio();
        return new EncodedView(set, l.pca().project(set.codes()), String.format(Locale.ROOT, "PC1 (%.0f%%)",
                100 * r[0]), String.format(Locale.ROOT, "PC2 (%.0f%%)", 100 * r[1]));
    }

    /** The default map: the first two dimensions (quantiles for a Gaussian prior), 20 x 20. */
    public MapSpec defaultMap(Loaded l) {
        boolean principal = l.codeSize() > 2 && l.pca() != null;
        return new MapSpec(principal, 0, Math.min(1, l.codeSize() - 1), 20, l.kind() == ModelKind.VAE_DECODER,
                -2, 2);
    }

    // ---- the code and the sliders

    /** A copy of the current code (null before a model is open). */
    public double[] code() {
        return code == null ? null : code.clone();
    }

    /** The code of one dimension changed (a slider moved): decode at once. */
    public void setDimension(int dimension, double value) {
        if (code == null || dimension < 0 || dimension >= code.length || code[dimension] == value) {
            return;
        }
        code[dimension] = value;
        decodeCurrent();
    }

    /** Replaces the whole code (the sliders follow) and decodes it. */
    public void load(double[] next) {
        Loaded l = loaded.get();
        if (l == null || next == null) {
            return;
        }
        if (next.length != l.codeSize()) {
            fail("a code of " + next.length + " values does not fit this model's " + l.codeSize() + " dimensions");
            return;
        }
        code = next.clone();
        codeVersion.set(codeVersion.get() + 1);
        decodeCurrent();
    }

    /** Loads a code and makes it the one Reset returns to. */
    public void start(double[] next) {
        load(next);
        if (code != null) {
            startCode = code.clone();
        }
    }

    public void randomise() {
        Loaded l = loaded.get();
        if (l != null) {
            start(l.prior().sample(random));
            info("a random code from the prior " + l.prior());
        }
    }

    public void reset() {
        if (startCode != null) {
            load(startCode);
        }
    }

    /** Encodes one example (by index) and starts from its code. */
    public void startFromExample(int index) {
        withExampleCode(index, z -> {
            start(z);
            info("code of " + loaded.get().exampleNoun() + " #" + index);
        });
    }

    /** The current code as comma-separated text. */
    public String codeText() {
        if (code == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < code.length; j++) {
            b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", code[j]));
        }
        return b.toString();
    }

    /** Parses comma- or space-separated numbers and loads them as the code. */
    public void paste(String text) {
        Loaded l = loaded.get();
        if (l == null || text == null) {
            return;
        }
        String[] parts = text.trim().split("[,;\\s]+");
        if (parts.length != l.codeSize()) {
            fail("the clipboard holds " + (text.isBlank() ? 0 : parts.length) + " numbers, not a code of "
                    + l.codeSize());
            return;
        }
        double[] z = new double[parts.length];
        try {
            for (int j = 0; j < z.length; j++) {
                z[j] = Double.parseDouble(parts[j]);
            }
        } catch (NumberFormatException e) {
            fail("the clipboard does not hold a code: " + e.getMessage());
            return;
        }
        start(z);
        info("pasted a code of " + z.length + " values");
    }

    private void decodeCurrent() {
        Session s = session;
        if (s == null || code == null) {
            return;
        }
        ImageShape shape = s.model.shape();
        s.decodes.submit(code)
                .thenApply(d -> new Frame(d.sequence(), d.codes()[0], StudioModels.argb(s.model, d.image()),
                        shape.width(), shape.height()))
                .whenComplete((f, e) -> {
                    if (e != null) {
                        Throwable cause = unwrap(e);
                        if (!(cause instanceof CancellationException)) {
                            Platform.runLater(() -> failIf(s, cause));
                        }
                        return;
                    }
                    Platform.runLater(() -> {
                        if (session == s && (frame.get() == null || frame.get().sequence() < f.sequence())) {
                            frame.set(f);
                        }
                    });
                });
    }

    /** Eight random codes decoded, to start from one of them. */
    public void newSamples() {
        Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        double[][] z = l.prior().sample(SAMPLES, random);
        onModel(m -> new Pictures(z, display(m, m.decode(z)), m.shape()), samples::set);
    }

    /** Starts from sample i of the strip. */
    public void startFromSample(int i) {
        Pictures p = samples.get();
        if (p != null && i >= 0 && i < p.codes().length) {
            start(p.codes()[i]);
            info("sample " + (i + 1) + " of the strip");
        }
    }

    // ---- latent map

    public void computeMap(MapSpec spec) {
        computeMap(spec, true);
    }

    private void computeMap(MapSpec spec, boolean announce) {
        Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        LatentMap m;
        try {
            m = buildMap(l, spec);
        } catch (IllegalArgumentException | LabException e) {
            fail(e.getMessage());
            return;
        }
        double[][] codes = m.codes();
        onModel(model -> new MapResult(m, display(model, model.decode(codes)), model.shape()), r -> {
            map.set(r);
            if (announce) {
                info("map " + r.map());
            }
        });
    }

    private LatentMap buildMap(Loaded l, MapSpec spec) {
        if (spec.cells() < 2 || spec.cells() > 40) {
            throw new IllegalArgumentException("a map has 2 to 40 cells per side, not " + spec.cells());
        }
        if (!spec.quantiles() && !(spec.high() > spec.low())) {
            throw new IllegalArgumentException("the range's high end must be above its low end");
        }
        double[] unit = spec.quantiles() ? LatentMap.gaussianQuantiles(spec.cells(), 0.05, 0.95)
                : LatentMap.linear(spec.cells(), spec.low(), spec.high());
        if (spec.principalPlane()) {
            if (l.pca() == null) {
                throw new LabException(l.hasEncoder() ? "the principal plane needs a code of at least 2 dimensions"
                        : "the principal plane is that of encoded data: a GAN has no encoder; map two code"
                        + " dimensions instead");
            }
            return LatentMap.overPrincipalPlane(l.pca(), unit, unit);
        }
        if (l.codeSize() < 2) {
            throw new LabException("a map needs a code of at least 2 dimensions");
        }
        double[] sd = l.prior().marginalStd();
        double[] mean = l.prior().mean();
        return LatentMap.overDimensions(code, spec.dimX(), spec.dimY(),
                LatentMap.scaled(unit, sd[spec.dimX()], mean[spec.dimX()]),
                LatentMap.scaled(unit, sd[spec.dimY()], mean[spec.dimY()]));
    }

    /** Loads the code of a cell of the map shown. */
    public void pickMapCell(int row, int col) {
        MapResult r = map.get();
        if (r != null && row >= 0 && row < r.map().rows() && col >= 0 && col < r.map().columns()) {
            load(r.map().code(row, col));
            info(String.format(Locale.ROOT, "map cell (%d, %d): x %.3g, y %.3g", row, col, r.map().xs()[col],
                    r.map().ys()[row]));
        }
    }

    // ---- interpolation

    public void setEndpointFromCode(boolean a) {
        if (code == null) {
            return;
        }
        if (a) {
            endpointA = code.clone();
            endpointAText = "the code at the time";
        } else {
            endpointB = code.clone();
            endpointBText = "the code at the time";
        }
        updateEndpoints();
    }

    public void setEndpointFromExample(boolean a, int index) {
        withExampleCode(index, z -> {
            if (a) {
                endpointA = z;
                endpointAText = "example #" + index;
            } else {
                endpointB = z;
                endpointBText = "example #" + index;
            }
            updateEndpoints();
        });
    }

    private void updateEndpoints() {
        endpoints.set("A: " + endpointAText + "   B: " + endpointBText);
    }

    /** Decodes n frames of the linear and the spherical path from A to B. */
    public void interpolate(int frames) {
        if (loaded.get() == null) {
            return;
        }
        if (frames < 2 || frames > 64) {
            fail("an interpolation strip has 2 to 64 frames, not " + frames);
            return;
        }
        if (endpointA == null || endpointB == null) {
            fail("set both endpoints A and B first");
            return;
        }
        LatentPath lin = LatentPath.between(endpointA, endpointB, Interpolation.Method.LINEAR);
        LatentPath sph = LatentPath.between(endpointA, endpointB, Interpolation.Method.SPHERICAL);
        double[][] a = lin.frames(frames);
        double[][] b = sph.frames(frames);
        onModel(m -> new PathResult(lin, sph, display(m, m.decode(a)), display(m, m.decode(b)), m.shape()), r -> {
            path.set(r);
            scrubbed.set(null);
        });
    }

    /** Shows both paths at t in [0, 1]: the frame itself when t falls on one, else a decode (latest wins). */
    public void scrub(double t) {
        PathResult r = path.get();
        Session s = session;
        if (r == null || s == null) {
            return;
        }
        double pos = t * (r.frames() - 1);
        int i = (int) Math.round(pos);
        if (Math.abs(pos - i) < 1e-9) {
            scrubbed.set(new float[][] {r.linearFrames()[i], r.sphericalFrames()[i]});
            return;
        }
        s.scrubLane.submit(new double[][] {r.linear().at(t), r.spherical().at(t)});
    }

    public void exportStrip(Path file) {
        PathResult r = path.get();
        if (r == null) {
            fail("compute an interpolation first");
            return;
        }
        float[][] both = new float[2 * r.frames()][];
        System.arraycopy(r.linearFrames(), 0, both, 0, r.frames());
        System.arraycopy(r.sphericalFrames(), 0, both, r.frames(), r.frames());
        inBackground(() -> ImageExport.writeStrip(both, r.shape(), 3, r.frames(), file),
                "wrote " + file + " (top: linear, bottom: spherical)");
    }

    public void exportGif(Path file, Interpolation.Method method, int delayMillis) {
        PathResult r = path.get();
        if (r == null) {
            fail("compute an interpolation first");
            return;
        }
        float[][] frames = method == Interpolation.Method.LINEAR ? r.linearFrames() : r.sphericalFrames();
        inBackground(() -> ImageExport.writeGif(frames, r.shape(), 4, delayMillis, true, file),
                "wrote " + file + " (" + frames.length + " " + method.id() + " frames)");
    }

    public void exportSequence(Path dir, Interpolation.Method method) {
        PathResult r = path.get();
        if (r == null) {
            fail("compute an interpolation first");
            return;
        }
        float[][] frames = method == Interpolation.Method.LINEAR ? r.linearFrames() : r.sphericalFrames();
        inBackground(() -> ImageExport.writePngSequence(frames, r.shape(), 4, dir, method.id()),
                "wrote " + frames.length + " PNG files into " + dir);
    }

    private void inBackground(Runnable write, String done) {
        loader.submit(() -> {
            try {
                write.run();
                Platform.runLater(() -> info(done));
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail(readable(e)));
            }
        });
    }

    // ---- attributes and analogies

    public void computeAttribute(int from, int to) {
        Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        if (!l.labelled()) {
            fail(l.encoded() != null ? "attribute vectors need labelled examples; these have no labels"
                    : "attribute vectors need codes of examples: a GAN has no encoder; press \"Find codes by"
                    + " inversion\" in the Encoded data tab first");
            return;
        }
        try {
            AttributeVector v = AttributeVector.between(l.encoded(), from, to, l::className);
            attribute.set(v);
            setStrengthQuietly(0);
            info("attribute vector " + v + ": move the strength slider to add s·v to the code");
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        }
    }

    private void applyStrength(double delta) {
        AttributeVector v = attribute.get();
        if (v == null || code == null || delta == 0) {
            return;
        }
        double[] next = v.apply(code, delta);
        code = next;
        codeVersion.set(codeVersion.get() + 1);
        decodeCurrent();
    }

    private void setStrengthQuietly(double s) {
        settingStrength = true;
        try {
            strength.set(s);
        } finally {
            settingStrength = false;
        }
    }

    /** a − b + c of three examples' codes: loads the result and shows a, b, c and what the result decodes to. */
    public void analogy(int a, int b, int c) {
        Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        if (!l.hasEncoder()) {
            fail("analogies of examples need their codes: a GAN has no encoder (invert them in the Inversion tab)");
            return;
        }
        int n = l.examples().size();
        for (int i : new int[] {a, b, c}) {
            if (i < 0 || i >= n) {
                fail("example indices are 0 to " + (n - 1) + ", not " + i);
                return;
            }
        }
        ExampleSet ex = l.examples();
        float[][] x = {ex.example(a), ex.example(b), ex.example(c)};
        onModel(m -> {
            double[][] z = m.encode(x);
            double[] result = LatentArithmetic.analogy(z[0], z[1], z[2]);
            float[] decoded = m.toDisplay(m.decode(result));
            return new Pictures(new double[][] {z[0], z[1], z[2], result},
                    new float[][] {m.toDisplay(x[0]), m.toDisplay(x[1]), m.toDisplay(x[2]), decoded}, m.shape());
        }, p -> {
            analogy.set(p);
            start(p.codes()[3]);
            info("analogy #" + a + " − #" + b + " + #" + c + " loaded into the sliders");
        });
    }

    // ---- inversion

    /** Inverts the decoder on an example, on the inversion worker, with a model of its own. */
    public void invert(int index, Inversion.Start start, InversionSettings settings) {
        Loaded l = loaded.get();
        Session s = session;
        if (l == null || s == null) {
            return;
        }
        if (inverting.get()) {
            fail("an inversion is already running: cancel it first");
            return;
        }
        if (index < 0 || index >= l.examples().size()) {
            fail("example indices are 0 to " + (l.examples().size() - 1) + ", not " + index);
            return;
        }
        if (start == Inversion.Start.ENCODER && !l.hasEncoder()) {
            fail("a GAN has no encoder: start the inversion from the prior");
            return;
        }
        float[] target = l.examples().example(index);
        inversionLoss.clear();
        inversionError.clear();
        inversionSteps.clear();
        inversionPicture.set(null);
        inversionTarget.set(display(s.model, new float[][] {target})[0]);
        inversionCurrent.set(null);
        inversionNearest.set(null);
        inverted = null;
        inverting.set(true);
        s.cancelInversion = false;
        inversionText.set("inverting " + l.exampleNoun() + " #" + index + " (" + settings + ") …");
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String text) {
            }

            @Override
            public boolean isCancelled() {
                return s.cancelInversion;
            }
        };
        CodePrior prior = l.prior();
        ExampleSet training = s.studio.training();
        CompletableFuture.supplyAsync(() -> {
            LatentModel m = inversionModel(s, prior);
            Inversion inversion = new Inversion(m);
            double[] z0 = inversion.startCode(target, start, SEED + index);
            long[] lastPicture = {0};
            return inversion.invert(target, z0, settings, monitor, step -> {
                inversionSteps.add(step);
                long now = System.nanoTime();
                if (now - lastPicture[0] > 50_000_000L) {
                    lastPicture[0] = now;
                    inversionPicture.set(m.toDisplay(m.decode(step.code())));
                }
            }, training);
        }, s.inversionWorker).whenComplete((r, e) -> Platform.runLater(() -> {
            if (session != s) {
                return;
            }
            pump();
            inverting.set(false);
            if (e != null) {
                Throwable cause = unwrap(e);
                inversionText.set(cause instanceof Monitor.Cancelled ? "inversion cancelled"
                        : "inversion failed: " + readable(cause));
                return;
            }
            showInversion(r, l, training, s);
        }));
    }

    /**
     * For a model without an encoder (a GAN): finds codes for {@code n} examples by inverting the decoder on all of
     * them at once (a batched Adam search from prior draws), and uses them as the encoded examples: the scatter,
     * the principal plane and attribute vectors then work as for an autoencoder. Runs on the inversion worker.
     */
    public void invertExamples(int n, int steps) {
        Loaded l = loaded.get();
        Session s = session;
        if (l == null || s == null) {
            return;
        }
        if (inverting.get()) {
            fail("an inversion is already running: cancel it first");
            return;
        }
        if (n < 10 || n > 5000 || steps < 1 || steps > 10_000) {
            fail("invert 10 to 5000 examples for 1 to 10000 steps");
            return;
        }
        int count = Math.min(n, l.examples().size());
        int[] indices = chooseIndices(l.examples().size(), count);
        ExampleSet ex = l.examples();
        CodePrior prior = l.prior();
        inverting.set(true);
        s.cancelInversion = false;
        info("inverting " + count + " examples (" + steps + " steps) …");
        Monitor monitor = new Monitor() {
            @Override
            public void progress(double fraction, String text) {
                trainingMessage = "finding codes of " + count + " examples: " + text;
                trainingProgress = fraction;
            }

            @Override
            public boolean isCancelled() {
                return s.cancelInversion;
            }
        };
        CompletableFuture.supplyAsync(() -> {
            LatentModel m = inversionModel(s, prior);
            float[][] targets = new float[count][];
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                targets[i] = ex.example(indices[i]);
                labels[i] = ex.hasLabels() ? ex.label(indices[i]) : -1;
            }
            double[][] starts = prior.sample(count, new Random(SEED));
            InversionResult[] results = new Inversion(m).invertAll(targets, starts,
                    InversionSettings.defaults().withSteps(steps), monitor);
            double[][] codes = new double[count][];
            double rmse = 0;
            for (int i = 0; i < count; i++) {
                codes[i] = results[i].code();
                rmse += results[i].rootMeanSquaredError() / count;
            }
            EncodedSet set = new EncodedSet(codes, indices, labels);
            PrincipalComponents pca = l.codeSize() >= 2 ? PrincipalComponents.fit(codes, 2) : null;
            return new Object[] {set, pca, rmse};
        }, s.inversionWorker).whenComplete((r, e) -> Platform.runLater(() -> {
            if (session != s) {
                return;
            }
            inverting.set(false);
            trainingProgress = -1;
            if (e != null) {
                Throwable cause = unwrap(e);
                if (cause instanceof Monitor.Cancelled) {
                    info("finding codes by inversion cancelled");
                } else {
                    failIf(s, cause);
                }
                return;
            }
            EncodedSet set = (EncodedSet) r[0];
            TreeSet<Integer> classes = new TreeSet<>();
            if (set.isLabelled()) {
                for (int c : set.labels()) {
                    classes.add(c);
                }
            }
            Loaded next = new Loaded(l.name(), l.description(), l.kind(), l.codeSize(), l.shape(), l.hasEncoder(),
                    l.prior(), l.sliderMin(), l.sliderMax(), l.examples(), l.heldOut(), set,
                    (PrincipalComponents) r[1], List.copyOf(classes));
            loaded.set(next);
            encodedView.set(encodedView(next));
            info(String.format(Locale.ROOT, "found codes for %d examples by inversion (mean RMSE per value %.4f):"
                    + " the encoded-data view, the principal plane and attribute vectors use them", count,
                    (Double) r[2]));
        }));
    }

    private static LatentModel inversionModel(Session s, CodePrior prior) {
        if (s.inversionModel == null) {
            s.inversionModel = s.studio.models().get();
            s.inversionModel.setPrior(prior);
        }
        return s.inversionModel;
    }

    /** count indices of 0..size-1 drawn without replacement with a fixed seed, in increasing order. */
    private static int[] chooseIndices(int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        Random rng = new Random(SEED);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(all, count);
        java.util.Arrays.sort(out);
        return out;
    }

    private void showInversion(InversionResult r, Loaded l, ExampleSet training, Session s) {
        inverted = r.code();
        inversionCurrent.set(s.model.toDisplay(r.reconstruction()));
        MemorisationCheck check = r.memorisation();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "final error ‖G(z*) − x‖² = %.4g (distance %.4g, RMSE per value %.4f) after %d steps%s.",
                r.reconstructionError(), r.reconstructionDistance(), r.rootMeanSquaredError(), r.iterations(),
                r.converged() ? " (converged)" : ""));
        if (check != null) {
            inversionNearest.set(s.model.toDisplay(training.example(check.reconstructionNearest().index())));
            text.append(String.format(Locale.ROOT, "%nNearest training image to the reconstruction: #%d at %.4g; to"
                    + " the target: #%d at %.4g.%n", check.reconstructionNearest().index(),
                    check.reconstructionNearest().distance(), check.targetNearest().index(),
                    check.targetNearest().distance())).append(capitalised(check.verdict())).append('.');
        } else {
            text.append("\nNo training set to check memorisation against.");
        }
        inversionText.set(text.toString());
    }

    public void cancelInversion() {
        Session s = session;
        if (s != null) {
            s.cancelInversion = true;
        }
    }

    /** Loads the code the last inversion found. */
    public void loadInverted() {
        if (inverted == null) {
            fail("no inversion result yet");
            return;
        }
        start(inverted);
        info("the inverted code is in the sliders");
    }

    /** Takes what the workers streamed since the last frame; true when anything changed. Call every frame. */
    public boolean pump() {
        boolean any = false;
        double p = trainingProgress;
        if (p >= 0) {
            trainingProgress = -1;
            progress.set(p);
            String m = trainingMessage;
            if (m != null) {
                info(m);
            }
            any = true;
        }
        InversionStep step;
        while ((step = inversionSteps.poll()) != null) {
            if (Double.isFinite(step.loss()) && step.loss() > 0) {
                inversionLoss.add(step.iteration(), step.loss(), false);
            }
            if (Double.isFinite(step.reconstructionError()) && step.reconstructionError() > 0) {
                inversionError.add(step.iteration(), step.reconstructionError(), false);
            }
            any = true;
        }
        if (any) {
            inversionLoss.fireSeriesChanged();
            inversionError.fireSeriesChanged();
        }
        float[] picture = inversionPicture.getAndSet(null);
        if (picture != null) {
            inversionCurrent.set(picture);
            any = true;
        }
        return any;
    }

    // ---- helpers

    private void withExampleCode(int index, Consumer<double[]> then) {
        Loaded l = loaded.get();
        if (l == null) {
            return;
        }
        if (!l.hasEncoder()) {
            fail("a GAN has no encoder: find an example's code in the Inversion tab, then \"Load code\"");
            return;
        }
        if (index < 0 || index >= l.examples().size()) {
            fail("example indices are 0 to " + (l.examples().size() - 1) + ", not " + index);
            return;
        }
        float[] x = l.examples().example(index);
        onModel(m -> m.encode(new float[][] {x})[0], then);
    }

    /** Runs a job on the model's worker and hands its answer to {@code then} on the FX thread. */
    private <T> void onModel(java.util.function.Function<LatentModel, T> job, Consumer<T> then) {
        Session s = session;
        if (s == null) {
            return;
        }
        s.decodes.<LatentModel, T>run(job).whenComplete((r, e) -> Platform.runLater(() -> {
            if (session != s) {
                return;
            }
            if (e != null) {
                failIf(s, unwrap(e));
            } else {
                then.accept(r);
            }
        }));
    }

    private static float[][] display(LatentModel m, float[][] values) {
        float[][] out = new float[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = m.toDisplay(values[i]);
        }
        return out;
    }

    private void failIf(Session s, Throwable e) {
        if (session == s) {
            if (!(e instanceof LabException || e instanceof IllegalArgumentException)) {
                LOG.warn("latent studio", e);
            }
            fail(readable(e));
        }
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String readable(Throwable e) {
        String m = e.getMessage();
        if (e instanceof LabException || e instanceof IllegalArgumentException) {
            return m;
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Shows a message from the view in the status line. */
    public void report(String text) {
        info(text);
    }

    /** Shows an error from the view in the status line. */
    public void reportError(String text) {
        fail(text);
    }

    private void info(String text) {
        error.set(false);
        message.set(text);
    }

    private void fail(String text) {
        error.set(true);
        message.set(text);
    }

    // ---- properties

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame;
    }

    /** Increases whenever the code was replaced as a whole (the sliders must follow). */
    public ReadOnlyIntegerProperty codeVersionProperty() {
        return codeVersion;
    }

    public ReadOnlyObjectProperty<Pictures> samplesProperty() {
        return samples;
    }

    public ReadOnlyObjectProperty<MapResult> mapProperty() {
        return map;
    }

    public ReadOnlyObjectProperty<PathResult> pathProperty() {
        return path;
    }

    public ReadOnlyObjectProperty<float[][]> scrubbedProperty() {
        return scrubbed;
    }

    public ReadOnlyObjectProperty<AttributeVector> attributeProperty() {
        return attribute;
    }

    /** The attribute strength s; moving it adds Δs·v to the code. */
    public DoubleProperty strengthProperty() {
        return strength;
    }

    public ReadOnlyObjectProperty<Pictures> analogyProperty() {
        return analogy;
    }

    public ReadOnlyObjectProperty<EncodedView> encodedViewProperty() {
        return encodedView;
    }

    public ReadOnlyStringProperty endpointsProperty() {
        return endpoints;
    }

    public ReadOnlyBooleanProperty invertingProperty() {
        return inverting;
    }

    public ReadOnlyStringProperty inversionTextProperty() {
        return inversionText;
    }

    public ReadOnlyObjectProperty<float[]> inversionTargetProperty() {
        return inversionTarget;
    }

    public ReadOnlyObjectProperty<float[]> inversionCurrentProperty() {
        return inversionCurrent;
    }

    public ReadOnlyObjectProperty<float[]> inversionNearestProperty() {
        return inversionNearest;
    }

    public XYSeries inversionLoss() {
        return inversionLoss;
    }

    public XYSeries inversionError() {
        return inversionError;
    }

    /** The current code's plane coordinates in the encoded-data view, or null. */
    public double[] encodedPosition() {
        EncodedView v = encodedView.get();
        Loaded l = loaded.get();
        if (v == null || l == null || code == null) {
            return null;
        }
        if (l.codeSize() <= 2) {
            return new double[] {code[0], code.length > 1 ? code[1] : 0};
        }
        return l.pca().project(code);
    }

    /** Loads the code of encoded example i (its position in the encoded set). */
    public void pickEncoded(int i) {
        EncodedView v = encodedView.get();
        Loaded l = loaded.get();
        if (v != null && l != null && i >= 0 && i < v.set().size()) {
            start(v.set().codes()[i]);
            int index = v.set().indices()[i];
            info("code of " + l.exampleNoun() + " #" + index + (v.set().labels()[i] >= 0 ? " (label "
                    + l.className(v.set().labels()[i]) + ")" : ""));
        }
    }

    /** Stops every worker; call when the window closes. */
    public void close() {
        closed = true;
        training = null;
        Session s = session;
        session = null;
        if (s != null) {
            s.close();
        }
        loader.shutdownNow();
    }
}
