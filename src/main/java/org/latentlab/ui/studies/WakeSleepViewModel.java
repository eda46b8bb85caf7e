package org.latentlab.ui.studies;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskHandle;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.sbn.WakeSleepFiles;
import org.latentlab.experiment.sbn.WakeSleepMnist;
import org.latentlab.train.sbn.ExplainingAway;
import org.latentlab.train.sbn.WakeSleepSettings;
import org.latentlab.train.sbn.WakeSleepStatus;
import org.latentlab.train.sbn.WakeSleepTrainer;
import org.latentlab.ui.common.NumberInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The wake-sleep study without a screen: (a) a wake-sleep run on MNIST on the pane's worker, whose newest status
 * is kept for the next frame (the run never floods the FX thread), and (b) the explaining-away net with its effect
 * clamped on or off, its exact posterior and the recognition net's factorised q.
 */
public final class WakeSleepViewModel {

    private final TaskRunner runner;
    private final Function<WakeSleepSettings, WakeSleepTrainer> trainers;
    private final AtomicReference<WakeSleepStatus> latest = new AtomicReference<>();
    private final StringProperty iterations = new SimpleStringProperty();
    private final StringProperty learningRate = new SimpleStringProperty();
    private final ExplainingAway explaining = ExplainingAway.hinton();
    private volatile String message = "Press Train: a 784-100-20 sigmoid belief net learns MNIST by wake-sleep.";
    private volatile double progress;
    private boolean running;
    private boolean effectOn = true;
    private TaskHandle task = TaskHandle.NONE;

    /** Trains on the bundled MNIST images. */
    public WakeSleepViewModel(TaskRunner runner) {
        this(runner, WakeSleepMnist::trainer);
    }

    /** Trains whatever {@code trainers} builds for the settings (tests give small data). */
    WakeSleepViewModel(TaskRunner runner, Function<WakeSleepSettings, WakeSleepTrainer> trainers) {
        this.runner = runner;
        this.trainers = trainers;
        WakeSleepSettings d = WakeSleepSettings.mnist();
        iterations.set(Integer.toString(d.iterations()));
        learningRate.set(Double.toString(d.learningRate()));
    }

    public StringProperty iterationsText() {
        return iterations;
    }

    public StringProperty learningRateText() {
        return learningRate;
    }

    /** Starts a run with the fields' iterations and learning rate (the rest as the command's defaults). */
    public void train() {
        if (running) {
            return;
        }
        WakeSleepSettings s;
        try {
            WakeSleepSettings d = WakeSleepSettings.mnist();
            int n = NumberInput.wholeNumber(iterations.get(), "iterations", 1, 1_000_000);
            double rate = NumberInput.positive(learningRate.get(), "learning rate");
            s = new WakeSleepSettings(d.hidden(), rate, d.batch(), n, Math.max(1, Math.min(d.measureEvery(),
                    n / 20)), d.seed());
        } catch (LabException | IllegalArgumentException e) {
            message = e.getMessage();
            return;
        }
        running = true;
        progress = 0;
        latest.set(null);
        message = "starting: " + s;
        task = runner.submit(BackgroundTask.of("wake-sleep on MNIST",
                        m -> trainers.apply(s).run(m, latest::set))
                .onProgress((f, text) -> {
                    progress = f;
                    message = text;
                })
                .onSuccess(st -> {
                    running = false;
                    progress = 1;
                    WakeSleepStatus.Point first = st.curve().get(0);
                    message = String.format(Locale.ROOT, "done: held-out bound %.1f -> %.1f nats per image,"
                            + " %,d iterations in %.0f s", first.bound(), st.last().bound(), st.iteration(),
                            st.seconds());
                })
                .onFailure(text -> {
                    running = false;
                    message = "wake-sleep failed: " + text;
                })
                .onCancelled(() -> {
                    running = false;
                    message = "stopped; the pictures show the last measurement";
                }));
    }

    /** Asks a run to stop. */
    public void stop() {
        task.cancel();
    }

    public boolean running() {
        return running;
    }

    /** One line: the run's progress, its result, or what went wrong. */
    public String message() {
        return message;
    }

    public double progress() {
        return progress;
    }

    /** The newest status of the run, or null before its first measurement. */
    public WakeSleepStatus latest() {
        return latest.get();
    }

    public boolean effectOn() {
        return effectOn;
    }

    /** Clamps "house jumps" on or off. */
    public void setEffectOn(boolean on) {
        effectOn = on;
    }

    public ExplainingAway explainingAway() {
        return explaining;
    }

    public ExplainingAway.Posterior posterior() {
        return explaining.posterior(effectOn);
    }

    /** A row of the table: the causes' states, the exact posterior and q, as a person reads them. */
    public record Row(boolean earthquake, boolean truck, double exact, double factorised) {

        public String exactText() {
            return WakeSleepFiles.probability(exact);
        }

        public String factorisedText() {
            return WakeSleepFiles.probability(factorised);
        }
    }

    /** The four joint states of the causes for the clamped effect. */
    public List<Row> rows() {
        ExplainingAway.Posterior p = posterior();
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            rows.add(new Row((c & 1) == 1, (c & 2) == 2, p.exact()[c], p.factorised()[c]));
        }
        return rows;
    }

    /** What to look for, for the clamped effect. */
    public String lesson() {
        ExplainingAway.Posterior p = posterior();
        if (!effectOn) {
            return "The house is still: both causes stay off, as a priori, and q matches the exact posterior."
                    + " Clamp the house on.";
        }
        return String.format(Locale.ROOT, "The house jumps: the exact posterior puts %.2f%% on exactly one cause"
                        + " (one explains the other away; correlation %+.2f), while the recognition net's"
                        + " factorised q can only spread the same marginals, giving 'both' and 'neither' %.0f%%"
                        + " each.", 100 * (p.exact()[1] + p.exact()[2]), p.correlation(),
                100 * p.factorised()[3]);
    }
}
