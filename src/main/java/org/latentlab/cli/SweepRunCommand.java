package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.sweep.SweepExecutor;
import org.latentlab.experiment.sweep.SweepFiles;
import org.latentlab.experiment.sweep.SweepPlan;
import org.latentlab.train.Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * One run of a sweep folder, in a process of its own (what {@code sweep} starts for each run when several train at
 * once): prints {@code iteration N} lines and a last {@code outcome finished|failed MESSAGE} line.
 */
@Command(name = "sweep-run", hidden = true, description = "Train one run of a sweep folder (used by sweep).")
final class SweepRunCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP_DIR")
    Path sweepDir;

    @Parameters(index = "1", paramLabel = "RUN")
    String name;

    @Parameters(index = "2", paramLabel = "BASE_DIR")
    Path baseDir;

    @Override
    public Integer call() throws Exception {
        Backend.init();
        SweepPlan plan = SweepFiles.planOf(sweepDir, baseDir);
        SweepPlan.Run run = plan.runs().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new LabException("sweep " + sweepDir + " has no run " + name));
        long[] last = {-1};
        SweepExecutor.Outcome o = SweepExecutor.runOne(plan, run, sweepDir, it -> {
            if (it != last[0]) {
                last[0] = it;
                System.out.println("iteration " + it);
            }
        });
        System.out.println(o.finished() ? "outcome finished" + (o.kept() ? " kept" : "")
                : "outcome failed " + String.valueOf(o.message()).replace('\n', ' '));
        return o.finished() ? 0 : 1;
    }
}
