package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.analysis.Vectors;
import org.latentlab.analysis.hessian.DoubleNetworks;
import org.latentlab.analysis.hessian.EigenPairs;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.HessianVectorProduct;
import org.latentlab.analysis.hessian.Hutchinson;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.analysis.landscape.LineScan;
import org.latentlab.analysis.landscape.ScanPlane;
import org.latentlab.analysis.landscape.SurfaceScan;
import org.latentlab.analysis.landscape.TrajectoryProjection;
import org.latentlab.analysis.tangent.EncoderJacobian;
import org.latentlab.analysis.tangent.EncoderOutput;
import org.latentlab.analysis.tangent.Jacobian;
import org.latentlab.analysis.tangent.TangentSpace;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.OutputTransform;
import org.latentlab.train.NativeMemory;
import org.latentlab.train.ae.AutoencoderSettings;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The geometry bench's computations on a saved model (a run's latest checkpoint or any checkpoint folder), as the
 * window and the CLI both call them. Every job takes a {@link Monitor} (progress, and cancellation: the job then
 * throws {@link Monitor.Cancelled}) and is deterministic for a {@link LossSpec}: the same checkpoint, loss and seed
 * give the same numbers.
 *
 * <ul>
 *   <li>Hessian: {@link #hessianTop} (Lanczos eigenpairs), {@link #hessianFull} (every eigenvalue, up to
 *       {@link ExactHessian#MAX_PARAMETERS} parameters), {@link #hessianDensity} (stochastic Lanczos quadrature and
 *       the negative fraction it implies), {@link #hessianTrace} (Hutchinson);</li>
 *   <li>1-D: {@link #line} from the initial parameters (or another checkpoint) to this one;</li>
 *   <li>2-D: {@link #slice} on random filter-normalised, Hessian or trajectory-PCA directions, resumable, with the
 *       training trajectory projected on the plane;</li>
 *   <li>tangents of an autoencoder's encoder: {@link #tangents}, {@link #alongTangent};</li>
 *   <li>along training: {@link #alongTraining}, the top eigenvalue, negative fraction and loss at every
 *       checkpoint.</li>
 * </ul>
 *
 * <p>The loss is {@link GeometryModels#objective}'s: an autoencoder's reconstruction loss or a VAE's negative ELBO on
 * held-out examples, or a GAN player's loss with the other player fixed, in double precision. Results other than
 * surface scans are cached as JSON in {@code <checkpoint>/analysis/}, named from their parameters (e.g.
 * {@code hessian-top5-D-n1000-seed1.json}); a second call reads the file. Surface scans keep their cells in a CSV
 * there (or in the file given) and resume where they stopped.
 *
 * <p>Not thread-safe: one worker thread uses an instance at a time. Its networks are private double-precision
 * copies, never a training run's. {@link #close()} releases them.
 */
public final class GeometryJobs implements AutoCloseable {

    /** Eigenvalues below −NEGATIVE_TOLERANCE · max|λ| count as negative (numerically zero ones do not). */
    public static final double NEGATIVE_TOLERANCE = 1e-3;
    /** Top eigenvalues asked for when nothing is said. */
    public static final int DEFAULT_TOP_K = 5;
    /** Stochastic Lanczos quadrature: random starts. */
    public static final int DEFAULT_DENSITY_RUNS = 3;
    /** Stochastic Lanczos quadrature: Lanczos steps per start. */
    public static final int DEFAULT_DENSITY_STEPS = 80;
    /** Hutchinson: the most Rademacher samples (it stops early at a 1 % standard error). */
    public static final int DEFAULT_TRACE_SAMPLES = 100;
    /** Tangent vectors returned when nothing is said. */
    public static final int DEFAULT_TANGENTS = 8;
    /**
     * A job served from its cache file reports {@code progress(1, CACHE_HIT + <file name>)} and nothing else, so a
     * caller can say that the numbers were read, not computed ({@link AnalysisInfo#seconds()} is the original time).
     */
    public static final String CACHE_HIT = "read from ";

    /** Lanczos stops once every wanted Ritz pair's residual is below this, relative. */
    static final double LANCZOS_TOLERANCE = 1e-6;
    private static final int DENSITY_POINTS = 1000;
    private static final double DENSITY_RELATIVE_SIGMA = 0.01;
    private static final double TRACE_RELATIVE_ERROR = 0.01;

    private static final Logger LOG = LoggerFactory.getLogger(GeometryJobs.class);

    private final SavedModel model;
    private final Map<LossSpec, NetworkObjective> objectives = new HashMap<>();
    private Integer finiteExamples;
    private int[] dataShape;
    private MultiLayerNetwork tangentEncoder;
    private LatentModel latent;

    /** Jobs on the given model (nothing is loaded until a job needs it). */
    public GeometryJobs(SavedModel model) {
        if (model == null) {
            throw new IllegalArgumentException("a model is required");
        }
        this.model = model;
    }

    /** Jobs on a run folder (its latest checkpoint) or a checkpoint folder. */
    public static GeometryJobs open(Path runOrCheckpoint) {
        return new GeometryJobs(SavedModel.open(runOrCheckpoint));
    }

    public SavedModel model() {
        return model;
    }

    /** Where this checkpoint's cached results go: {@code <checkpoint>/analysis}. */
    public Path cacheDir() {
        return model.checkpoint().resolve("analysis");
    }

    // ---- Hessian

    /**
     * The k largest Hessian eigenvalues and their eigenvectors by Lanczos with full reorthogonalisation, at most
     * {@link #defaultLanczosSteps(int) max(3k, 40)} products (stopping earlier once every residual is below 1e-6
     * relative). Cached as {@code hessian-top<k>-<loss>.json}, the eigenvectors as 32-bit floats beside it in
     * {@code hessian-top<k>-<loss>.vectors.bin} (they are returned rounded to float, as stored).
     */
    public HessianTop hessianTop(LossSpec loss, int k, Monitor monitor) {
        return hessianTop(loss, k, defaultLanczosSteps(k), monitor);
    }

    /**
     * As {@link #hessianTop(LossSpec, int, Monitor)} with at most {@code maxSteps} products. Clustered top
     * eigenvalues (common: an MNIST autoencoder's decoder has hundreds near the top) converge slowly; the result's
     * residuals and {@code converged} say how far they got. Cached as {@code hessian-top<k>-m<maxSteps>-<loss>.json}
     * (without {@code -m…} for the default).
     */
    public HessianTop hessianTop(LossSpec loss, int k, int maxSteps, Monitor monitor) {
        if (k < 1) {
            throw new IllegalArgumentException("ask for at least one eigenvalue, not " + k);
        }
        if (maxSteps < k) {
            throw new IllegalArgumentException("Lanczos needs at least k = " + k + " steps, not " + maxSteps);
        }
        String name = "hessian-top" + k + (maxSteps == defaultLanczosSteps(k) ? "" : "-m" + maxSteps);
        Path file = cacheFile(name, loss, ".json");
        HessianTop hit = HessianTopFiles.read(file);
        if (hit != null) {
            monitor.progress(1, CACHE_HIT + file.getFileName());
            return hit;
        }
        long t0 = System.nanoTime();
        NetworkObjective o = objective(loss, monitor);
        double[] theta = o.initialPoint();
        HessianVectorProduct hvp = new HessianVectorProduct(o, theta);
        EigenPairs p = new Lanczos(hvp, loss.seed()).topEigenvalues(k, Math.min(o.dimension(), maxSteps),
                LANCZOS_TOLERANCE, new ProgressRange(monitor, 0, 1, ""));
        HessianTop fresh = HessianTopFiles.rounded(new HessianTop(info(o, theta, loss, t0), p.eigenvalues(),
                p.eigenvectors(), p.residuals(), p.iterations(), p.converged()));
        HessianTopFiles.write(file, fresh);
        monitor.progress(1, "done; kept in " + file.getFileName());
        return fresh;
    }

    /** The most Lanczos steps {@link #hessianTop(LossSpec, int, Monitor)} takes for k eigenvalues: max(3k, 40). */
    public static int defaultLanczosSteps(int k) {
        return Math.max(3 * k, 40);
    }

    /**
     * Every eigenvalue, from the exact Hessian (2 gradient evaluations per parameter). Refused with a
     * {@link LabException} above {@link ExactHessian#MAX_PARAMETERS} parameters. Cached as
     * {@code hessian-full-<loss>.json}.
     */
    public HessianFull hessianFull(LossSpec loss, Monitor monitor) {
        return cached(cacheFile("hessian-full", loss, ".json"), HessianFull.class, monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = objective(loss, monitor);
            int n = o.dimension();
            if (n > ExactHessian.MAX_PARAMETERS) {
                throw new LabException(String.format(Locale.ROOT, "the exact Hessian is limited to %d parameters,"
                        + " and %s is a function of %d (its matrix would take %.1f GB and %d gradient evaluations):"
                        + " use the top eigenvalues by Lanczos (--top k) or the spectral density by stochastic"
                        + " Lanczos quadrature (--density) instead", ExactHessian.MAX_PARAMETERS,
                        model.kind() == Family.GAN ? loss.partId() + "'s loss" : "the loss", n,
                        8.0 * n * n / 1e9, 2L * n));
            }
            double[] theta = o.initialPoint();
            ExactHessian h = ExactHessian.compute(new HessianVectorProduct(o, theta),
                    new ProgressRange(monitor, 0, 0.9, "exact Hessian"));
            monitor.progress(0.9, "exact Hessian: computing the spectrum of the " + n + " x " + n
                    + " matrix (cannot be cancelled)");
            HessianSpectrum s = h.spectrum(false);
            return new HessianFull(info(o, theta, loss, t0), s.eigenvalues(), h.asymmetry());
        });
    }

    /**
     * The spectral density by stochastic Lanczos quadrature ({@code runs} random starts of {@code steps} steps),
     * sampled on 1,000 points with Gaussians of width 1 % of the spectrum's span; the negative fraction and the
     * trace it implies. Cached as {@code hessian-density-r<runs>-m<steps>-<loss>.json}.
     */
    public HessianDensity hessianDensity(LossSpec loss, int runs, int steps, Monitor monitor) {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("the density needs at least one run of at least one step");
        }
        return cached(cacheFile("hessian-density-r" + runs + "-m" + steps, loss, ".json"), HessianDensity.class,
                monitor, () -> {
                    long t0 = System.nanoTime();
                    NetworkObjective o = objective(loss, monitor);
                    double[] theta = o.initialPoint();
                    SpectralDensity d = SpectralDensity.estimate(new HessianVectorProduct(o, theta), runs, steps,
                            loss.seed(), new ProgressRange(monitor, 0, 1, ""));
                    SpectralDensity.Curve c = d.curve(DENSITY_POINTS, DENSITY_RELATIVE_SIGMA);
                    double[][] nodes = new double[runs][];
                    double[][] weights = new double[runs][];
                    for (int r = 0; r < runs; r++) {
                        SpectralDensity.Quadrature q = d.runs().get(r);
                        nodes[r] = q.nodes();
                        weights[r] = q.weights();
                    }
                    double trace = d.trace(o.dimension());
                    return new HessianDensity(info(o, theta, loss, t0), nodes, weights, c.x(), c.density(),
                            c.sigma(), d.negativeFraction(NEGATIVE_TOLERANCE), trace);
                });
    }

    /**
     * The trace by Hutchinson's estimator: at most {@code samples} Rademacher vectors, stopping after at least 10
     * once the standard error is 1 % of the estimate. Cached as {@code hessian-trace-s<samples>-<loss>.json}.
     */
    public HessianTrace hessianTrace(LossSpec loss, int samples, Monitor monitor) {
        if (samples < 2) {
            throw new IllegalArgumentException("the trace estimate needs at least 2 samples, not " + samples);
        }
        return cached(cacheFile("hessian-trace-s" + samples, loss, ".json"), HessianTrace.class, monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = objective(loss, monitor);
            double[] theta = o.initialPoint();
            Hutchinson.TraceEstimate t = new Hutchinson(new HessianVectorProduct(o, theta), loss.seed())
                    .trace(samples, TRACE_RELATIVE_ERROR, new ProgressRange(monitor, 0, 1, ""));
            return new HessianTrace(info(o, theta, loss, t0), t.trace(), t.standardError(), t.samples());
        });
    }

    // ---- 1-D

    /**
     * The loss along the straight line θ(α) = (1 − α)·θ₀ + α·θ₁ from θ₀ to this checkpoint's parameters θ₁
     * (Goodfellow et al. 2015). θ₀ is the run's initial parameters when {@code from} is null (a checkpoint saved at
     * iteration 0 if the run kept one, otherwise recreated exactly as training created them), or the parameters of
     * another checkpoint of the same architecture ({@code from}: a checkpoint folder, or a run folder for its
     * latest): the line between two solutions. Cached as {@code line-init-<points>-<loss>.json} or
     * {@code line-from-iter-N-<hash of from>-…json}.
     */
    public LineResult line(LossSpec loss, Path from, LineOptions options, Monitor monitor) {
        SavedModel other = from == null ? null : SavedModel.open(from);
        if (other != null && other.kind() != model.kind()) {
            throw new LabException(from + " is a " + kindName(other) + " model and " + model.runDir().getFileName()
                    + " a " + kindName(model) + " model: a line needs two checkpoints of the same architecture");
        }
        String name = other == null ? "line-init" : "line-from-iter" + other.iteration() + "-"
                + Names.pathHash(other.checkpoint());
        return cached(cacheFile(name + "-" + options.tag(), loss, ".json"), LineResult.class, monitor, () -> {
            long t0 = System.nanoTime();
            NetworkObjective o = objective(loss, monitor);
            double[] theta1 = o.initialPoint();
            monitor.progress(0, "line: reading the start point");
            RunParameters.Point start = other == null ? RunParameters.initial(model, loss.part(), o.layout())
                    : RunParameters.at(other, loss.part(), o.layout());
            LineScan s = LineScan.between(o, start.theta(), theta1, options.from(), options.to(), options.points(),
                    new ProgressRange(monitor, 0, 1, ""));
            double l0 = o.loss(start.theta());
            return new LineResult(info(o, theta1, loss, t0), start.label(), "checkpoint "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName(), s.alpha(), s.loss(),
                    l0, o.loss(theta1), Vectors.norm(Vectors.subtract(theta1, start.theta())));
        });
    }

    // ---- 2-D

    /** {@link #slice(LossSpec, SliceOptions, Path, Consumer, Monitor)} without row updates. */
    public SurfaceSlice slice(LossSpec loss, SliceOptions options, Path scanFile, Monitor monitor) {
        return slice(loss, options, scanFile, null, monitor);
    }

    /**
     * The loss on a grid of the plane θ + a·d₁ + b·d₂ through this checkpoint, a, b ∈ [−range, range], and the run's
     * trajectory (initial parameters and every checkpoint) projected onto the plane by least squares.
     *
     * <p>The scan is kept in {@code scanFile} (null:
     * {@code <checkpoint>/analysis/surface-<directions>-g<grid>-r<range>-<loss>.csv}) after every row and when
     * cancelled; a later call with the same plane and grid resumes it. An unreadable file at the default place is
     * started again; a given {@code scanFile} that holds another scan is refused, so nothing a person made is
     * overwritten. The trajectory goes beside it ({@code …-trajectory.csv}).
     *
     * @param rows called after each row with the grid so far ({@code [row][column]}, NaN where pending); may be null
     */
    public SurfaceSlice slice(LossSpec loss, SliceOptions options, Path scanFile, Consumer<double[][]> rows,
                              Monitor monitor) {
        long t0 = System.nanoTime();
        NetworkObjective o = objective(loss, monitor);
        double[] theta = o.initialPoint();
        if (o.dimension() < 2) {
            throw new LabException("a plane needs at least 2 parameters; the model has " + o.dimension());
        }
        Monitor planeProgress = new ProgressRange(monitor, 0, 0.2, "directions");
        List<RunParameters.Point> trajectory = null;
        ScanPlane plane;
        switch (options.directions()) {
            case RANDOM -> plane = ScanPlane.filterNormalized(o.layout(), theta, loss.seed());
            case HESSIAN -> {
                HessianTop top = hessianTop(loss, 2, planeProgress);
                plane = new ScanPlane(theta, top.eigenvectors()[0], top.eigenvectors()[1], String.format(
                        Locale.ROOT, "top Hessian eigenvectors (lambda %.6g and %.6g)", top.eigenvalues()[0],
                        top.eigenvalues()[1]));
            }
            case PCA -> {
                trajectory = RunParameters.trajectory(model, loss.part(), o.layout(), planeProgress);
                if (trajectory.size() < 3) {
                    throw new LabException(model.runDir().getFileName() + " has " + (trajectory.size() - 1)
                            + " checkpoint(s): the principal components of a trajectory need at least 2 checkpoints"
                            + " besides the initial parameters" + (model.kind() == Family.GAN
                            ? " (GAN runs keep only their two newest); use random or hessian directions" : ""));
                }
                TrajectoryProjection pca = TrajectoryProjection.pca(thetas(trajectory));
                plane = new ScanPlane(theta, pca.plane().d1(), pca.plane().d2(), String.format(Locale.ROOT,
                        "principal components of the trajectory (%.1f%% and %.1f%% of its variance)",
                        100 * pca.explainedVariance()[0], 100 * pca.explainedVariance()[1]));
            }
            default -> throw new IllegalStateException(options.directions().toString());
        }
        Path file = scanFile != null ? scanFile : cacheFile("surface-" + options.tag(), loss, ".csv");
        SurfaceScan scan = openScan(file, plane, options, scanFile != null);
        int resumed = scan.computed();
        Monitor scanProgress = new ProgressRange(monitor, 0.2, 0.95, "");
        try {
            while (!scan.isComplete()) {
                scan.run(o, options.grid(), scanProgress);
                scan.writeCsv(file);
                if (rows != null) {
                    rows.accept(scan.values());
                }
            }
        } catch (Monitor.Cancelled c) {
            scan.writeCsv(file);
            throw c;
        }
        if (trajectory == null) {
            trajectory = RunParameters.trajectory(model, loss.part(), o.layout(),
                    new ProgressRange(monitor, 0.95, 1, ""));
        }
        TrajectoryProjection p = TrajectoryProjection.onto(plane, thetas(trajectory));
        long[] iterations = new long[trajectory.size()];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] = trajectory.get(i).iteration();
        }
        String note = "the initial parameters (" + trajectory.get(0).label() + ") and " + (trajectory.size() - 1)
                + " checkpoint(s)" + (model.kind() == Family.GAN ? "; a GAN run keeps only its two newest"
                + " checkpoints" : "");
        SurfaceSlice.Trajectory t = new SurfaceSlice.Trajectory(iterations, p.a(), p.b(), p.explainedVariance()[0],
                note);
        Path trajectoryFile = sibling(file, "-trajectory.csv");
        t.writeCsv(trajectoryFile, plane.label());
        monitor.progress(1, "surface done");
        return new SurfaceSlice(info(o, theta, loss, t0), plane.label(), scan.a(), scan.b(), scan.values(), t, file,
                trajectoryFile, resumed);
    }

    private static SurfaceScan openScan(Path file, ScanPlane plane, SliceOptions options, boolean given) {
        SurfaceScan fresh = SurfaceScan.create(plane, -options.range(), options.range(), options.grid());
        if (!Files.exists(file)) {
            return fresh;
        }
        SurfaceScan old;
        try {
            old = SurfaceScan.readCsv(file, plane);
        } catch (LabException e) {
            if (given) {
                throw new LabException(e.getMessage() + " (to start afresh, delete " + file.getFileName()
                        + " or choose another file)", e);
            }
            LOG.warn("{}; starting the scan again", e.getMessage());
            return fresh;
        }
        if (Arrays.equals(old.a(), fresh.a()) && Arrays.equals(old.b(), fresh.b())) {
            return old;
        }
        String msg = String.format(Locale.ROOT, "%s holds a %d x %d scan over [%s, %s]; this slice is %d x %d over"
                        + " [%s, %s]", file, old.a().length, old.b().length, old.a()[0], old.a()[old.a().length - 1],
                options.grid(), options.grid(), -options.range(), options.range());
        if (given) {
            throw new LabException(msg + ": choose another file, or the same grid and range to resume it");
        }
        LOG.warn("{}; starting the scan again", msg);
        return fresh;
    }

    private static Path sibling(Path file, String suffix) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return file.resolveSibling(base + suffix);
    }

    private static List<double[]> thetas(List<RunParameters.Point> points) {
        List<double[]> out = new ArrayList<>(points.size());
        for (RunParameters.Point p : points) {
            out.add(p.theta());
        }
        return out;
    }

    // ---- tangents

    /**
     * The tangent space of an autoencoder's (or VAE's: of μ) encoder at example {@code index} of the held-out
     * examples (for a distribution: the {@code index}-th of the examples drawn with the run's seed): all singular
     * values of J = ∂c/∂x, the right singular vectors of the {@code k} largest, and x's reconstruction. Computed
     * in double precision, in milliseconds, so not cached.
     */
    public TangentResult tangents(int index, int k, Monitor monitor) {
        requireEncoder("tangent vectors");
        if (k < 1) {
            throw new IllegalArgumentException("ask for at least one tangent vector, not " + k);
        }
        monitor.progress(0, "tangents: reading the example");
        double[] x = example(index);
        MultiLayerNetwork encoder = tangentEncoder();
        monitor.checkCancelled();
        monitor.progress(0.3, "tangents: the encoder's Jacobian");
        Jacobian j = EncoderJacobian.at(encoder, x, encoderOutput());
        monitor.progress(0.7, "tangents: its singular value decomposition");
        TangentSpace ts = TangentSpace.of(j);
        int m = Math.min(k, ts.rank());
        double[][] tangents = new double[m][];
        for (int i = 0; i < m; i++) {
            tangents[i] = ts.tangents()[i].clone();
        }
        double[] reconstruction = decodeEncode(x);
        monitor.progress(1, "tangents done");
        return new TangentResult(model.runDir().getFileName().toString(), model.iteration(), index,
                dataShape(), x, reconstruction, ts.singularValues().clone(), tangents, j.frobeniusNorm());
    }

    /**
     * decode(encode(x + t·vᵢ)): what the model makes of x moved by t along tangent i of {@code tangents} (data
     * values; σ applied for a Bernoulli decoder; μ used for a VAE).
     */
    public double[] alongTangent(TangentResult tangents, int i, double t) {
        requireEncoder("tangent vectors");
        if (i < 0 || i >= tangents.tangents().length) {
            throw new IllegalArgumentException("tangent " + i + " does not exist; there are "
                    + tangents.tangents().length);
        }
        return decodeEncode(TangentSpace.move(tangents.input(), tangents.tangents()[i], t));
    }

    private double[] decodeEncode(double[] x) {
        LatentModel lm = latent();
        float[] xf = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            xf[i] = (float) x[i];
        }
        float[] r = lm.decode(lm.encode(new float[][] {xf})[0]);
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i];
        }
        return out;
    }

    private double[] example(int index) {
        if (index < 0) {
            throw new LabException("the example index must be 0 or more, not " + index);
        }
        ExampleSet held = model.heldOut();
        if (held != null) {
            if (index >= held.size()) {
                throw new LabException("example " + index + " does not exist: " + model.runDir().getFileName()
                        + " holds out " + held.size() + " examples (indices 0 to " + (held.size() - 1) + ")");
            }
            float[] e = held.example(index);
            double[] x = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                x[i] = e[i];
            }
            return x;
        }
        if (index >= 100_000) {
            throw new LabException("example " + index + " is too far: draw indices below 100000");
        }
        INDArray b = GeometryModels.batch(model.trainingData(), index + 1, model.modelSpec().seed());
        return b.getRow(index).dup().toDoubleVector();
    }

    private EncoderOutput encoderOutput() {
        return model.kind() == Family.VAE ? EncoderOutput.VAE_MEAN : EncoderOutput.CODE;
    }

    private MultiLayerNetwork tangentEncoder() {
        if (tangentEncoder == null) {
            tangentEncoder = DoubleNetworks.copy(model.encoder());
        }
        return tangentEncoder;
    }

    private LatentModel latent() {
        if (latent == null) {
            MultiLayerNetwork dec = DoubleNetworks.copy(model.decoder());
            AutoencoderSettings s = model.modelSpec().training();
            OutputTransform t = s.reconstruction() == AutoencoderSettings.Reconstruction.CROSS_ENTROPY
                    ? OutputTransform.SIGMOID : OutputTransform.IDENTITY;
            ImageShape shape = ImageShape.of(dataShape());
            ImageScale scale = shape.isImage() ? ImageScale.ZERO_TO_ONE : null;
            latent = model.kind() == Family.VAE ? LatentModel.vae(tangentEncoder(), dec, t, shape, scale)
                    : LatentModel.autoencoder(tangentEncoder(), dec, t, shape, scale);
        }
        return latent;
    }

    private int[] dataShape() {
        if (dataShape == null) {
            dataShape = model.data().shape().clone();
        }
        return dataShape.clone();
    }

    private void requireEncoder(String what) {
        if (model.kind() == Family.GAN) {
            throw new LabException(model.runDir().getFileName() + " is a GAN run: " + what + " are read off an"
                    + " encoder's Jacobian and a GAN has none; open an autoencoder or VAE run");
        }
        if (model.kind() == Family.RBM) {
            throw new LabException(model.runDir().getFileName() + " is an RBM run: " + what + " are read off an"
                    + " encoder network's Jacobian; open an autoencoder or VAE run");
        }
    }

    // ---- along training

    /**
     * For every checkpoint of this model's run, oldest first: the loss on the analysis batch, the top Hessian
     * eigenvalue (Lanczos) and the negative fraction and trace by stochastic Lanczos quadrature ({@code runs} ×
     * {@code steps}): the "training error vs eigenvalues" figure. Each checkpoint's results are cached in its own
     * folder. Autoencoder, VAE and RBM runs keep every checkpoint; a GAN run keeps only its two newest, which the
     * result's note says.
     */
    public CurvatureHistory alongTraining(LossSpec loss, int runs, int steps, Monitor monitor) {
        List<Path> checkpoints = SavedModel.checkpoints(model.runDir());
        if (checkpoints.isEmpty()) {
            throw new LabException(model.runDir() + " has no complete checkpoint");
        }
        List<CurvatureRow> rows = new ArrayList<>();
        String objective = null;
        int n = checkpoints.size();
        for (int i = 0; i < n; i++) {
            Path cp = checkpoints.get(i);
            String label = "checkpoint " + (i + 1) + " of " + n + " (" + cp.getFileName() + ")";
            try (GeometryJobs jobs = cp.equals(model.checkpoint()) ? null : new GeometryJobs(SavedModel.open(cp))) {
                GeometryJobs j = jobs == null ? this : jobs;
                HessianTop top = j.hessianTop(loss, 1, new ProgressRange(monitor, i / (double) n,
                        (i + 0.3) / n, label));
                HessianDensity d = j.hessianDensity(loss, runs, steps, new ProgressRange(monitor, (i + 0.3) / n,
                        (i + 1.0) / n, label));
                objective = top.info().objective();
                rows.add(new CurvatureRow(top.info().iteration(), top.info().loss(), top.eigenvalues()[0],
                        d.negativeFraction(), d.traceEstimate()));
            }
        }
        String note = "";
        if (n == 1) {
            note = model.kind() == Family.GAN
                    ? "the run has one checkpoint, so there is one point; for a curve, analyse"
                    + " autoencoder or VAE runs, which keep every checkpoint"
                    : "the run saved one checkpoint, so there is one point; train with a smaller"
                    + " checkpointInterval for a curve";
        }
        monitor.progress(1, "curvature along training done");
        return new CurvatureHistory(model.runDir().getFileName().toString(), objective, rows, note);
    }

    // ---- shared

    /** The objective of {@code loss} at this checkpoint, built once per LossSpec. */
    NetworkObjective objective(LossSpec loss, Monitor monitor) {
        NetworkObjective o = objectives.get(loss);
        if (o == null) {
            monitor.progress(0, "loading " + model.name() + " at iteration " + model.iteration());
            o = GeometryModels.objective(model, loss.examples(), loss.part(), loss.seed());
            objectives.put(loss, o);
        }
        return o;
    }

    private AnalysisInfo info(NetworkObjective o, double[] theta, LossSpec loss, long startNanos) {
        double l = o.loss(theta);
        return new AnalysisInfo(model.runDir().getFileName().toString(), model.iteration(), kindName(model),
                o.describe(), o.dimension(), examplesUsed(loss), model.kind() == Family.GAN ? loss.part()
                : null, loss.seed(), l, (System.nanoTime() - startNanos) / 1e9);
    }

    /** The batch size the objective really has: n, or fewer when the set it takes them from is smaller. */
    private int examplesUsed(LossSpec loss) {
        if (finiteExamples == null) {
            DataSource source;
            if (model.kind() == Family.GAN) {
                source = model.data();
            } else {
                ExampleSet held = model.heldOut();
                source = held != null ? held : model.trainingData();
            }
            finiteExamples = source instanceof ExampleSet s ? s.size() : -1;
        }
        return finiteExamples < 0 ? loss.examples() : Math.min(loss.examples(), finiteExamples);
    }

    private Path cacheFile(String job, LossSpec loss, String extension) {
        return cacheDir().resolve(job + "-" + loss.tag(model.kind()) + extension);
    }

    private static <T> T cached(Path file, Class<T> type, Monitor monitor, Supplier<T> compute) {
        T hit = AnalysisCache.read(file, type);
        if (hit != null) {
            monitor.progress(1, CACHE_HIT + file.getFileName());
            return hit;
        }
        T fresh = compute.get();
        AnalysisCache.write(file, fresh);
        monitor.progress(1, "done; kept in " + file.getFileName());
        return fresh;
    }

    private static String kindName(SavedModel m) {
        return m.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Puts the networks' parameters back and lets the copies go. */
    @Override
    public void close() {
        for (NetworkObjective o : objectives.values()) {
            o.close();
        }
        objectives.clear();
        tangentEncoder = null;
        latent = null;
        // the copies are unreachable now: give their native memory back (ND4J frees it only when Java collects)
        NativeMemory.releaseSoon();
    }

    @Override
    public String toString() {
        return "GeometryJobs on " + model;
    }
}
