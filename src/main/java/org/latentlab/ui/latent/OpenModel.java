package org.latentlab.ui.latent;

import org.latentlab.experiment.StudioModels.Studio;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.DecodeService;
import org.latentlab.latent.LatentModel;
import org.latentlab.train.NativeMemory;

/**
 * One opened model and the threads that may touch it: its {@link DecodeService} (the only thread using the
 * studio's copy: slider decodes "latest wins", maps, strips and encodings queued behind them) and a second private
 * copy for inversions, made on first use and used only on the inversion runner's worker, so the sliders stay
 * live while a search runs.
 */
final class OpenModel {

    final Studio studio;
    final LatentModel model;
    final DecodeService decodes;
    private LatentModel inversionModel;

    OpenModel(Studio studio, LatentModel model) {
        this.studio = studio;
        this.model = model;
        this.decodes = new DecodeService(model, "latentlab-studio-decode");
    }

    /** The inversion's own copy of the model, with the studio's prior; call on the inversion runner only. */
    synchronized LatentModel inversionModel(CodePrior prior) {
        if (inversionModel == null) {
            inversionModel = studio.models().get();
            inversionModel.setPrior(prior);
        }
        return inversionModel;
    }

    /** Stops the decode thread; the networks' native memory goes back once the screen lets go of this model. */
    void close() {
        decodes.close();
        NativeMemory.releaseSoon();
    }
}
