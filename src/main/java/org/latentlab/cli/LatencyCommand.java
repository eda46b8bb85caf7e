package org.latentlab.cli;

import org.latentlab.experiment.Family;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.StudioModels;
import org.latentlab.latent.DecodeService;
import org.latentlab.core.Monitor;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.Inversion;
import org.latentlab.latent.InversionSettings;
import org.latentlab.latent.LatentModel;
import org.latentlab.model.NetworkCompiler;
import org.latentlab.train.Backend;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How long the latent studio takes from a slider move to a picture: for each model, simulated slider moves paced
 * like a drag at 60 Hz, each timed from the submit to the {@link DecodeService} until the decoded values are display
 * pixels (σ / range mapping and the float → ARGB conversion the screen does on the decode worker). Median and worst
 * against one frame at 60 Hz (16.7 ms). Then an inversion of a decoded picture on the same worker, timed step by
 * step (one inference-mode forward pass, one backward pass to the code, one Adam update). Untrained networks of
 * the presets decode and invert exactly as fast as trained ones. {@code --path dl4j} runs both on DL4J's layer
 * objects instead of the lab's engine, for comparing the two.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = "Slider-to-picture latency of the latent studio: median and worst ms per decode of the MNIST"
                + " MLP generator, the VAE decoder and the DCGAN generator (target: under 16 ms), and ms per"
                + " inversion step.")
final class LatencyCommand implements Runnable {

    private static final double FRAME_MS = 1000.0 / 60;

    /** Where the studio's networks run. */
    enum Where { engine, dl4j }

    @Option(names = "--models", split = ",", defaultValue = "mnist-mlp-gan,mnist-vae,fashion-dcgan",
            description = "GAN presets (their G), autoencoder / VAE presets (their decoder) or run folders"
                    + " (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--moves", defaultValue = "200", description = "measured slider moves per model")
    int moves;

    @Option(names = "--warmup", defaultValue = "30", description = "moves before measuring (JIT, native caches)")
    int warmup;

    @Option(names = "--interval-ms", defaultValue = "16.7",
            description = "time between moves, as a drag at 60 Hz; 0 for back to back")
    double intervalMs;

    @Option(names = "--inversion-steps", defaultValue = "100",
            description = "measured inversion steps per model, after as many unmeasured ones; 0 for none")
    int inversionSteps;

    @Option(names = "--path", defaultValue = "engine",
            description = "engine: decode and invert on the lab's engine where it compiles the decoder; dl4j: on"
                    + " DL4J's layer objects (default: ${DEFAULT-VALUE})")
    Where path;

    @Override
    public void run() {
        OptionChecks.within("--moves", moves, 1, 100_000, "measured slider moves per model");
        OptionChecks.within("--inversion-steps", inversionSteps, 0, 100_000, "measured inversion steps per model");
        OptionChecks.within("--warmup", warmup, 0, 100_000, "moves before measuring");
        OptionChecks.within("--interval-ms", intervalMs, 0, false, 10_000);
        Backend.init();
        System.out.printf(Locale.ROOT, "%-16s %-26s %-6s %6s %9s %9s %9s %9s %9s %9s  %s%n", "model", "decoder",
                "path", "moves", "median", "p90", "worst", "decode", "convert", "invert", "(ms from submit to"
                        + " display pixels; decode and convert are medians of the parts; invert: median ms per"
                        + " inversion step)");
        for (String name : models) {
            LatentModel model = model(name);
            model.useEngine(path == Where.engine);
            measure(name, model);
        }
    }

