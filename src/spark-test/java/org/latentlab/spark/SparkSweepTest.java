package org.latentlab.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.sweep.SweepExecutor;
import org.latentlab.experiment.sweep.SweepFiles;
import org.latentlab.experiment.sweep.SweepPlan;
import org.latentlab.experiment.sweep.SweepTable;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark path on a local master gives the same table as the local executor for the same tiny sweep. */
class SparkSweepTest {

    static final String TINY = """
            {"name": "tiny", "base": "ring8-nsgan", "seeds": 2, "iterations": 40,
             "set": {"sampleInterval": 20, "checkpointInterval": 20, "training.batchSize": 64},
             "grid": {"training.discriminatorOptimizer.learningRate": [0.001, 0.0002]},
             "metrics": ["modes_covered", "reverse_kl", "d_loss"], "at": [20, 40]}""";

    @Test
    void sparkOnLocalTwoGivesTheLocalExecutorsTable(@TempDir Path tmp) throws Exception {
        SweepPlan plan = SweepPlan.expand(SweepFiles.parse(TINY, "tiny.json"), Presets.load("ring8-nsgan"),
                "tiny.json", Path.of("."));
        Path local = tmp.resolve("local");
        List<SweepExecutor.Outcome> outcomes = SweepExecutor.run(plan, local, 2, p -> { });
        assertTrue(outcomes.stream().allMatch(SweepExecutor.Outcome::finished), outcomes.toString());

        Path spark = tmp.resolve("spark");
        List<String> failed = SparkSweepExecutor.run(plan, spark, "local[2]");
        assertEquals(List.of(), failed);
        SweepPlan again = SweepFiles.planOf(spark);
        assertEquals(SweepTable.of(plan, local).cells(), SweepTable.of(again, spark).cells());
        // a second call keeps every finished run
        assertEquals(List.of(), SparkSweepExecutor.run(plan, spark, "local[2]"));
    }
}
