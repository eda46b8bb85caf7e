package org.latentlab.experiment.aae;

import org.latentlab.core.LabException;
import org.latentlab.core.Monitor;
import org.latentlab.data.ExampleSet;
import org.latentlab.experiment.AaeExperiment;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.experiment.Family;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.metrics.TwoSampleTest;
import org.latentlab.train.Trainer;
import org.latentlab.train.aae.AaePrior;
import org.latentlab.train.aae.AaeTrainer;
import org.latentlab.train.ae.AutoencoderTrainer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An adversarial autoencoder and a VAE with 2-D codes trained on the same images, and their codes of the same
 * held-out images set beside draws of their priors (Makhzani et al. 2016, figure 2: the AAE's code fills its prior,
 * the VAE's leaves gaps and piles up). Each code is compared with as many prior draws by the kernel two-sample test
 * ({@link TwoSampleTest}: MMD², Gaussian kernel as wide as the median distance between the prior draws, threshold
 * from permutations). The VAE's code is shown and tested twice: the means μ(x) (what its bench scatters) and one
 * draw z ~ q(z|x) per image (its aggregated posterior, which the KL term pulls towards the prior).
 */
public final class CodeComparison {

    /**
     * One model's codes and their test.
     *
     * @param model  "AAE (gaussian prior)", "VAE, means μ(x)", ...
     * @param codes  n × 2, row-major
     * @param prior  the n prior draws it is compared with
     * @param test   the two-sample test of codes against prior
     */
    public record Codes(String model, double[] codes, double[] prior, TwoSampleTest.Result test) {
    }

    /**
     * What {@link #run} made.
     *
     * @param aae         the adversarial autoencoder's preset
     * @param vae         the VAE's preset
     * @param iterations  training iterations of each
     * @param rows        the AAE's codes, the VAE's means, the VAE's sampled codes
     * @param labels      the held-out images' labels
     * @param permutations permutations of each test
     * @param seconds     wall time of training and testing
     */
    public record Result(String aae, String vae, long iterations, List<Codes> rows, int[] labels, int permutations,
                         double seconds) {
    }

    private CodeComparison() {
    }

    /**
     * Trains {@code aae} and {@code vae} (both with 2-D codes, on the same data) for {@code iterations} each, then
     * encodes the first {@code n} held-out images of the AAE's split and tests each code against its prior.
     */
    public static Result run(AaeExperiment aae, ReconstructionExperiment vae, long iterations, int n,
                             int permutations, double level, Path baseDir, Monitor monitor) {
        if (vae.family() != Family.VAE || vae.codeDim() != 2 || aae.codeDim() != 2) {
            throw new LabException("the code comparison needs an adversarial autoencoder and a VAE with 2-D codes;"
                    + " " + vae.name() + " is a" + (vae.family() == Family.VAE ? " VAE with a " + vae.codeDim()
                    + "-D code" : "n " + vae.family().id()));
        }
        if (!aae.dataset().equals(vae.dataset())) {
            throw new LabException("the code comparison trains both models on one data set; " + aae.name()
                    + " trains on " + aae.dataset() + " and " + vae.name() + " on " + vae.dataset());
        }
        long start = System.nanoTime();
        AaeExperiment a = aae.withIterations(iterations);
        ExperimentData.Split split = ExperimentData.split(ExperimentData.open(a, baseDir), a.heldOut(), a.seed());
        AaeTrainer at = (AaeTrainer) ExperimentRunner.buildTrainer(a, split.train());
        train(at, iterations, "AAE " + aae.name(), monitor);
        ExperimentData.Split vsplit = ExperimentData.split(ExperimentData.open(vae, baseDir), vae.heldOut(),
                vae.seed());
        AutoencoderTrainer vt = (AutoencoderTrainer) ExperimentRunner.buildTrainer(vae.withIterations(iterations),
                vsplit.train(), DataType.FLOAT);
        train(vt, iterations, "VAE " + vae.name(), monitor);

        ExampleSet held = split.heldOut();
        int m = Math.min(n, held.size());
        int d = held.dimension();
        double[] x = new double[m * d];
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            float[] e = held.example(i);
            for (int j = 0; j < d; j++) {
                x[i * d + j] = e[j];
            }
            labels[i] = held.hasLabels() ? held.label(i) : -1;
        }
        List<Codes> rows = new ArrayList<>();
        AaePrior aaePrior = a.aae().prior();
        double[] aPrior = new double[m * 2];
        boolean byLabel = a.aae().supervised() && labels.length > 0 && labels[0] >= 0;
        aaePrior.sample(m, 2, byLabel ? labels : null, new Random(a.seed() + 101), aPrior);
        rows.add(test("AAE (" + aaePrior.describe() + " prior" + (byLabel ? ", label-conditioned" : "") + ")",
                at.encode(x, m), aPrior, permutations, level, a.seed()));

        double[] out = vt.encoderOutput(Nd4j.create(x, new long[] {m, d}, DataType.FLOAT));
        double[] mu = new double[m * 2];
        double[] z = new double[m * 2];
        Random r = new Random(vae.seed() + 103);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 2; j++) {
                double mean = out[i * 4 + j];
                double logVar = out[i * 4 + 2 + j];
                mu[i * 2 + j] = mean;
                z[i * 2 + j] = mean + Math.exp(0.5 * logVar) * r.nextGaussian();
            }
        }
        double[] vPrior = new double[m * 2];
        AaePrior.GAUSSIAN.sample(m, 2, null, new Random(vae.seed() + 101), vPrior);
        rows.add(test("VAE, means μ(x) (standard Gaussian prior)", mu, vPrior, permutations, level, vae.seed()));
        rows.add(test("VAE, one z ~ q(z|x) per image (standard Gaussian prior)", z, vPrior, permutations, level,
                vae.seed()));
        return new Result(aae.name(), vae.name(), iterations, List.copyOf(rows), labels, permutations,
                (System.nanoTime() - start) / 1e9);
    }

    private static Codes test(String model, double[] codes, double[] prior, int permutations, double level,
                              long seed) {
        double width = TwoSampleTest.medianDistance(prior, 2);
        return new Codes(model, codes, prior, TwoSampleTest.test(codes, prior, 2, width, permutations, level,
                seed + 107));
    }

    private static void train(Trainer t, long iterations, String what, Monitor monitor) {
        for (long i = 0; i < iterations; i++) {
            monitor.checkCancelled();
            t.iterate();
            if ((i + 1) % 100 == 0 || i + 1 == iterations) {
                monitor.progress((i + 1.0) / iterations, what + ": iteration " + (i + 1) + " of " + iterations);
            }
        }
    }
}