    private static LatentModel model(String name) {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            return StudioModels.open(path).models().get();
        }
        ImageShape shape = ImageShape.image(1, 28, 28);
        if (Presets.reconstructs(name)) {
            ReconstructionExperiment spec = Presets.loadReconstruction(name);
            MultiLayerNetwork enc = NetworkCompiler.compile(spec.encoder(), spec.training().optimizer(), spec.seed(),
                    DataType.FLOAT);
            MultiLayerNetwork dec = NetworkCompiler.compile(spec.decoder(), spec.training().optimizer(),
                    spec.seed() + 1, DataType.FLOAT);
            shape = ImageShape.of(spec.encoder().input().size() == 784 ? new int[] {1, 28, 28}
                    : new int[] {spec.encoder().input().size()});
            return spec.family() == Family.VAE
                    ? LatentModel.vae(enc, dec, StudioModels.transformOf(spec.training()), shape,
                    ImageScale.ZERO_TO_ONE)
                    : LatentModel.autoencoder(enc, dec, StudioModels.transformOf(spec.training()), shape,
                    ImageScale.ZERO_TO_ONE);
        }
        GanExperiment spec = Presets.loadGan(name);
        MultiLayerNetwork g = NetworkCompiler.compile(spec.generator(), spec.training().generatorOptimizer(),
                spec.seed(), DataType.FLOAT);
        int size = spec.generator().output().size();
        if (size != 784) {
            throw new org.latentlab.core.LabException(name + ": its generator makes " + size + " values, not a"
                    + " 28x28 image; the studio measures image decoders");
        }
        return LatentModel.generator(g, spec.latentDim(), shape, ImageScale.MINUS_ONE_TO_ONE);
    }

    private void measure(String name, LatentModel model) {
        int k = model.codeSize();
        double[] code = new double[k];
        double[] total = new double[moves];
        double[] decode = new double[moves];
        double[] convert = new double[moves];
        try (DecodeService service = new DecodeService(model, "latency-decode")) {
            long next = System.nanoTime();
            for (int i = -warmup; i < moves; i++) {
                int dim = Math.floorMod(i, k);
                code[dim] = 2.5 * Math.sin(0.37 * i);
                long[] parts = new long[2];
                long start = System.nanoTime();
                int[] pixels = service.submit(code).thenApply(d -> {
                    long t = System.nanoTime();
                    int[] argb = StudioModels.argb(model, d.image());
                    parts[0] = d.decodeNanos();
                    parts[1] = System.nanoTime() - t;
                    return argb;
                }).get(10, TimeUnit.SECONDS);
                long end = System.nanoTime();
                if (pixels.length != model.shape().width() * model.shape().height()) {
                    throw new IllegalStateException("wrong picture size " + pixels.length);
                }
                if (i >= 0) {
                    total[i] = (end - start) / 1e6;
                    decode[i] = parts[0] / 1e6;
                    convert[i] = parts[1] / 1e6;
                }
                next += (long) (intervalMs * 1e6);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            throw new org.latentlab.core.LabException(name + ": a decode failed: " + e.getMessage(), e);
        }
        double invert = inversionStep(name, model);
        double[] sorted = total.clone();
        Arrays.sort(sorted);
        double median = percentile(sorted, 0.5);
        double worst = sorted[sorted.length - 1];
        System.out.printf(Locale.ROOT, "%-16s %-26s %-6s %6d %9.2f %9.2f %9.2f %9.2f %9.3f %9.2f  %s%n", name,
                model.kind() + " " + k + "->" + model.shape(), model.onEngine() ? "engine" : "dl4j", moves, median,
                percentile(sorted, 0.9), worst, percentile(sortedCopy(decode), 0.5),
                percentile(sortedCopy(convert), 0.5), invert,
                worst < FRAME_MS ? "within a 60 Hz frame" : median < FRAME_MS
                        ? "median within a 60 Hz frame, worst not" : "slower than a 60 Hz frame");
    }

    /**
     * The median ms per inversion step of a decoded picture, from a zero code, on a decode worker of its own
     * (NaN when no steps are asked for).
     */
    private double inversionStep(String name, LatentModel model) {
        if (inversionSteps == 0) {
            return Double.NaN;
        }
        int k = model.codeSize();
        double[] target = new double[k];
        for (int j = 0; j < k; j++) {
            target[j] = Math.sin(1.3 * j);
        }
        int steps = 2 * inversionSteps;
        long[] at = new long[steps];
        try (DecodeService service = new DecodeService(model, "latency-invert")) {
            service.<LatentModel, Void>run(m -> {
                float[] picture = m.decode(target);
                int[] step = {0};
                new Inversion(m).invert(picture, new double[k], InversionSettings.defaults().withSteps(steps),
                        Monitor.NONE, s -> at[step[0]++] = System.nanoTime());
                return null;
            }).get(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        } catch (ExecutionException | TimeoutException e) {
            throw new org.latentlab.core.LabException(name + ": the inversion failed: " + e.getMessage(), e);
        }
        double[] perStep = new double[inversionSteps - 1];
        for (int i = 0; i < perStep.length; i++) {
            perStep[i] = (at[inversionSteps + i + 1] - at[inversionSteps + i]) / 1e6;
        }
        return perStep.length == 0 ? Double.NaN : percentile(sortedCopy(perStep), 0.5);
    }

    private static double[] sortedCopy(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
