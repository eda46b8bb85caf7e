package org.latentlab.ui.gan;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.train.GanSettings;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;
import org.latentlab.ui.settings.BenchSettings;

/**
 * The GAN bench's settings as the run has them: the description of the experiment with the settings in force (which
 * a status changes when rates, k or remedies were applied), and the rates and remedies forms refilled from the run
 * while it does not run. A status refills the forms only when the run's settings differ from those last written into
 * them, so a value typed or set by a lesson is not overwritten by a status sent before it was applied. FX thread.
 */
final class GanSettingsInForce {

    private final GanSettingsForm rates;
    private final GanRemediesForm remedies;
    private final BenchSettings panel;
    /** The experiment as it runs now: its spec with the settings last applied (learning rates, k). */
    private final StringProperty description = new SimpleStringProperty("");
    private GanSettings described;
    /** The settings last written into the rates and remedies forms. */
    private GanSettings shown;

    GanSettingsInForce(GanSettingsForm rates, GanRemediesForm remedies, BenchSettings panel) {
        this.rates = rates;
        this.remedies = remedies;
        this.panel = panel;
    }

    /** A new experiment on the bench: its own settings are in force and in the forms. */
    void prepare(GanExperiment s) {
        described = s.training();
        description.set(GanBenchText.describe(s, s.training()));
        rates.show(s.training());
        shown = s.training();
        remedies.prepare(s);
        remedies.show(s.training());
        panel.show(s);
    }

    /** Follows the settings a status of {@code spec}'s run reports. */
    void follow(GanStatus last, GanExperiment spec) {
        if (last.settings() != null && !last.settings().equals(described) && spec != null) {
            described = last.settings();
            description.set(GanBenchText.describe(spec, last.settings()));
        }
        if (last.settings() != null && last.state() != RunState.RUNNING && !last.settings().equals(shown)) {
            shown = last.settings();
            rates.show(last.settings());
            remedies.show(last.settings());
            panel.inForce(spec == null ? null : spec.withTraining(last.settings()));
        }
    }

    /** The settings in force, or null before an experiment is on the bench. */
    GanSettings current() {
        return described;
    }

    ReadOnlyStringProperty description() {
        return description;
    }
}
