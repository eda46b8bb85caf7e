package org.latentlab.train.classifier;

import org.junit.jupiter.api.Test;
import org.latentlab.model.OptimizerSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TangentPropSettingsTest {

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void eachBadSettingIsRefusedWithWhatToFix() {
        TangentPropSettings.Source classic = TangentPropSettings.Source.CLASSIC;
        TangentPropSettings.Source ae = TangentPropSettings.Source.AUTOENCODER;
        assertTrue(refusal(() -> new TangentPropSettings(-1, classic, 2, 1)).contains("lambda must be in [0, 10000]"));
        assertTrue(refusal(() -> new TangentPropSettings(Double.NaN, classic, 2, 1)).contains("lambda"));
        assertTrue(refusal(() -> new TangentPropSettings(1, null, 2, 1)).contains("\"classic\""));
        assertTrue(refusal(() -> new TangentPropSettings(1, classic, 5, 1)).contains("must be 1..4 for the classic"));
        assertTrue(refusal(() -> new TangentPropSettings(1, ae, 0, 1)).contains("must be 1..32 for the autoencoder"));
        assertTrue(refusal(() -> new TangentPropSettings(1, classic, 2, 9)).contains("smoothing"));
        assertTrue(refusal(() -> TangentPropSettings.Source.parse("affine")).contains("known: classic, autoencoder"));
        TangentPropSettings ok = new TangentPropSettings(0.1, ae, 8, 0);
        assertTrue(refusal(() -> new ClassifierSettings(32, OptimizerSpec.adam(1e-3, 0.9), 2, ok))
                .contains("set shift to 0"));
        assertEquals(ok, new ClassifierSettings(32, OptimizerSpec.adam(1e-3, 0.9), 0, ok).tangentProp());
        // λ = 0 turns the penalty off, so shifts are allowed again
        new ClassifierSettings(32, OptimizerSpec.adam(1e-3, 0.9), 2, ok.withLambda(0));
    }
}
