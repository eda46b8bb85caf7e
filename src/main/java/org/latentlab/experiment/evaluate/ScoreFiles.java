package org.latentlab.experiment.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.data.CsvTable;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.metrics.ScoreLine;
import org.latentlab.train.classifier.ConfusionMatrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An evaluation written as files: {@value #JSON} (everything: the run, how the samples were drawn, the sizes and
 * sources of the real sets, the classifier, every score with its real-versus-real baseline, a VAE's ELBO, the
 * classifier on labelled images, the gallery's neighbours) and {@value #CSV} (one row a score). Values that do not
 * exist (a score without a spread) are null in JSON and empty in CSV. Each file is written atomically.
 */
public final class ScoreFiles {

    public static final String JSON = "scores.json";
    public static final String CSV = "scores.csv";
    public static final String GALLERY = "gallery.png";

    /** The CSV's columns. */
    public static final List<String> COLUMNS = List.of("score", "value", "spread", "baseline", "baseline_spread",
            "sample_size", "seconds", "better");

    /** The row of a VAE's held-out negative ELBO in the CSV (no baseline: real images have no ELBO). */
    public static final String ELBO_ROW = "held-out negative ELBO";

    private ScoreFiles() {
    }

    /** The CSV rows: the score card's lines, then a VAE's ELBO. */
    public static List<List<Object>> rows(GeneratorEvaluation.Result r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ScoreLine l : r.scores().lines()) {
            rows.add(Arrays.asList(l.name(), number(l.value()), number(l.spread()), number(l.baseline()),
                    number(l.baselineSpread()), l.sampleSize(), l.seconds(), l.better()));
        }
        if (r.elbo() != null) {
            rows.add(Arrays.asList(ELBO_ROW, r.elbo().negativeElbo(), null, null, null, r.elbo().examples(),
                    r.elbo().seconds(), "lower"));
        }
        return rows;
    }

    /** Writes {@value #JSON} and {@value #CSV} (and {@value #GALLERY} when there is a gallery) into {@code dir}. */
    public static List<Path> write(GeneratorEvaluation.Result r, Path dir) {
        Path json = dir.resolve(JSON);
        Path csv = dir.resolve(CSV);
        try {
            AtomicFiles.writeString(json, ExperimentFiles.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json(r)) + "\n");
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write " + json + ": " + e.getMessage(), e);
        }
        CsvTable.write(csv, List.of(r.model() + "; samples: " + r.samples().how()), COLUMNS, rows(r));
        List<Path> written = new ArrayList<>(List.of(json, csv));
        if (r.gallery() != null) {
            Path png = dir.resolve(GALLERY);
            r.gallery().write(png, 3);
            written.add(png);
        }
        return written;
    }

    /** The JSON tree. */
    public static ObjectNode json(GeneratorEvaluation.Result r) {
        ObjectNode root = ExperimentFiles.mapper().createObjectNode();
        root.put("run", r.model().runDir().toString());
        root.put("checkpoint", r.model().checkpoint().toString());
        root.put("experiment", r.model().name());
        root.put("family", r.model().kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("iteration", r.model().iteration());
        ObjectNode samples = root.putObject("samples");
        samples.put("count", r.samples().images().count());
        samples.put("how", r.samples().how());
        samples.put("seconds", r.sampleSeconds());
        ObjectNode real = root.putObject("real");
        real.put("test", r.real().test().count());
        real.put("reference", r.real().reference().count());
        real.put("validation", r.real().validation().count());
        real.put("about", r.real().about());
        ObjectNode classifier = root.putObject("classifier");
        classifier.put("name", r.classifier().info().spec().name());
        classifier.put("folder", r.classifier().folder().toString());
        classifier.put("heldOutAccuracy", r.classifier().info().heldOutAccuracy());
        classifier.put("heldOutExamples", r.classifier().info().heldOutExamples());
        root.put("featureSeconds", r.scores().featureSeconds());
        ArrayNode scores = root.putArray("scores");
        for (ScoreLine l : r.scores().lines()) {
            ObjectNode s = scores.addObject();
            s.put("name", l.name());
            put(s, "value", l.value());
            put(s, "spread", l.spread());
            put(s, "baseline", l.baseline());
            put(s, "baselineSpread", l.baselineSpread());
            s.put("sampleSize", l.sampleSize());
            s.put("seconds", l.seconds());
            s.put("better", l.better());
            s.put("note", l.note());
        }
        if (r.elbo() != null) {
            ObjectNode e = root.putObject("heldOutNegativeElbo");
            e.put("value", r.elbo().negativeElbo());
            e.put("reconstruction", r.elbo().reconstruction());
            e.put("kl", r.elbo().kl());
            e.put("examples", r.elbo().examples());
            e.put("seconds", r.elbo().seconds());
            e.put("unit", "nats per example");
        }
        if (r.labelled() != null) {
            ConfusionMatrix m = r.labelled();
            ObjectNode l = root.putObject("labelled");
            l.put("accuracy", m.accuracy());
            l.put("examples", m.total());
            ArrayNode rows = l.putArray("confusion");
            for (int[] row : m.counts()) {
                ArrayNode a = rows.addArray();
                for (int c : row) {
                    a.add(c);
                }
            }
        }
        if (r.gallery() != null) {
            ArrayNode g = root.putArray("gallery");
            for (int q = 0; q < r.gallery().size(); q++) {
                ObjectNode row = g.addObject();
                row.set("pixelNeighbours", ints(r.gallery().pixels().indicesOf(q)));
                row.set("pixelDistances", doubles(r.gallery().pixels().distancesOf(q)));
                row.set("featureNeighbours", ints(r.gallery().features().indicesOf(q)));
                row.set("featureDistances", doubles(r.gallery().features().distancesOf(q)));
            }
        }
        return root;
    }

    private static ArrayNode ints(int[] v) {
        ArrayNode a = ExperimentFiles.mapper().createArrayNode();
        Arrays.stream(v).forEach(a::add);
        return a;
    }

    private static ArrayNode doubles(double[] v) {
        ArrayNode a = ExperimentFiles.mapper().createArrayNode();
        Arrays.stream(v).forEach(a::add);
        return a;
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
