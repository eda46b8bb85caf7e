package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.model.LayerSpec;
import org.latentlab.train.GanSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A kept run's label names the remedies its experiment switches on, read from the experiment itself: each preset
 * built with one remedy is labelled with that remedy and its value, the plain GAN with none, and a run with several
 * lists them all.
 */
class GanRemediesTest {

    @Test
    void eachRemedyPresetIsLabelledWithItsRemedyAndValue() {
        GanExperiment pac = Presets.loadGan("ring8-pacgan");
        assertEquals(List.of("pack m=" + pac.training().packing()), GanRemedies.of(pac));
        GanExperiment r1 = Presets.loadGan("ring8-r1");
        assertEquals(List.of("R1 γ=" + GanRemedies.number(r1.training().r1Gamma())), GanRemedies.of(r1));
        GanExperiment unrolled = Presets.loadGan("ring8-unrolled");
        assertEquals(List.of("unrolled k=" + unrolled.training().unrollSteps()), GanRemedies.of(unrolled));
        assertEquals(List.of("unrolled k=5 exact"), GanRemedies.of(Presets.loadGan("ring8-unrolled-exact")));
        GanExperiment fgan = Presets.loadGan("ring8-fgan-reverse-kl");
        assertEquals(List.of("f-GAN reverse KL"), GanRemedies.of(fgan));
        GanExperiment minibatch = Presets.loadGan("ring8-minibatch");
        LayerSpec.MinibatchDiscrimination layer = minibatch.discriminator().layers().stream()
                .filter(l -> l instanceof LayerSpec.MinibatchDiscrimination)
                .map(l -> (LayerSpec.MinibatchDiscrimination) l).findFirst().orElseThrow();
        assertEquals(List.of("minibatch discr. " + layer.kernels() + "×" + layer.dims() + " in D"),
                GanRemedies.of(minibatch));
        assertEquals("ring8-r1 · seed " + r1.seed() + " · R1 γ=1", GanRemedies.label(r1));
        assertEquals(List.of("spectral norm in D"), GanRemedies.of(Presets.loadGan("ring8-sn")));
    }

    @Test
    void thePlainGanHasNoneAndSeveralAreListedInOrder() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        assertEquals(List.of(), GanRemedies.of(plain));
        assertEquals("ring8-nsgan · seed 7 · no remedy", GanRemedies.label(plain.withSeed(7)));
        GanSettings t = plain.training().withHistoricalAveraging(0.01).withR1(10).withUnrolling(3)
                .withFeatureMatching(plain.discriminator().layers().get(0).name());
        GanExperiment several = plain.withTraining(t);
        assertEquals(List.of("R1 γ=10", "unrolled k=3", "feature matching on " + t.featureMatching(),
                "hist. avg λ=0.01"), GanRemedies.of(several));
    }

    @Test
    void theSettingsInForceNameTheRemediesSwitchedDuringARun() {
        GanExperiment plain = Presets.loadGan("ring8-nsgan");
        GanSettings switched = plain.training().withR1(0.5);
        assertEquals("ring8-nsgan · seed 1 · R1 γ=0.5", GanRemedies.label(plain, switched));
        GanExperiment r1 = Presets.loadGan("ring8-r1");
        assertEquals("ring8-r1 · seed 1 · no remedy", GanRemedies.label(r1, r1.training().withR1(0)),
                "R1 switched off during the run");
    }

    @Test
    void settingsAreWrittenAsAPersonWritesThem() {
        assertEquals("1", GanRemedies.number(1.0));
        assertEquals("0.01", GanRemedies.number(0.01));
        assertEquals("0.0001", GanRemedies.number(1e-4));
        assertEquals("0.3333", GanRemedies.number(1 / 3.0));
        assertEquals("250", GanRemedies.number(250));
    }
}
