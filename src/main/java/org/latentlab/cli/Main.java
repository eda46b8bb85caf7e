package org.latentlab.cli;

import java.util.Locale;
import java.util.Set;

import org.latentlab.core.LabException;
import org.latentlab.engine.NativeBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code train}, {@code presets}, {@code bench}, {@code toy}, {@code latency}; the geometry bench
 * on saved runs: {@code hessian}, {@code landscape}, {@code tangents}, {@code curvature}, {@code geometry-bench}; the
 * scores of a saved model's samples: {@code evaluate}; anomaly detection with a saved model: {@code anomaly}. Runs the same engine as the window, headless.
 * A {@link LabException} ends the command with its message on stderr and exit code 1.
 */
@Command(name = "latentlab", mixinStandardHelpOptions = true, version = "Latent Lab 0.1",
        description = "Latent Lab from the command line: train experiments headless, list presets, benchmark, analyse"
                + " the geometry of saved runs (Hessian, loss landscape, tangents, curvature along training).",
        subcommands = {TrainCommand.class, PresetsCommand.class, BenchCommand.class, ToyCommand.class,
                LatencyCommand.class, HessianCommand.class, LandscapeCommand.class, TangentsCommand.class,
                CurvatureCommand.class, GeometryBenchCommand.class, EvaluateCommand.class,
                AnomalyCommand.class, VectorFieldCommand.class, InterpolateCommand.class, PcaBaselineCommand.class,
                PretrainingCommand.class, DbnSamplesCommand.class, WakeSleepCommand.class, HashingCommand.class,
                TangentPropCommand.class, FitFunctionCommand.class, ReluPiecesCommand.class,
                DeepVsShallowCommand.class, SharpFlatCommand.class, DeepLinearCommand.class, RandomLabelsCommand.class,
                SensitivityCommand.class, ClassAccuracyCommand.class, SweepCommand.class,
                SweepRunCommand.class, CodeAccuracyCommand.class, BiganVsAeCommand.class, CycleGanDigitsCommand.class,
                VaeGanCompareCommand.class, AaeCodesCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        NativeBuild.select(); // before anything loads ND4J
        System.exit(execute(args));
    }

    /**
     * Runs a command line and returns its exit code (for tests). Whatever a person can cause ends in one line on
     * stderr, never a stack trace: a wrong option or value ({@code error: ...} and a pointer to --help, exit code 2),
     * a {@link LabException} or {@link IllegalArgumentException} from the command (exit code 1), any other failure
     * (exit code 1, "unexpected failure" and the command line), or running out of memory (exit code 1, naming the
     * command line, since the file being read is not known here).
     */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        cl.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("error: " + oneLine(ex.getMessage()) + " (see: "
                    + c.getCommandSpec().qualifiedName(" ") + " --help)");
            return c.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(errorLine(ex, args));
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("error: out of memory running 'latentlab " + String.join(" ", args) + "' ("
                    + e.getMessage() + "): give the JVM more memory (-Xmx) or ask for less");
            cl.getErr().flush();
            return 1;
        }
    }

    /** The names of the subcommands ({@code train}, {@code presets}, ...), as the command line defines them. */
    public static Set<String> commands() {
        return Set.copyOf(commandLine().getSubcommands().keySet());
    }

    /**
     * The command line with its subcommands. {@code toy} reads a word that starts with a minus and is not one of
     * its options as its function, so {@code toy "-x^2+3*y^2" --at 0,0} works as written; {@code toy --at 0,0 --
     * "-x^2"} (everything after {@code --} is a parameter) works too.
     */
    private static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.getSubcommands().get("toy").setUnmatchedOptionsArePositionalParams(true);
        return cl;
    }

    /**
     * The one line a failed command prints: its message for a {@link LabException} or
     * {@link IllegalArgumentException}; for anything else (a fault of the lab's, not of the input) "unexpected
     * failure", the command line and the message, never the exception's class or its stack.
     */
    static String errorLine(Exception ex, String... args) {
        if (ex instanceof LabException || ex instanceof IllegalArgumentException) {
            return "error: " + oneLine(ex.getMessage());
        }
        String what = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()
                .replaceAll("(Exception|Error)$", "").replaceAll("(?<=.)(?=\\p{Lu})", " ").toLowerCase(Locale.ROOT);
        return "error: unexpected failure in 'latentlab " + String.join(" ", args) + "': " + oneLine(what);
    }

    /** A message on one line: a multi-line message is joined with "; ". */
    static String oneLine(String message) {
        return message == null ? "unexpected failure" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
