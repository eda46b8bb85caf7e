package org.latentlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.analysis.game.CentralDifferenceField;
import org.latentlab.analysis.game.GameSpectrum;
import org.latentlab.analysis.game.JacobianEigenvalue;
import org.latentlab.analysis.hessian.GanObjective;
import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ToyDistribution;
import org.latentlab.train.Backend;
import org.latentlab.train.GanLoss;
import org.latentlab.train.GanTrainer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The GAN game's joint field against each player's own objective (whose gradients are checked against finite
 * differences elsewhere), and its top eigenpairs against fresh Jacobian-vector products.
 */
class GanGameJacobianTest {

    private static GanTrainer trainer;

    @BeforeAll
    static void train() {
        Backend.init();
        GanExperiment spec = Presets.loadGan("ring8-nsgan");
        trainer = ExperimentRunner.buildTrainer(spec, ToyDistribution.named("ring8"), DataType.FLOAT);
        for (int i = 0; i < 30; i++) {
            trainer.iterate();
        }
    }

    @Test
    void theFieldIsEachPlayersGradientOfItsOwnLoss() {
        GanGameJacobian.Point p = GanGameJacobian.capture(trainer, 7);
        double[] theta = GanGameJacobian.theta(p);
        double[] v = GanGameJacobian.field(p).field(theta);
        // D's objective on the same batches, G fixed; G's, D fixed: made after the field so they see θ as copied
        double[] d = GanObjective.discriminator(p.copy(), p.real(), p.z()).gradient(
                GanObjective.discriminator(p.copy(), p.real(), p.z()).initialPoint());
        double[] g = GanObjective.generator(p.copy(), p.z()).gradient(
                GanObjective.generator(p.copy(), p.z()).initialPoint());
        assertEquals(d.length + g.length, v.length);
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i], v[i], 1e-12 + 1e-9 * Math.abs(d[i]), "∂L_D/∂θ_D[" + i + "]");
        }
        for (int i = 0; i < g.length; i++) {
            assertEquals(g[i], v[d.length + i], 1e-12 + 1e-9 * Math.abs(g[i]), "∂L_G/∂θ_G[" + i + "]");
        }
        assertEquals(30, p.iteration());
    }

    @Test
    void topEigenpairsSatisfyJuEqualsLambdaU() {
        GanGameJacobian.Point p = GanGameJacobian.capture(trainer, 7);
        double[] reported = {0};
        GameSpectrum s = GanGameJacobian.spectrum(p, new Monitor() {
            @Override
            public void progress(double fraction, String message) {
                reported[0] = fraction;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertFalse(s.eigenvalues().isEmpty());
        assertTrue(reported[0] > 0, "progress reported");
        JacobianEigenvalue top = s.eigenvalues().get(0);
        CentralDifferenceField j = new CentralDifferenceField(GanGameJacobian.field(p), GanGameJacobian.theta(p),
                GanGameJacobian.STEP);
        // J(ur + i·ui) = λ(ur + i·ui): real part J·ur = re·ur − im·ui
        double[] ur = top.vectorRe();
        double[] ui = top.vectorIm();
        double[] jur = j.jacobianVector(ur);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < ur.length; i++) {
            double want = top.re() * ur[i] - top.im() * ui[i];
            err += (jur[i] - want) * (jur[i] - want);
            scale += want * want;
        }
        double modulus = top.modulus();
        assertTrue(Math.sqrt(err) <= 1e-3 * modulus + 2 * top.residual(), "‖J·ur − Re(λu)‖ = " + Math.sqrt(err)
                + " for |λ| = " + modulus + ", residual " + top.residual() + ", ‖Re(λu)‖ " + Math.sqrt(scale));
        for (JacobianEigenvalue e : s.eigenvalues()) {
            assertTrue(Double.isFinite(e.re()) && Double.isFinite(e.im()), e.toString());
        }
    }

    @Test
    void cancellingStopsTheProducts() {
        GanGameJacobian.Point p = GanGameJacobian.capture(trainer, 7);
        Monitor cancelled = new Monitor() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(Monitor.Cancelled.class, () -> GanGameJacobian.spectrum(p, cancelled));
    }

    @Test
    void spectralNormalisationIsRefusedWithAMessage() {
        GanTrainer sn = ExperimentRunner.buildTrainer(Presets.loadGan("ring8-sn"), ToyDistribution.named("ring8"),
                DataType.FLOAT);
        LabException e = assertThrows(LabException.class, () -> GanGameJacobian.capture(sn, 1));
        assertTrue(e.getMessage().contains("spectral normalisation"), e.getMessage());
    }

    @Test
    void aRandomLossIsRefusedWithAMessage() {
        GanExperiment spec = Presets.loadGan("ring8-wgangp");
        GanTrainer gp = ExperimentRunner.buildTrainer(spec, ToyDistribution.named("ring8"), DataType.FLOAT);
        assertEquals(GanLoss.WGAN_GP, gp.settings().loss());
        LabException e = assertThrows(LabException.class, () -> GanGameJacobian.capture(gp, 1));
        assertTrue(e.getMessage().contains("WGAN-GP"), e.getMessage());
    }
}
