package org.latentlab.ui.gan;

import org.junit.jupiter.api.Test;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanSettings;
import org.latentlab.train.RunState;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The remedies form: what it offers for an experiment, what it parses, what it refuses and in which words. */
class GanRemediesFormTest {

    private final GanRemediesForm form = new GanRemediesForm();

    private GanExperiment load(String preset) {
        GanExperiment s = Presets.loadGan(preset);
        form.prepare(s);
        form.show(s.training());
        return s;
    }

    private void type(String r1, String lambda, String unroll, String layer) {
        form.r1GammaProperty().set(r1);
        form.historicalAveragingProperty().set(lambda);
        form.unrollStepsProperty().set(unroll);
        form.featureLayerProperty().set(layer);
    }

    @Test
    void theFieldsShowTheRemediesInForceAndOfferDsHiddenLayers() {
        GanExperiment s = load("ring8-r1");
        assertEquals(s.training().r1Gamma(), Double.parseDouble(form.r1GammaProperty().get()));
        assertEquals("0", form.historicalAveragingProperty().get());
        assertEquals("0", form.unrollStepsProperty().get());
        assertEquals(GanRemediesForm.OFF, form.featureLayerProperty().get());
        List<String> hidden = s.discriminator().layers().subList(0, s.discriminator().layers().size() - 1).stream()
                .map(l -> l.name()).toList();
        assertEquals(GanRemediesForm.OFF, form.featureLayers().get(0));
        assertEquals(hidden, form.featureLayers().subList(1, form.featureLayers().size()), "D's score is no feature");
        assertEquals("packing m = 1 (off) · spectral norm off", form.packingProperty().get());
        assertEquals("minibatch discr. off", form.minibatchProperty().get());
    }

    @Test
    void theRemediesThatShapeDAreShownAsTheExperimentHasThem() {
        load("ring8-pacgan");
        assertEquals("packing m = " + Presets.loadGan("ring8-pacgan").training().packing() + " · spectral norm off",
                form.packingProperty().get());
        load("ring8-sn");
        assertEquals("packing m = 1 (off) · spectral norm on", form.packingProperty().get());
        load("ring8-minibatch");
        assertEquals("minibatch discr. in D: 'd_minibatch'", form.minibatchProperty().get());
    }

    @Test
    void goodInputIsParsedAndLaidOverTheSettingsInForce() {
        GanExperiment s = load("ring8-nsgan");
        type(" 2.5 ", "1e-2", " 3", "d2");
        assertNull(form.check(s, s.training()));
        assertFalse(form.invalidProperty().get());
        GanSettings applied = form.parsed().applyTo(s.training().withLearningRates(1e-3, 2e-3));
        assertEquals(2.5, applied.r1Gamma());
        assertEquals(0.01, applied.historicalAveraging());
        assertEquals(3, applied.unrollSteps());
        assertEquals("d2", applied.featureMatching());
        assertEquals(1e-3, applied.discriminatorOptimizer().learningRate(), "the rates are left as they are");
        assertEquals(s.training().packing(), applied.packing());
        type("0", "0", "0", GanRemediesForm.OFF);
        assertNull(form.check(s, applied));
        assertEquals(s.training().withLearningRates(1e-3, 2e-3), form.parsed().applyTo(applied), "all off again");
    }

    @Test
    void badInputIsRefusedInOneLineThatSaysWhatToType() {
        GanExperiment s = load("ring8-nsgan");
        type("strong", "0", "0", GanRemediesForm.OFF);
        assertEquals("R1 γ (0 = off): a number", form.check(s, s.training()));
        assertTrue(form.invalidProperty().get());
        type("-1", "0", "0", GanRemediesForm.OFF);
        assertEquals("R1 γ: a number from 0 (off) to 1e6, not -1", form.check(s, s.training()));
        type("0", "2e7", "0", GanRemediesForm.OFF);
        assertEquals("historical averaging λ: a number from 0 (off) to 1e6, not 2e7", form.check(s, s.training()));
        type("0", "0", "1.5", GanRemediesForm.OFF);
        assertEquals("unroll k (0 = off): a whole number from 0 to " + GanSettings.MAX_UNROLL,
                form.check(s, s.training()));
        type("0", "0", String.valueOf(GanSettings.MAX_UNROLL + 1), GanRemediesForm.OFF);
        assertNotNull(form.check(s, s.training()));
        type("0", "0", "0", GanRemediesForm.OFF);
        assertNull(form.check(s, s.training()));
        assertFalse(form.invalidProperty().get(), "a good Apply clears the mark");
    }

    @Test
    void r1OnADiscriminatorThatCouplesTheBatchIsRefusedNamingTheLayer() {
        GanExperiment s = load("ring8-minibatch");
        type("1", "0", "0", GanRemediesForm.OFF);
        String problem = form.check(s, s.training());
        assertNotNull(problem);
        assertTrue(problem.contains("R1") && problem.contains("d_minibatch") && !problem.contains("\n"), problem);
    }

    @Test
    void theFieldsAreEditableWhileTheRunDoesNotRun() {
        form.follow(RunState.READY);
        assertTrue(form.editableProperty().get() && form.canApplyProperty().get());
        form.follow(RunState.RUNNING);
        assertFalse(form.editableProperty().get() || form.canApplyProperty().get());
        form.follow(RunState.PAUSED);
        assertTrue(form.editableProperty().get() && form.canApplyProperty().get());
        form.follow(RunState.STARTING);
        assertTrue(form.editableProperty().get());
        assertFalse(form.canApplyProperty().get());
    }
}
