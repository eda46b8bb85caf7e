package org.latentlab.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.core.LabException;
import org.latentlab.data.DataSource;
import org.latentlab.data.ImageScale;
import org.latentlab.latent.CodePrior;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentModel;
import org.latentlab.latent.LatentModels;
import org.latentlab.latent.ModelKind;
import org.latentlab.latent.OutputTransform;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the studio opens from a run folder, what it refuses and why, and the display conversion it shares. */
class StudioModelsTest {

    @TempDir
    Path dir;

    @Test
    void aSavedVaeRunOpensAsItsDecoderWithTheSigmoidAndTheHeldOutSplit() throws IOException {
        ReconstructionExperiment spec = Presets.loadReconstruction("mnist-vae-2d");
        Path run = Files.createDirectories(dir.resolve("vae2d"));
        Files.writeString(run.resolve("spec.json"), Presets.text("mnist-vae-2d"));
        DataSource data = ExperimentData.open(spec.dataset(), Path.of("."), ImageScale.ZERO_TO_ONE);
        ExperimentData.Split split = ExperimentData.split(data, spec.heldOut(), spec.seed());
        AutoencoderTrainer trainer = (AutoencoderTrainer) ExperimentRunner.buildTrainer(spec, split.train(),
                DataType.FLOAT);
        for (int i = 0; i < 3; i++) {
            trainer.iterate();
        }
        Checkpoint.save(run, trainer);
        LatentModel reference = LatentModels.fromTrainer(trainer, ImageScale.ZERO_TO_ONE);

        StudioModels.Studio studio = StudioModels.open(run);
        LatentModel model = studio.models().get();
        assertEquals(ModelKind.VAE_DECODER, model.kind());
        assertEquals(2, model.codeSize());
        assertEquals(ImageShape.image(1, 28, 28), model.shape());
        assertEquals(OutputTransform.SIGMOID, model.transform(), "a cross-entropy decoder outputs logits");
        assertEquals(ImageScale.ZERO_TO_ONE, model.scale());
        assertTrue(model.hasEncoder());
        assertTrue(studio.heldOut());
        assertEquals(spec.heldOut(), studio.examples().size(), "the examples are the held-out split");
        assertEquals(split.heldOut().example(7)[300], studio.examples().example(7)[300], 0f);
        assertNotNull(studio.training(), "the training part is there for the memorisation check");
        double[][] z = CodePrior.standardNormal(2).sample(3, new Random(4));
        float[][] expected = reference.decode(z);
        float[][] got = model.decode(z);
        for (int i = 0; i < z.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-6f, "the checkpoint's decoder decodes as the trainer's");
        }
        assertNotSame(model, studio.models().get(), "each call gives a model of its own (for another thread)");

        StudioModels.Studio fromCheckpoint = StudioModels.open(run.resolve("checkpoints").resolve("iter-00000003"));
        assertTrue(fromCheckpoint.name().contains("iteration 3"), fromCheckpoint.name());
    }

    @Test
    void rbmRunsAreRefusedWithAMessage() throws IOException {
        Path run = Files.createDirectories(dir.resolve("rbm"));
        Files.writeString(run.resolve("spec.json"), Presets.text("mnist-rbm"));
        Path cp = Files.createDirectories(run.resolve("checkpoints").resolve("iter-10"));
        Files.writeString(cp.resolve("state.json"), "{\"iteration\": 10}");
        LabException e = assertThrows(LabException.class, () -> StudioModels.open(run));
        assertTrue(e.getMessage().contains("RBM run"), e.getMessage());
    }

    @Test
    void runsOnToyPointsAreRefusedBecauseTheStudioNeedsImages() throws IOException {
        Path run = Files.createDirectories(dir.resolve("ring"));
        Files.writeString(run.resolve("spec.json"), Presets.text("ring8-ae-2d"));
        Path cp = Files.createDirectories(run.resolve("checkpoints").resolve("iter-10"));
        Files.writeString(cp.resolve("state.json"), "{\"iteration\": 10}");
        Files.writeString(cp.resolve("encoder.zip"), "");
        Files.writeString(cp.resolve("decoder.zip"), "");
        LabException e = assertThrows(LabException.class, () -> StudioModels.open(run));
        assertTrue(e.getMessage().contains("needs image data"), e.getMessage());
    }

    @Test
    void aFolderThatIsNoRunSaysSo() {
        LabException e = assertThrows(LabException.class, () -> StudioModels.open(dir));
        assertTrue(e.getMessage().contains("neither a run folder"), e.getMessage());
    }

    @Test
    void theOutputTransformFollowsTheReconstructionLoss() {
        assertEquals(OutputTransform.SIGMOID, StudioModels.transformOf(Presets.loadReconstruction("mnist-vae").training()));
        assertEquals(OutputTransform.IDENTITY, StudioModels.transformOf(Presets.loadReconstruction("ring8-ae-2d")
                .training()));
    }

    @Test
    void displayValuesBecomeOpaqueGreyOrRgbPixelsClamped() {
        ImageShape grey = ImageShape.image(1, 1, 4);
        int[] g = StudioModels.argb(new float[] {0f, 0.5f, 1f, 7f}, grey, new int[4]);
        assertArrayEquals(new int[] {0xFF000000, 0xFF808080, 0xFFFFFFFF, 0xFFFFFFFF}, g);
        ImageShape rgb = ImageShape.image(3, 1, 2);
        int[] c = StudioModels.argb(new float[] {1f, 0f, 0f, 1f, Float.NaN, -2f}, rgb, new int[2]);
        assertArrayEquals(new int[] {0xFFFF0000, 0xFF00FF00}, c, "planar channels: R plane, G plane, B plane");
        assertThrows(IllegalArgumentException.class, () -> StudioModels.argb(new float[4], grey, new int[3]));
    }
}
