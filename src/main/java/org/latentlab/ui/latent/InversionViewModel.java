package org.latentlab.ui.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.data.xy.XYSeries;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskHandle;
import org.latentlab.data.ExampleSet;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.Inversion;
import org.latentlab.latent.InversionResult;
import org.latentlab.latent.InversionSettings;
import org.latentlab.latent.InversionStep;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.MemorisationCheck;

import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Inversion of the decoder on one example: Adam on z to minimise ‖G(z) − x‖² + λ‖z‖² (Creswell and Bharath 2018,
 * "Inverting the generator of a generative adversarial network"), drawn as it runs (objective, error, the decoded
 * code), then the memorisation check of the code found against the training set (Webster et al. 2019). Runs on the
 * inversion runner with a copy of the model of its own; has its own progress, busy flag and message.
 */
public final class InversionViewModel {

    private static final long PICTURE_NANOS = 50_000_000L;

    private final StudioSession session;
    private final BooleanProperty inverting = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty error = new SimpleBooleanProperty();
    private final ObjectProperty<float[]> target = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> current = new SimpleObjectProperty<>();
    private final ObjectProperty<float[]> nearest = new SimpleObjectProperty<>();
    private final XYSeries objective = new XYSeries("objective", true, false);
    private final XYSeries reconstructionError = new XYSeries("reconstruction error", true, false);
    /** Steps and pictures streamed by the search, drawn whenever its progress is told. */
    private final ConcurrentLinkedQueue<InversionStep> steps = new ConcurrentLinkedQueue<>();
    private final AtomicReference<float[]> picture = new AtomicReference<>();
    private TaskHandle running = TaskHandle.NONE;
    private double[] inverted;

    InversionViewModel(StudioSession session) {
        this.session = session;
        session.whenOpened(l -> {
            running.cancel();
            running = TaskHandle.NONE;
            inverting.set(false);
            progress.set(0);
            clear();
            say("", false);
        });
    }

    private void clear() {
        objective.clear();
        reconstructionError.clear();
        steps.clear();
        picture.set(null);
        target.set(null);
        current.set(null);
        nearest.set(null);
        inverted = null;
    }

