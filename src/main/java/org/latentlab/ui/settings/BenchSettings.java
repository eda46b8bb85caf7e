package org.latentlab.ui.settings;

import org.latentlab.experiment.Experiment;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.LiveSettings;
import org.latentlab.experiment.SettingsChanges;
import org.latentlab.train.RunState;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bench's settings panel joined to its run: shows each experiment loaded (the family's fields and live-safe list
 * from {@link LiveSettings}), follows the run's state, and applies a draft before a run by loading it as the
 * experiment, while paused by {@link ExperimentRunner.Session#changeSettings} (the run's thread takes it and records
 * it in the run folder). What the run took comes back through {@link #pump()}, once per frame on the FX thread.
 */
public final class BenchSettings {

    private final SettingsPanelModel model = new SettingsPanelModel(this::apply);
    private final AtomicReference<Experiment<?>> accepted = new AtomicReference<>();
    private final Supplier<? extends ExperimentRunner.Session<?, ?>> session;
    private final Consumer<Experiment<?>> reload;

    /**
     * @param session the run on the bench, or null
     * @param reload  loads an experiment in place of the one on the bench (a change before the run)
     */
    public BenchSettings(Supplier<? extends ExperimentRunner.Session<?, ?>> session, Consumer<Experiment<?>> reload) {
        this.session = session;
        this.reload = reload;
    }

    /** Shows a newly loaded experiment. */
    public void show(Experiment<?> e) {
        accepted.set(null);
        model.show((Record) e, e.name(), LiveSettings.beforeRun(e.family()), LiveSettings.whilePaused(e.family()));
    }

    /** The run's state, and whether it has made an update. */
    public void follow(RunState state, boolean trained) {
        model.follow(state, trained);
    }

    /** The settings in force, as the run reports them (a change made elsewhere on the bench). */
    public void inForce(Experiment<?> e) {
        model.inForce((Record) e);
    }

    /** Shows what the run took since the last frame (FX thread). */
    public void pump() {
        Experiment<?> took = accepted.getAndSet(null);
        if (took != null) {
            model.inForce((Record) took);
        }
    }

    public SettingsPanelModel model() {
        return model;
    }

    private String apply(Record inForce, Record next, boolean beforeRun) {
        Experiment<?> from = (Experiment<?>) inForce;
        Experiment<?> to = (Experiment<?>) next;
        if (beforeRun) {
            reload.accept(to);
            return null;
        }
        ExperimentRunner.Session<?, ?> s = session.get();
        if (s == null) {
            return "no run on the bench";
        }
        try {
            SettingsChanges.checkLive(to.family(), SettingsChanges.diff(from, to, 0));
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        s.changeSettings(from, to, accepted::set);
        return null;
    }
}
