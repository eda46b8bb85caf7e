package org.latentlab.experiment.geometry;

import org.latentlab.experiment.Family;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.Hutchinson;
import org.latentlab.analysis.hessian.Lanczos;
import org.latentlab.analysis.hessian.NetworkObjective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DataSource;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.GeometryModels;
import org.latentlab.experiment.SavedModel;
import org.latentlab.train.NativeMemory;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>This class holds what the jobs share (the model, one objective per {@link LossSpec}, the cache files) and
 * hands each job to its piece: {@link HessianJobs}, {@link LandscapeJobs}, {@link TangentJobs}; the curvature along
 * training, which walks the run's checkpoints, is here.
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
    private final SavedModel model;
    private final Map<LossSpec, NetworkObjective> objectives = new HashMap<>();
    private final HessianJobs hessian;
    private final LandscapeJobs landscape;
    private Integer finiteExamples;
    private TangentJobs tangentJobs;

    /** Jobs on the given model (nothing is loaded until a job needs it). */
    public GeometryJobs(SavedModel model) {
        if (model == null) {
            throw new IllegalArgumentException("a model is required");
        }
        this.model = model;
        this.hessian = new HessianJobs(this);
        this.landscape = new LandscapeJobs(this);
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

    // ---- Hessian (HessianJobs)

    /**
     * The k largest Hessian eigenvalues and their eigenvectors by Lanczos with full reorthogonalisation, at most
     * {@link #defaultLanczosSteps(int) max(3k, 40)} products (stopping earlier once every residual is below 1e-6
     * relative). Cached as {@code hessian-top<k>-<loss>.json}, the eigenvectors as 32-bit floats beside it in
     * {@code hessian-top<k>-<loss>.vectors.bin} (they are returned rounded to float, as stored).
     */
    public HessianTop hessianTop(LossSpec loss, int k, Monitor monitor) {
        return hessian.hessianTop(loss, k, monitor);
    }

    /**
     * As {@link #hessianTop(LossSpec, int, Monitor)} with at most {@code maxSteps} products. Clustered top
     * eigenvalues (common: an MNIST autoencoder's decoder has hundreds near the top) converge slowly; the result's
     * residuals and {@code converged} say how far they got. Cached as {@code hessian-top<k>-m<maxSteps>-<loss>.json}
     * (without {@code -m…} for the default).
     */
    public HessianTop hessianTop(LossSpec loss, int k, int maxSteps, Monitor monitor) {
        return hessian.hessianTop(loss, k, maxSteps, monitor);
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
        return hessian.hessianFull(loss, monitor);
    }

    /**
     * The spectral density by stochastic Lanczos quadrature ({@code runs} random starts of {@code steps} steps),
     * sampled on 1,000 points with Gaussians of width 1 % of the spectrum's span; the negative fraction and the
     * trace it implies. Cached as {@code hessian-density-r<runs>-m<steps>-<loss>.json}.
     */
    public HessianDensity hessianDensity(LossSpec loss, int runs, int steps, Monitor monitor) {
        return hessian.hessianDensity(loss, runs, steps, monitor);
    }

    /**
     * The trace by Hutchinson's estimator: at most {@code samples} Rademacher vectors, stopping after at least 10
     * once the standard error is 1 % of the estimate. Cached as {@code hessian-trace-s<samples>-<loss>.json}.
     */
    public HessianTrace hessianTrace(LossSpec loss, int samples, Monitor monitor) {
        return hessian.hessianTrace(loss, samples, monitor);
    }

    // ---- 1-D and 2-D (LandscapeJobs)

    /**
     * The loss along the straight line θ(α) = (1 − α)·θ₀ + α·θ₁ from θ₀ to this checkpoint's parameters θ₁
     * (Goodfellow et al. 2015). θ₀ is the run's initial parameters when {@code from} is null (a checkpoint saved at
     * iteration 0 if the run kept one, otherwise recreated exactly as training created them), or the parameters of
     * another checkpoint of the same architecture ({@code from}: a checkpoint folder, or a run folder for its
     * latest): the line between two solutions. Cached as {@code line-init-<points>-<loss>.json} or
     * {@code line-from-iter-N-<hash of from>-…json}.
     */
    public LineResult line(LossSpec loss, Path from, LineOptions options, Monitor monitor) {
        return landscape.line(loss, from, options, monitor);
    }

    /** {@link #slice(LossSpec, SliceOptions, Path, Consumer, Monitor)} without row updates. */
    public SurfaceSlice slice(LossSpec loss, SliceOptions options, Path scanFile, Monitor monitor) {
        return landscape.slice(loss, options, scanFile, null, monitor);
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
        return landscape.slice(loss, options, scanFile, rows, monitor);
    }

    // ---- tangents (TangentJobs)

    /**
     * The tangent space of an autoencoder's (or VAE's: of μ) encoder at example {@code index} of the held-out
     * examples (for a distribution: the {@code index}-th of the examples drawn with the run's seed): all singular
     * values of J = ∂c/∂x, the right singular vectors of the {@code k} largest, and x's reconstruction. Computed
     * in double precision, in milliseconds, so not cached.
     */
    public TangentResult tangents(int index, int k, Monitor monitor) {
        return tangentJobs().tangents(index, k, monitor);
    }

    /**
     * decode(encode(x + t·vᵢ)): what the model makes of x moved by t along tangent i of {@code tangents} (data
     * values; σ applied for a Bernoulli decoder; μ used for a VAE).
     */
    public double[] alongTangent(TangentResult tangents, int i, double t) {
        return tangentJobs().alongTangent(tangents, i, t);
    }

    private TangentJobs tangentJobs() {
        if (tangentJobs == null) {
            tangentJobs = new TangentJobs(model);
        }
        return tangentJobs;
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

    AnalysisInfo info(NetworkObjective o, double[] theta, LossSpec loss, long startNanos) {
        double l = o.loss(theta);
        return new AnalysisInfo(model.runDir().getFileName().toString(), model.iteration(), kindName(model),
                o.describe(), o.dimension(), examplesUsed(loss), model.kind() == Family.GAN ? loss.part()
                : null, loss.seed(), l, (System.nanoTime() - startNanos) / 1e9);
    }

    /** As {@link #info}, the objective's description saying how its Hessian-vector products were taken. */
    AnalysisInfo hessianInfo(NetworkObjective o, double[] theta, LossSpec loss, long startNanos) {
        AnalysisInfo i = info(o, theta, loss, startNanos);
        String products = o.exactCurvature().isPresent() ? "exact Hessian products (Pearlmutter's R-operator)"
                : "Hessian products by central differences of the gradient";
        return new AnalysisInfo(i.run(), i.iteration(), i.kind(), i.objective() + "; " + products, i.parameters(),
                i.examples(), i.part(), i.seed(), i.loss(), i.seconds());
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

    Path cacheFile(String job, LossSpec loss, String extension) {
        return cacheDir().resolve(job + "-" + loss.tag(model.kind()) + extension);
    }

    static <T> T cached(Path file, Class<T> type, Monitor monitor, Supplier<T> compute) {
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

    static String kindName(SavedModel m) {
        return m.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Puts the networks' parameters back and lets the copies go. */
    @Override
    public void close() {
        for (NetworkObjective o : objectives.values()) {
            o.close();
        }
        objectives.clear();
        tangentJobs = null;
        // the copies are unreachable now: give their native memory back (ND4J frees it only when Java collects)
        NativeMemory.releaseSoon();
    }

    @Override
    public String toString() {
        return "GeometryJobs on " + model;
    }
}
