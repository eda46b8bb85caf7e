package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.latentlab.core.LabException;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;
import org.latentlab.train.vaegan.VaeGanSettings;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VAE-GAN experiment file: the preset reads and round-trips; each misfit is refused in one line saying which. */
class VaeGanExperimentTest {

    private static final VaeGanExperiment PRESET = Presets.loadVaeGan("mnist-vaegan");

    private static String refused(Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private static VaeGanExperiment with(NetworkSpec enc, NetworkSpec dec, NetworkSpec dis, String layer) {
        VaeGanSettings s = PRESET.vaegan();
        return new VaeGanExperiment("x", "", Family.VAEGAN, 1, PRESET.dataset(), enc, dec, dis,
                new VaeGanSettings(layer, s.gamma(), s.realWeight(), s.optimizer(), null, s.batchSize()), 10, 5, 5,
                100);
    }

    private static NetworkSpec dense(String name, int in, int out) {
        return new NetworkSpec(name, Shape.vector(in), List.of(new LayerSpec.Dense(name + "1", 8, Activation.RELU, 0),
                new LayerSpec.Dense(name + "_out", out, Activation.IDENTITY, 0)));
    }

    @Test
    void thePresetReadsAndRoundTrips() {
        assertEquals(Family.VAEGAN, PRESET.family());
        assertEquals(20, PRESET.codeDim());
        assertTrue(Presets.vaeGans().contains("mnist-vaegan"));
        assertTrue(Presets.modelBench().contains("mnist-vaegan"), "the autoencoder / VAE / RBM bench lists it");
        String json = ExperimentFiles.toJson(PRESET);
        assertEquals(PRESET, ExperimentFiles.parseVaeGan(json, "round trip"));
        assertEquals(PRESET, ExperimentFiles.parseModel(json, "round trip"));
        ReconstructionExperiment vae = PRESET.asVae();
        assertEquals(Family.VAE, vae.family());
        assertEquals(PRESET.encoder(), vae.encoder());
        assertEquals(PRESET.decoder(), vae.decoder());
        assertEquals(Presets.loadReconstruction("mnist-vae").encoder(), vae.encoder(), "the same size as mnist-vae");
    }

    @Test
    void otherToolsSayWhereAVaeGanOpens() {
        String json = ExperimentFiles.toJson(PRESET);
        LabException e = assertThrows(LabException.class, () -> ExperimentFiles.parseReconstruction(json, "f"));
        assertTrue(e.getMessage().contains("VAE-GAN experiment"), e.getMessage());
        e = assertThrows(LabException.class, () -> ExperimentFiles.parseGan(json, "f"));
        assertTrue(e.getMessage().contains("VAE-GAN experiment"), e.getMessage());
    }

    @Test
    void misfitsAreRefusedWithAMessageNamingThem() {
        NetworkSpec enc = dense("enc", 784, 6);
        NetworkSpec dec = dense("dec", 3, 784);
        NetworkSpec dis = dense("d", 784, 1);
        assertEquals("d1", with(enc, dec, dis, "d1").vaegan().featureLayer());
        assertEquals("vaegan.featureLayer: the discriminator has no layer 'd9'; its layers are d1, d_out",
                refused(() -> with(enc, dec, dis, "d9")));
        assertTrue(refused(() -> with(enc, dec, dis, "d_out")).startsWith("vaegan.featureLayer: 'd_out' is the"
                + " discriminator's output"));
        assertTrue(refused(() -> with(dense("enc", 784, 5), dec, dis, "d1")).startsWith("encoder: it outputs the"
                + " mean and log-variance of the decoder's 3 code values (6 values), not 5"));
        assertTrue(refused(() -> with(enc, dense("dec", 3, 100), dis, "d1")).startsWith("decoder: it outputs 100"));
        assertTrue(refused(() -> with(enc, dec, dense("d", 100, 1), "d1")).startsWith("discriminator: it takes 100"));
        assertTrue(refused(() -> with(enc, dec, dense("d", 784, 2), "d1")).startsWith("discriminator: it outputs 2"));
        assertTrue(refused(() -> new VaeGanSettings("d1", 0, 0.5, PRESET.vaegan().optimizer(), null, 8))
                .startsWith("vaegan.gamma"));
        assertTrue(refused(() -> new VaeGanSettings("d1", 1, 1, PRESET.vaegan().optimizer(), null, 8))
                .startsWith("vaegan.realWeight"));
    }
}
