package org.latentlab.experiment.bench;

import org.junit.jupiter.api.Test;
import org.latentlab.train.Backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short long-session check (the full one is {@code bench --session}): presets of every family opened in turn the
 * way the window opens them, each replacing its bench's experiment; the resident memory at the end stays within
 * {@value SessionBenchmark#LIMIT}x of its value after the first step. Before runs gave their native memory back,
 * 14 presets took it from 0.28 to 2.9 GB.
 */
class SessionBenchmarkTest {

    private static final List<String> STEPS = List.of("ring8-nsgan", "mnist-ae", "mnist-mlp-gan", "mnist-vae",
            "studio:mnist-ae", "ring8-wgangp", "mnist-dae", "mnist-rbm", "grid25-nsgan", "studio:mnist-vae",
            "mnist-vae-2d", "spiral-nsgan");

    private static final int ITERATIONS = 20;
    private static final long BETWEEN_MILLIS = 500;

    @Test
    void residentMemoryAtTheEndStaysWithinTheLimitOfTheFirstStep() {
        Backend.init();
        List<SessionBenchmark.Row> seen = new ArrayList<>();
        // a replaced run's native memory does not grow with the iterations it made: a few suffice to have built,
        // trained and published views (2.5 s is only a cap, for an RBM drawing its views or a busy machine); the
        // steps in between settle briefly, the first and the last, which are compared, as long as the bench lets them
        SessionBenchmark.Result result = SessionBenchmark.run(STEPS, 1, ITERATIONS, 2.5, BETWEEN_MILLIS, null,
                seen::add);
        String table = result.rows().stream().map(r -> String.format(Locale.ROOT, "%2d %-18s %4d it %5.1f s %7.1f MB",
                r.step(), r.name(), r.iterations(), r.seconds(), r.rssBytes() / 1048576.0))
                .collect(Collectors.joining("\n"));
        System.out.println(table);
        assertEquals(STEPS.size(), seen.size());
        assertTrue(result.rows().stream().allMatch(r -> r.iterations() > 0), table);
        assertTrue(result.passed(), () -> String.format(Locale.ROOT, "end / first = %.2f > %.1f%n%s",
                result.ratio(), SessionBenchmark.LIMIT, table));
    }
}
