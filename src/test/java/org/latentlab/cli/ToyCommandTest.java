package org.latentlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code toy} with an expression that starts with a minus, which a command line would take for an option: as written
 * and after {@code --}. Oracle: the Hessian of -x² + 3y² is diag(-2, 6) everywhere, so its eigenvalues are -2 and 6
 * and the origin is a saddle.
 */
class ToyCommandTest {

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(String... args) {
        console.out.reset();
        console.err.reset();
        return Main.execute(args);
    }

    private double[] eigenvalues() {
        return console.out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("lambda"))
                .mapToDouble(l -> Double.parseDouble(l.trim().split("\\s+")[1])).sorted().toArray();
    }

    private String stderr() {
        return console.err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExpressionStartingWithAMinusIsReadAsWritten() {
        assertEquals(0, run("toy", "-x^2+3*y^2", "--at", "0,0"), stderr());
        assertArrayEquals(new double[]{-2, 6}, eigenvalues(), 1e-4, Arrays.toString(eigenvalues()));
        assertTrue(console.out.toString(StandardCharsets.UTF_8).contains("saddle"),
                console.out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anExpressionAfterTheEndOfOptionsIsReadToo() {
        assertEquals(0, run("toy", "--at", "0,0", "--", "-x^2+3*y^2"), stderr());
        assertArrayEquals(new double[]{-2, 6}, eigenvalues(), 1e-4, Arrays.toString(eigenvalues()));
        assertEquals(0, run("toy", "--at=1,2", "--", "-x^2+3*y^2"), stderr());
        assertArrayEquals(new double[]{-2, 6}, eigenvalues(), 1e-4, "a quadratic's Hessian is the same everywhere");
    }

    @Test
    void anOptionTheCommandDoesNotKnowIsStillRefusedWhenTheFunctionIsGiven() {
        int code = run("toy", "saddle", "--at", "0,0", "--no-such-option");
        assertNotEquals(0, code);
        assertTrue(stderr().startsWith("error: "), stderr());
    }
}
