package org.latentlab.cli;

import org.latentlab.core.LabException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code train}, {@code presets}, {@code bench}, {@code toy}; the geometry bench on saved runs:
 * {@code hessian}, {@code landscape}, {@code tangents}, {@code curvature}, {@code geometry-bench}. Runs the same
 * engine as the window, headless.
 * A {@link LabException} ends the command with its message on stderr and exit code 1.
 */
@Command(name = "latentlab", mixinStandardHelpOptions = true, version = "Latent Lab 0.1",
        description = "Latent Lab from the command line: train experiments headless, list presets, benchmark, analyse"
                + " the geometry of saved runs (Hessian, loss landscape, tangents, curvature along training).",
        subcommands = {TrainCommand.class, PresetsCommand.class, BenchCommand.class, ToyCommand.class,
                HessianCommand.class, LandscapeCommand.class, TangentsCommand.class, CurvatureCommand.class,
                GeometryBenchCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof LabException || ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
