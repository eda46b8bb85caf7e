package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.TangentResult;
import org.latentlab.latent.ImageExport;
import org.latentlab.latent.ImageShape;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The tangent vectors an autoencoder's encoder sees at a held-out example. */
@Command(name = "tangents", mixinStandardHelpOptions = true,
        description = {"Tangent vectors of an autoencoder's (or VAE's) learned manifold at a held-out example: the"
                + " singular values of the encoder's Jacobian and its leading right singular vectors (Rifai et al."
                + " 2011).",
                "Writes input.png, reconstruction.png, tangent-<i>.png, tangents.png (input, reconstruction, tangents"
                        + " side by side; grey is zero), walk-<i>.png (decode(encode(x + t v_i)) for t from -W to W)"
                        + " and singular-values.csv; for vector data, tangents.csv."})
final class TangentsCommand implements Callable<Integer> {

    private static final int SCALE = 4;
    private static final int WALK_STEPS = 9;

    @Parameters(paramLabel = "RUN_OR_CHECKPOINT", description = "an autoencoder or VAE run folder (its latest"
            + " checkpoint) or checkpoint folder")
    Path path;

    @Option(names = "--index", paramLabel = "I", required = true, description = "the held-out example")
    int index;

    @Option(names = "--k", paramLabel = "K", defaultValue = "" + GeometryJobs.DEFAULT_TANGENTS,
            description = "tangent vectors to keep; default ${DEFAULT-VALUE}")
    int k;

    @Option(names = "--walk", paramLabel = "W", defaultValue = "3", description = "how far to move along each tangent"
            + " in walk-<i>.png (a tangent has length 1); default ${DEFAULT-VALUE}")
    double walk;

    @Option(names = "--walks", paramLabel = "N", defaultValue = "2", description = "tangents to walk along;"
            + " default ${DEFAULT-VALUE}")
    int walks;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder for the pictures")
    Path out;

    @Option(names = "--force", description = "write into --out even if it already holds files (they are replaced)")
    boolean force;

    @Override
    public Integer call() {
        OptionChecks.within("--index", index, 0, Integer.MAX_VALUE, "the held-out example");
        OptionChecks.within("--k", k, 1, 1000, "tangent vectors to keep");
        OptionChecks.within("--walk", walk, 0, true, 1000);
        OptionChecks.within("--walks", walks, 0, k, "tangents to walk along, at most --k");
        OptionChecks.mayWriteInto(out, force, "--out");
        Backend.init();
        GeometryOutput o = new GeometryOutput(System.out);
        try (GeometryJobs jobs = GeometryJobs.open(path)) {
            o.model(jobs.model());
            TangentResult r = jobs.tangents(index, k, new ConsoleProgress());
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
            }
            o.put("index", r.index());
            o.put("jacobian_norm", r.jacobianNorm());
            o.put("singular_values", r.singularValues().length);
            for (int i = 0; i < r.singularValues().length; i++) {
                o.put("sigma_" + (i + 1), r.singularValues()[i]);
            }
            List<List<Object>> sigma = new ArrayList<>();
            for (int i = 0; i < r.singularValues().length; i++) {
                sigma.add(List.of(i + 1, r.singularValues()[i]));
            }
            CsvTable.write(out.resolve("singular-values.csv"), List.of("i", "singular_value"), sigma);
            if (r.isImage()) {
                pictures(jobs, r);
            } else {
                List<String> header = new ArrayList<>(List.of("tangent", "singular_value"));
                for (int j = 0; j < r.input().length; j++) {
                    header.add("v" + (j + 1));
                }
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < r.tangents().length; i++) {
                    List<Object> row = new ArrayList<>(List.of(i + 1, r.singularValues()[i]));
                    for (double v : r.tangents()[i]) {
                        row.add(v);
                    }
                    rows.add(row);
                }
                CsvTable.write(out.resolve("tangents.csv"), header, rows);
            }
            o.put("written", out.toString());
        }
        return 0;
    }

    private void pictures(GeometryJobs jobs, TangentResult r) {
        ImageShape shape = ImageShape.of(r.shape());
        float[] input = floats(r.input());
        float[] reconstruction = floats(r.reconstruction());
        ImageExport.writePng(ImageExport.picture(input, shape, SCALE), out.resolve("input.png"));
        ImageExport.writePng(ImageExport.picture(reconstruction, shape, SCALE), out.resolve("reconstruction.png"));
        int m = r.tangents().length;
        float[][] strip = new float[m + 2][];
        strip[0] = input;
        strip[1] = reconstruction;
        for (int i = 0; i < m; i++) {
            strip[i + 2] = r.tangentPicture(i);
            ImageExport.writePng(ImageExport.picture(strip[i + 2], shape, SCALE),
                    out.resolve("tangent-" + (i + 1) + ".png"));
        }
        ImageExport.writeStrip(strip, shape, SCALE, strip.length, out.resolve("tangents.png"));
        for (int i = 0; i < Math.min(walks, m); i++) {
            float[][] frames = new float[WALK_STEPS][];
            for (int s = 0; s < WALK_STEPS; s++) {
                double t = -walk + 2 * walk * s / (WALK_STEPS - 1);
                frames[s] = clamp(floats(jobs.alongTangent(r, i, t)));
            }
            ImageExport.writeStrip(frames, shape, SCALE, WALK_STEPS, out.resolve("walk-" + (i + 1) + ".png"));
        }
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static float[] clamp(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, Math.min(1, v[i]));
        }
        return v;
    }
}