    /**
     * Searches for the code of example {@code index}, starting from {@code start}, with Adam for {@code steps}
     * steps at learning rate {@code rate} and prior weight {@code lambda}.
     */
    public void invert(int index, Inversion.Start start, int stepCount, double rate, double lambda) {
        LoadedModel l = session.loadedProperty().get();
        OpenModel o = session.open();
        if (l == null || o == null) {
            return;
        }
        if (inverting.get()) {
            say("an inversion is already running: cancel it first", true);
            return;
        }
        String problem = l.exampleProblem(index);
        if (problem != null) {
            say(problem, true);
            return;
        }
        if (start == Inversion.Start.ENCODER && !l.hasEncoder()) {
            say("a GAN has no encoder: start the inversion from the prior", true);
            return;
        }
        InversionSettings settings;
        try {
            settings = new InversionSettings(stepCount, rate, lambda, 0);
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), true);
            return;
        }
        float[] x = l.examples().example(index);
        clear();
        target.set(l.exampleDisplay(index));
        inverting.set(true);
        progress.set(0);
        say("inverting " + l.exampleNoun() + " #" + index + " (" + settings + ") …", false);
        CodePrior prior = l.prior();
        ExampleSet training = o.studio.training();
        running = session.runners().inversion().submit(BackgroundTask.of("inverting example #" + index, m -> {
            LatentModel model = o.inversionModel(prior);
            Inversion inversion = new Inversion(model);
            double[] z0 = inversion.startCode(x, start, StudioSession.SEED + index);
            long[] lastPicture = {0};
            return inversion.invert(x, z0, settings, m, step -> {
                steps.add(step);
                long now = System.nanoTime();
                if (now - lastPicture[0] > PICTURE_NANOS) {
                    lastPicture[0] = now;
                    picture.set(model.toDisplay(model.decode(step.code())));
                }
                m.progress((step.iteration() + 1.0) / settings.steps(), null);
            }, training);
        }).onProgress((fraction, text) -> {
            if (session.open() == o) {
                progress.set(fraction);
                drain();
            }
        }).onSuccess(r -> finish(o, () -> show(r, l, training)))
                .onFailure(text -> finish(o, () -> say("inversion failed: " + text, true)))
                .onCancelled(() -> finish(o, () -> say("inversion cancelled", false))));
    }

    private void finish(OpenModel o, Runnable then) {
        if (session.open() != o) {
            return;
        }
        drain();
        inverting.set(false);
        progress.set(0);
        then.run();
    }

    /** Takes what the search streamed since the last progress report into the chart and the picture. */
    private void drain() {
        InversionStep step;
        boolean any = false;
        while ((step = steps.poll()) != null) {
            if (Double.isFinite(step.loss()) && step.loss() > 0) {
                objective.add(step.iteration(), step.loss(), false);
            }
            if (Double.isFinite(step.reconstructionError()) && step.reconstructionError() > 0) {
                reconstructionError.add(step.iteration(), step.reconstructionError(), false);
            }
            any = true;
        }
        if (any) {
            objective.fireSeriesChanged();
            reconstructionError.fireSeriesChanged();
        }
        float[] p = picture.getAndSet(null);
        if (p != null) {
            current.set(p);
        }
    }

    private void show(InversionResult r, LoadedModel l, ExampleSet training) {
        inverted = r.code();
        current.set(LatentModel.toDisplay(r.reconstruction(), l.scale()));
        say(resultText(r), false);
        MemorisationCheck check = r.memorisation();
        if (check != null) {
            nearest.set(LatentModel.toDisplay(training.example(check.reconstructionNearest().index()), l.scale()));
        }
    }

    /** The final error, then the memorisation check's verdict (or that there was no training set to check). */
    static String resultText(InversionResult r) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "final error ‖G(z*) − x‖² = %.4g (distance %.4g, RMSE per value %.4f) after %d steps%s.",
                r.reconstructionError(), r.reconstructionDistance(), r.rootMeanSquaredError(), r.iterations(),
                r.converged() ? " (converged)" : ""));
        MemorisationCheck check = r.memorisation();
        if (check == null) {
            return text.append("\nNo training set to check memorisation against.").toString();
        }
        String verdict = check.verdict();
        return text.append(String.format(Locale.ROOT, "%nNearest training image to the reconstruction: #%d at"
                        + " %.4g; to the target: #%d at %.4g.%n", check.reconstructionNearest().index(),
                        check.reconstructionNearest().distance(), check.targetNearest().index(),
                        check.targetNearest().distance()))
                .append(verdict.isEmpty() ? "" : Character.toUpperCase(verdict.charAt(0)) + verdict.substring(1))
                .append('.').toString();
    }

    /** Stops the search under way; the screen keeps what it drew. */
    public void cancel() {
        running.cancel();
    }

    /** Starts from the code the last inversion found. */
    public void loadInverted() {
        if (inverted == null) {
            say("no inversion result yet: press Invert first", true);
            return;
        }
        session.start(inverted);
        session.info("the inverted code is in the sliders");
    }

    private void say(String text, boolean isError) {
        error.set(isError);
        message.set(text);
    }

    public ReadOnlyBooleanProperty invertingProperty() {
        return inverting;
    }

    /** The search's progress, 0 to 1 (steps, then the memorisation check's pass). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** What the inversion is doing or found, or what is wrong with the request (see {@link #errorProperty()}). */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<float[]> targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<float[]> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<float[]> nearestProperty() {
        return nearest;
    }

    /** The objective per step (for a chart; changed on the owner's thread). */
    public XYSeries objective() {
        return objective;
    }

    /** The reconstruction error per step. */
    public XYSeries reconstructionError() {
        return reconstructionError;
    }
}
