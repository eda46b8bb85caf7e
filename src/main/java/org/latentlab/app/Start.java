package org.latentlab.app;

import org.latentlab.cli.Main;
import org.latentlab.engine.NativeBuild;
import org.latentlab.ui.LaunchPlan;
import org.latentlab.ui.Launcher;

import java.util.List;
import java.util.Set;

/**
 * The main class of the {@code latentlab} command: {@code latentlab} alone, or with window options only
 * ({@code latentlab --preset=ring8-nsgan --start=true}), opens the window ({@link Launcher}); {@code latentlab train
 * ring8-nsgan}, {@code latentlab presets} and every other subcommand of {@link Main} run the command line. Which
 * words are subcommands is read from the command line's own definition ({@link Main#commands()}), so a new
 * subcommand needs no change here or in the script.
 */
public final class Start {

    /** Where a command line goes. */
    public enum Route {
        /** The window, with the arguments as its options. */
        WINDOW,
        /** The command line, with the arguments as they are. */
        CLI,
        /** Both lists of what {@code latentlab} understands: the commands, then the window's options. */
        HELP
    }

    private Start() {
    }

    public static void main(String[] args) {
        NativeBuild.select(); // before anything loads ND4J, as both mains do
        switch (route(List.of(args), Main.commands())) {
            case CLI -> Main.main(args);
            case WINDOW -> Launcher.main(args);
            case HELP -> {
                Main.execute("--help");
                System.out.println();
                System.out.println("With no command, latentlab opens the window, which reads these options:");
                System.out.print(LaunchPlan.usage());
            }
        }
    }

    /**
     * Where {@code args} go: to the command line when the first argument is one of its {@code commands}, its
     * {@code --version} ({@code -V}), or any other word that is not an option (a mistyped command, which the command
     * line then names with the commands it knows, rather than the window ignoring it); to {@link Route#HELP} for
     * {@code --help} or {@code -h} alone at the start; to the window otherwise (no arguments, or options first).
     */
    public static Route route(List<String> args, Set<String> commands) {
        if (args.isEmpty()) {
            return Route.WINDOW;
        }
        String first = args.get(0);
        if (commands.contains(first) || first.equals("--version") || first.equals("-V")) {
            return Route.CLI;
        }
        if (first.equals("--help") || first.equals("-h")) {
            return args.size() == 1 ? Route.HELP : Route.WINDOW;
        }
        return first.startsWith("-") ? Route.WINDOW : Route.CLI;
    }
}
