package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.DomainTransform;
import org.latentlab.data.ImageScale;
import org.latentlab.data.UnpairedDomains;
import org.latentlab.train.classifier.Classifier;
import org.latentlab.train.cyclegan.CycleGanTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Whether a CycleGAN between digits and changed digits (inverted, turned) keeps the digit: the lab's classifier of the
 * data set reads each held-out a of A and G(a) with the change of B undone, and counts how often it names the same
 * digit; the same for b of B (the change undone) and F(b). Its accuracy on the held-out a themselves (their labels)
 * is the reference. The held-out examples are those the run's pictures show, never trained on.
 *
 * @param run        the run folder's name
 * @param iteration  the checkpoint's iteration
 * @param examples   held-out examples of each domain read
 * @param accuracyA  the classifier's accuracy on the held-out a (against their labels)
 * @param sameG      the fraction of a whose G(a), un-changed, is named the digit a is named
 * @param sameF      the fraction of b whose F(b) is named the digit b un-changed is named
 * @param cycleSame  the fraction of a whose cycle F(G(a)) is named the digit a is named
 * @param seconds    wall time of the measurement
 */
public record CycleGanDigits(String run, long iteration, int examples, double accuracyA, double sameG, double sameF,
                             double cycleSame, double seconds) {

    /** Reads the run's checkpoint ({@code checkpoint} folder, or null: the newest intact one) with the classifier. */
    public static CycleGanDigits measure(Path runDir, Path checkpoint, Path classifierFolder, Monitor monitor,
                                         Consumer<String> notes) {
        long start = System.nanoTime();
        Experiment<?> e = ExperimentFiles.read(runDir.resolve("spec.json"));
        if (!(e instanceof CycleGanExperiment spec)) {
            throw new LabException(runDir.getFileName() + " is not a CycleGAN run (its spec.json is a "
                    + e.family().label() + " experiment)");
        }
        DatasetSpec a = spec.domainA().dataset();
        DatasetSpec b = spec.domainB().dataset();
        if (!a.equals(b) || a.kind() != DatasetSpec.Kind.IMAGES || a.path() != null) {
            throw new LabException(runDir.getFileName() + " translates " + spec.domainA() + " to " + spec.domainB()
                    + ": the digits are read in runs between a bundled image set and a change of it (e.g. the preset"
                    + " mnist-inverted-cyclegan)");
        }
        Path base = RunStore.dataBaseDir(runDir);
        UnpairedDomains domains = (UnpairedDomains) CycleGanRecipe.INSTANCE.data(spec, base == null ? runDir : base)
                .train();
        CycleGanTrainer trainer = (CycleGanTrainer) CycleGanRecipe.INSTANCE.buildTrainer(spec, domains,
                DataType.FLOAT);
        Path at = checkpoint != null ? checkpoint : Checkpoints.newestIntact(runDir);
        if (at == null) {
            throw new LabException(runDir + ": no intact checkpoint to read");
        }
        CycleGanCheckpoint.restore(at, trainer);
        Classifier c = (classifierFolder != null ? ClassifierFiles.load(classifierFolder)
                : ClassifierModels.forDataset(a.name(), monitor, notes)).classifier();
        int[] shape = domains.shape();
        float[][] heldA = domains.heldOutA();
        float[][] heldB = domains.heldOutB();
        int n = heldA.length;
        float[] xa = CycleGanViews.flat(heldA, n);
        float[] xb = CycleGanViews.flat(heldB, heldB.length);
        float[] gA = CycleGanViews.apply(trainer.generator(), xa, n);
        float[] fgA = CycleGanViews.apply(trainer.inverse(), gA, n);
        float[] fB = CycleGanViews.apply(trainer.inverse(), xb, heldB.length);
        DomainTransform toB = spec.domainB().transform();
        DomainTransform toA = spec.domainA().transform();
        int[] onA = predict(c, undo(xa, toA, shape), shape);
        int[] onGA = predict(c, undo(gA, toB, shape), shape);
        int[] onFGA = predict(c, undo(fgA, toA, shape), shape);
        int[] onB = predict(c, undo(xb, toB, shape), shape);
        int[] onFB = predict(c, undo(fB, toA, shape), shape);
        int[] labels = domains.labelsA();
        int right = 0;
        int sameG = 0;
        int cycle = 0;
        for (int k = 0; k < n; k++) {
            right += onA[k] == labels[k] ? 1 : 0;
            sameG += onGA[k] == onA[k] ? 1 : 0;
            cycle += onFGA[k] == onA[k] ? 1 : 0;
        }
        int sameF = 0;
        for (int k = 0; k < onB.length; k++) {
            sameF += onFB[k] == onB[k] ? 1 : 0;
        }
        return new CycleGanDigits(runDir.getFileName().toString(), trainer.iteration(), n, (double) right / n,
                (double) sameG / n, (double) sameF / onB.length, (double) cycle / n,
                (System.nanoTime() - start) / 1e9);
    }

    private static float[] undo(float[] flat, DomainTransform t, int[] shape) {
        int d = java.util.Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        float[] out = new float[flat.length];
        for (int k = 0; k < flat.length / d; k++) {
            float[] one = java.util.Arrays.copyOfRange(flat, k * d, (k + 1) * d);
            System.arraycopy(t.undo(one, shape), 0, out, k * d, d);
        }
        return out;
    }

    private static int[] predict(Classifier c, float[] flat, int[] shape) {
        int d = c.inputSize();
        int n = flat.length / d;
        int[] out = new int[n];
        for (int from = 0; from < n; from += Classifier.BATCH) {
            int m = Math.min(Classifier.BATCH, n - from);
            float[] part = java.util.Arrays.copyOfRange(flat, from * d, (from + m) * d);
            long[] dims = new long[shape.length + 1];
            dims[0] = m;
            for (int i = 0; i < shape.length; i++) {
                dims[i + 1] = shape[i];
            }
            int[] p = c.predict(c.inScale(Nd4j.create(part, dims, 'c'), ImageScale.MINUS_ONE_TO_ONE));
            System.arraycopy(p, 0, out, from, m);
        }
        return out;
    }

    /** One CSV row with its header. */
    public String csv() {
        return "run,iteration,examples,classifier_accuracy_a,same_digit_g,same_digit_f,same_digit_cycle,seconds\n"
                + String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%.1f%n", run, iteration, examples,
                accuracyA, sameG, sameF, cycleSame, seconds);
    }

    /** A Markdown table saying the same. */
    public String markdown() {
        return String.format(Locale.ROOT, "| run | iteration | held-out a, b | classifier on a (labels) | same digit"
                        + " a → G(a) | same digit b → F(b) | same digit a → F(G(a)) |%n|---|---:|---:|---:|---:|---:|"
                        + "---:|%n| %s | %d | %d | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n", run, iteration, examples,
                100 * accuracyA, 100 * sameG, 100 * sameF, 100 * cycleSame);
    }
}
