package org.latentlab.app;

import org.junit.jupiter.api.Test;
import org.latentlab.app.Start.Route;
import org.latentlab.cli.Main;
import org.latentlab.ui.LaunchPlan;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which command lines of {@code latentlab} go to the command line and which open the window (no window opened). */
class StartTest {

    private static final Set<String> COMMANDS = Main.commands();

    private static Route route(String... args) {
        return Start.route(List.of(args), COMMANDS);
    }

    @Test
    void theCommandsAreReadFromTheCommandLinesOwnDefinition() {
        assertTrue(COMMANDS.containsAll(Set.of("train", "presets", "toy", "bench", "hessian", "evaluate")),
                COMMANDS.toString());
        assertFalse(COMMANDS.contains("latentlab"), "the top command is not one of its subcommands");
    }

    @Test
    void everySubcommandGoesToTheCommandLine() {
        for (String command : COMMANDS) {
            assertEquals(Route.CLI, route(command), command);
            assertEquals(Route.CLI, route(command, "--help"), command + " --help");
        }
        assertEquals(Route.CLI, route("train", "ring8-nsgan", "--iterations", "200"));
        assertEquals(Route.CLI, route("toy", "-x^2+3*y^2", "--at", "0,0"));
        assertEquals(Route.CLI, route("--version"));
    }

    @Test
    void noArgumentsOrWindowOptionsOpenTheWindow() {
        assertEquals(Route.WINDOW, route());
        assertEquals(Route.WINDOW, route("--preset=ring8-nsgan"));
        assertEquals(Route.WINDOW, route("--preset", "mnist-vae", "--start=true"));
        for (String option : LaunchPlan.KNOWN) {
            assertEquals(Route.WINDOW, route("--" + option + "=x"), option);
        }
        assertEquals(Route.WINDOW, route("--tab=geometry", "--help"), "the window's own --help");
        assertEquals(Route.WINDOW, route("--no-such-option"), "the window says which of its options are unknown");
    }

    @Test
    void aWordThatIsNoCommandGoesToTheCommandLineWhichNamesTheCommands() {
        assertEquals(Route.CLI, route("trian", "ring8-nsgan"));
        assertEquals(Route.CLI, route("ring8-nsgan"));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, Main.execute("trian", "ring8-nsgan"), "picocli refuses an unknown command with code 2");
        } finally {
            System.setErr(saved);
        }
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: ") && said.contains("'trian'") && said.contains("(see: latentlab --help)"),
                said);
    }

    @Test
    void helpAloneListsBoth() {
        assertEquals(Route.HELP, route("--help"));
        assertEquals(Route.HELP, route("-h"));
    }
}
