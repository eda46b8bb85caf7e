package org.latentlab.ui.gan;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.train.BiganView;
import org.latentlab.train.GanStatus;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A BiGAN's encoder view on the GAN bench (Donahue et al. 2017): the newest reconstructions and code scatter a
 * status carried, kept on the training thread and drawn once per frame on the FX thread, as the bench's other views.
 * Other GANs never carry one, and the property stays null.
 */
final class BiganEncoderFeed {

    private final AtomicReference<BiganView> latest = new AtomicReference<>();
    private final ObjectProperty<BiganView> shown = new SimpleObjectProperty<>();

    /** Keeps the status's encoder view, if it has one (training thread). */
    void offer(GanStatus s) {
        if (s.bigan() != null) {
            latest.set(s.bigan());
        }
    }

    /** Shows the newest view kept since the last frame (FX thread). */
    void pump() {
        BiganView v = latest.getAndSet(null);
        if (v != null) {
            shown.set(v);
        }
    }

    /** Forgets the view shown and any on its way (another experiment on the bench). */
    void clear() {
        latest.set(null);
        shown.set(null);
    }

    ReadOnlyObjectProperty<BiganView> property() {
        return shown;
    }
}
