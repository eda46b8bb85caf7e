package org.latentlab.cli;

import org.latentlab.core.LabException;
import org.latentlab.experiment.sbn.WakeSleepFiles;
import org.latentlab.experiment.sbn.WakeSleepMnist;
import org.latentlab.train.sbn.ExplainingAway;
import org.latentlab.train.sbn.WakeSleepSettings;
import org.latentlab.train.sbn.WakeSleepStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A sigmoid belief net trained by wake-sleep on MNIST, or the explaining-away net's exact posterior. */
@Command(name = "wake-sleep", mixinStandardHelpOptions = true,
        description = "Trains a sigmoid belief net on MNIST by the wake-sleep algorithm (Hinton, Dayan, Frey and"
                + " Neal 1995): prints the held-out lower bound as it goes and writes curve.csv, curve.png,"
                + " samples.png and filters.png. With --explaining-away, prints the two-cause net's exact posterior"
                + " next to the recognition net's factorised q and writes posterior.csv.")
final class WakeSleepCommand implements Callable<Integer> {

    @Option(names = "--explaining-away", description = "the explaining-away net (earthquake, truck hits house,"
            + " house jumps) instead of MNIST training")
    boolean explainingAway;

    @Option(names = "--hidden", paramLabel = "N,N", split = ",", description = "hidden layer sizes, bottom first"
            + " (default 100,20)")
    List<Integer> hidden;

    @Option(names = "--iterations", paramLabel = "N", description = "wake-sleep iterations (default 12000)")
    Integer iterations;

    @Option(names = "--batch", paramLabel = "N", description = "images per wake phase and dreams per sleep phase"
            + " (default 20)")
    Integer batch;

    @Option(names = "--learning-rate", paramLabel = "R", description = "both phases' learning rate (default 0.1)")
    Double rate;

    @Option(names = "--measure-every", paramLabel = "N", description = "iterations between held-out measurements"
            + " (default 300)")
    Integer measureEvery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/wake-sleep", description = "where the files"
            + " go (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "replace the files of an earlier run in --out")
    boolean force;

    /** About this many rows in the printed table. */
    static final int TABLE_ROWS = 10;

    @Override
    public Integer call() {
        OptionChecks.mayWriteInto(out, force, "--out");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LabException("cannot create " + out + ": " + e.getMessage(), e);
        }
        System.setProperty("java.awt.headless", "true");
        return explainingAway ? explainingAway() : mnist();
    }

    private int explainingAway() {
        ExplainingAway net = ExplainingAway.hinton();
        System.out.printf(Locale.ROOT, "explaining away: causes' prior bias %.0f, weights %+.0f, %s bias %.0f%n",
                net.causeBias(), net.weight(), ExplainingAway.EFFECT, net.visibleBias());
        for (boolean on : new boolean[] {false, true}) {
            ExplainingAway.Posterior p = net.posterior(on);
            System.out.printf(Locale.ROOT, "%n%s %s%n", ExplainingAway.EFFECT, on ? "ON" : "OFF");
            System.out.printf(Locale.ROOT, "%-40s %14s %14s%n", "causes", "exact p(h|v)", "factorised q");
            for (int c = 0; c < 4; c++) {
                System.out.printf(Locale.ROOT, "%-40s %14s %14s%n", ExplainingAway.Posterior.describe(c),
                        WakeSleepFiles.probability(p.exact()[c]), WakeSleepFiles.probability(p.factorised()[c]));
            }
            System.out.printf(Locale.ROOT, "correlation of the causes under the exact posterior: %+.4f (q: 0)%n",
                    p.correlation());
        }
        System.out.println("written: " + WakeSleepFiles.writePosterior(net, out));
        return 0;
    }

    private int mnist() {
        WakeSleepSettings d = WakeSleepSettings.mnist();
        WakeSleepSettings s;
        try {
            s = new WakeSleepSettings(hidden != null ? hidden : d.hidden(), rate != null ? rate : d.learningRate(),
                    batch != null ? batch : d.batch(), iterations != null ? iterations : d.iterations(),
                    measureEvery != null ? measureEvery : d.measureEvery(), seed);
        } catch (IllegalArgumentException e) {
            throw new LabException(e.getMessage());
        }
        System.out.println(s);
        System.out.printf(Locale.ROOT, "%10s %16s %18s %9s%n", "iteration", "bound (nats)", "reconstruction", "seconds");
        int rowEvery = Math.max(1, s.iterations() / s.measureEvery() / TABLE_ROWS);
        WakeSleepStatus last = WakeSleepMnist.trainer(s).run(new ConsoleProgress(), st -> {
            WakeSleepStatus.Point p = st.last();
            if ((st.curve().size() - 1) % rowEvery == 0 || p.iteration() == st.iterations()) {
                System.out.printf(Locale.ROOT, "%,10d %16.2f %18.2f %9.1f%n", p.iteration(), p.bound(),
                        p.reconstruction(), st.seconds());
            }
        });
        WakeSleepStatus.Point first = last.curve().get(0);
        System.out.printf(Locale.ROOT, "held-out bound %.2f -> %.2f nats per image in %.1f s%n", first.bound(),
                last.last().bound(), last.seconds());
        for (Path p : WakeSleepFiles.write(last, out)) {
            System.out.println("written: " + p);
        }
        return 0;
    }
}
