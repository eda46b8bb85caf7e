package org.latentlab.ui.gan;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.analysis.game.GameSpectrum;
import org.latentlab.analysis.game.JacobianEigenvalue;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.GanGameJacobian;
import org.latentlab.train.RunState;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The "Game Jacobian" panel's state: offered while the run is paused; a job for the {@link TaskRunner} that asks the
 * run's thread for copies of the game at this point ({@link GanGameJacobian#capture}, through {@code capture}) and
 * then finds the top eigenvalues of its Jacobian on the copies, with progress and Cancel; the eigenvalues and their
 * readings when it is done.
 */
public final class GameJacobianViewModel {

    /** What the panel says under the plot, the sign convention first. */
    public static final String CAPTION = "Eigenvalues λ of the Jacobian J = ∂v/∂θ of the game's joint field"
            + " v(θ) = (∇_θD L_D, ∇_θG L_G), each player's gradient of its own loss, on fixed batches (Mescheder et"
            + " al. 2017, \"The numerics of GANs\"). Sign convention: training descends v, θ ← θ − η·v, so near a"
            + " stationary point a perturbation along an eigenvector is multiplied by 1 − η·λ each step. A large"
            + " |Im λ| means rotation (the players circle, as in the xy game, where λ = ±i); Re λ < 0 means divergence"
            + " for every step size; Re λ > 0 contracts only for η < 2·Re λ/|λ|². Mescheder et al. write the field"
            + " as −v: there the signs of the real parts flip and positive ones mean divergence.";

    private final TaskRunner runner;
    private final Supplier<CompletableFuture<GanGameJacobian.Point>> capture;
    private final ReadOnlyBooleanWrapper stopped = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GameSpectrum> spectrum = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper readings = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRun = Bindings.createBooleanBinding(() -> stopped.get() && !busy.get(),
            stopped, busy);
    private TaskHandle running = TaskHandle.NONE;
    private long generation;

    /**
     * @param runner  runs the job off the FX thread
     * @param capture asks the run's thread for copies of the game now (fails when there is no paused run)
     */
    public GameJacobianViewModel(TaskRunner runner, Supplier<CompletableFuture<GanGameJacobian.Point>> capture) {
        this.runner = runner;
        this.capture = capture;
    }

    /** Follows the run: the Jacobian is offered while it is paused (or finished), when its networks stand still. */
    public void follow(RunState state) {
        stopped.set(state == RunState.PAUSED || state == RunState.FINISHED);
    }

    /** Forgets the last result (another experiment was loaded). */
    public void clear() {
        cancel();
        spectrum.set(null);
        readings.set("");
        message.set("");
        progress.set(0);
    }

    /** Starts the computation at the run's current point. */
    public void compute() {
        if (!canRun.get()) {
            return;
        }
        long mine = ++generation;
        busy.set(true);
        progress.set(-1);
        message.set("copying the networks at this point…");
        BackgroundTask<Result> task = BackgroundTask.of("game Jacobian", m -> {
            GanGameJacobian.Point p = await(capture.get(), m);
            m.progress(0, "Arnoldi on " + String.format(Locale.ROOT, "%,d", p.dimension()) + " parameters");
            return new Result(p.iteration(), p.dimension(), GanGameJacobian.spectrum(p, m));
        }).onProgress((f, text) -> {
            if (mine == generation) {
                progress.set(f);
                if (text != null) {
                    message.set(text);
                }
            }
        }).onSuccess(r -> {
            if (mine == generation) {
                finish(1, describe(r));
                readings.set(readings(r.spectrum()));
                spectrum.set(r.spectrum());
            }
        }).onFailure(text -> {
            if (mine == generation) {
                finish(0, text);
            }
        }).onCancelled(() -> {
            if (mine == generation) {
                finish(0, "cancelled");
            }
        });
        running = runner.submit(task);
    }

    /** Asks the job in flight to stop. */
    public void cancel() {
        running.cancel();
    }

    private record Result(long iteration, int dimension, GameSpectrum spectrum) {
    }

    private void finish(double at, String text) {
        busy.set(false);
        progress.set(at);
        message.set(text);
    }

    /** Waits for the run's thread to hand over the copies, giving up when cancelled. */
    private static GanGameJacobian.Point await(CompletableFuture<GanGameJacobian.Point> f, Monitor m)
            throws InterruptedException {
        while (true) {
            m.checkCancelled();
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still waiting for the run's thread
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new LabException("the run could not copy its networks: " + e.getCause().getMessage(), e);
            }
        }
    }

    static String describe(Result r) {
        GameSpectrum s = r.spectrum();
        return String.format(Locale.ROOT, "iteration %,d: %d eigenvalues of a %,d × %,d Jacobian after %d"
                        + " products%s", r.iteration(), s.eigenvalues().size(), r.dimension(), r.dimension(),
                s.krylovDimension(), s.converged() ? "" : " (not converged: largest residual "
                        + String.format(Locale.ROOT, "%.2g", s.maxResidual()) + ")");
    }

    /** One line per eigenvalue, largest modulus first: λ, its residual and its reading. */
    static String readings(GameSpectrum s) {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (JacobianEigenvalue e : s.eigenvalues()) {
            b.append(String.format(Locale.ROOT, "λ%d = %.4g %s %.4gi   (residual %.1g)   %s%n", i++, e.re(),
                    e.im() < 0 ? "−" : "+", Math.abs(e.im()), e.residual(), e.reading()));
        }
        return b.toString().stripTrailing();
    }

    /** Whether the button is offered: the run is paused and nothing is being computed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The job's progress from 0 to 1, negative while it has not said. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last spectrum, or null. */
    public ReadOnlyObjectProperty<GameSpectrum> spectrumProperty() {
        return spectrum.getReadOnlyProperty();
    }

    /** The eigenvalues with their readings, one a line. */
    public ReadOnlyStringProperty readingsProperty() {
        return readings.getReadOnlyProperty();
    }
}
