package org.latentlab.cli;

import org.latentlab.analysis.Objective;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.ExpressionSurface;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.core.LabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The second-derivative test at a point of a teaching surface, by the same code the networks' Hessians use. */
@Command(name = "toy", mixinStandardHelpOptions = true,
        description = "Gradient, Hessian, eigenvalues and verdict of a toy surface at a point: toy saddle --at 0,0")
final class ToyCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(paramLabel = "FUNCTION", description = "a built-in (bowl, saddle, quartic-valley, quartic-saddle,"
            + " quartic-peak, monkey-saddle, deep-linear-2, deep-linear-3) or an expression in x and y, e.g. "
            + "\"x^2 - y^2\"; one that starts with a minus is read as written (\"-x^2+3*y^2\"), or put it after"
            + " -- (toy --at 0,0 -- \"-x^2\")")
    String function;

    @Option(names = "--at", paramLabel = "X,Y[,Z]", required = true, split = ",",
            description = "the point (three values for deep-linear-3)")
    double[] at;

    @Override
    public Integer call() {
        Objective f;
        String name;
        try {
            ToyFunction t = ToyFunction.byId(function);
            f = t;
            name = t.formula();
        } catch (IllegalArgumentException notBuiltIn) {
            try {
                ExpressionSurface e = new ExpressionSurface(function);
                f = e;
                name = e.formula();
            } catch (IllegalArgumentException bad) {
                throw new LabException("'" + function + "' is neither a built-in surface (" + Arrays.stream(
                        ToyFunction.values()).map(ToyFunction::id).collect(Collectors.joining(", "))
                        + ") nor an expression in x and y: " + bad.getMessage());
            }
        }
        if (at.length != f.dimension()) {
            throw new LabException(name + " takes " + f.dimension() + " values in --at, not " + at.length);
        }
        CriticalPoint c = CriticalPoint.at(f, at);
        System.out.println("L = " + name + " at " + vec(at));
        System.out.printf(Locale.ROOT, "loss      %.10g%n", c.loss());
        System.out.println("gradient  " + vec(c.gradient()));
        System.out.println("Hessian");
        for (double[] row : c.hessian()) {
            System.out.println("          " + vec(row));
        }
        for (int i = 0; i < c.eigenvalues().length; i++) {
            System.out.printf(Locale.ROOT, "lambda%d   %.8f   eigenvector %s%n", i + 1, c.eigenvalues()[i],
                    vec(c.eigenvectors()[i]));
        }
        System.out.println("verdict   " + (c.critical() ? "critical point, " : String.format(Locale.ROOT,
                "not critical (|gradient| = %.3g > %.0e), curvature ", c.gradientNorm(),
                CriticalPoint.GRADIENT_TOLERANCE)) + c.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        System.out.println("          (critical point: |gradient| <= " + CriticalPoint.GRADIENT_TOLERANCE
                + ", the rule at which the bench's paths stop as converged)");
        return 0;
    }

    private static String vec(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.8f", x))
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
