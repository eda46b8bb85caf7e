package org.latentlab.ui.geometry;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.ExpressionSurface;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.analysis.toy.ToySurface;
import org.latentlab.core.Monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The teaching surfaces: pick a function (or type one in x and y), see it as contours with the descent field and
 * as a 3-D mesh; click a point to run the chosen optimiser from it and read, at the start and at the end of the
 * path, the gradient, the Hessian, its eigenvalues and eigenvectors (drawn on the plot) and the verdict.
 */
final class ToySurfacePanel extends BorderPane {

    private static final String CUSTOM = "typed expression…";

    private final ComboBox<Object> function = new ComboBox<>();
    private final TextField expression = new TextField("x^2 - y^2 + 0.1*x^4");
    private final TextField third = new TextField("1");
    private final ComboBox<OptimizerPath.Method> method = new ComboBox<>();
    private final TextField stepSize = new TextField("0.05");
    private final TextField steps = new TextField("100");
    private final CheckBox field = new CheckBox("descent field −∇L");
    private final CheckBox keep = new CheckBox("keep earlier paths");
    private final TextArea report = new TextArea();
    private final Label status = new Label();
    private final ContourCanvas contour = new ContourCanvas();
    private final SurfaceCanvas3D mesh = new SurfaceCanvas3D();
    private final List<OptimizerPath> paths = new ArrayList<>();
    private ToySurface surface;
    private long generation;
    /** True while the typed formula is being selected in the list, which must not replot by itself. */
    private boolean selectingTyped;

    ToySurfacePanel() {
        function.getItems().addAll((Object[]) ToyFunction.values());
        function.getItems().add(CUSTOM);
        function.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Object o) {
                return o instanceof ToyFunction f ? f.formula() + (f.dimension() == 3 ? "  (slice at w₃)" : "")
                        : String.valueOf(o);
            }

            @Override
            public Object fromString(String s) {
                return s;
            }
        });
        function.setId("toy-function");
        function.getSelectionModel().select(ToyFunction.SADDLE);
        method.getItems().addAll(OptimizerPath.Method.values());
        method.getSelectionModel().select(OptimizerPath.Method.GRADIENT_DESCENT);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(OptimizerPath.Method m) {
                return m == null ? "" : label(m);
            }

            @Override
            public OptimizerPath.Method fromString(String s) {
                return null;
            }
        });
        method.setId("toy-method");
        stepSize.setPrefColumnCount(5);
        steps.setPrefColumnCount(4);
        third.setPrefColumnCount(4);
        expression.setPrefColumnCount(18);
        field.setSelected(true);
        report.setEditable(false);
        report.setWrapText(true);
        report.setId("toy-report");
        report.setPrefRowCount(22);
        report.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        status.setId("toy-status");
        contour.setId("toy-contour");

        Button plot = new Button("Plot");
        plot.setOnAction(e -> replot());
        Button clear = new Button("Clear paths");
        clear.setOnAction(e -> {
            paths.clear();
            contour.setPaths(paths);
            mesh.setPaths(paths);
            contour.setProbe(null);
            report.clear();
        });
        function.setOnAction(e -> {
            if (!selectingTyped) {
                replot();
            }
        });
        // typing a formula chooses it (drawn on Enter or Plot); it is not left unused behind a built-in
        expression.textProperty().addListener((o, a, b) -> chooseTyped());
        expression.setOnAction(e -> {
            chooseTyped();
            replot();
        });
        expression.setId("toy-expression");
        plot.setId("toy-plot");
        field.setOnAction(e -> contour.setShowField(field.isSelected()));
        contour.setOnPick(this::runFrom);

        HBox row1 = new HBox(8, new Label("Surface"), function, new Label("w₃ ="), third, new Label("or L(x, y) ="),
                expression, plot);
        HBox row2 = new HBox(8, new Label("Click the plot to run"), method, new Label("step η"), stepSize,
                new Label("steps"), steps, field, keep, clear);
        row1.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(6, row1, row2);
        top.setPadding(new Insets(6));
        setTop(top);

        SplitPane plots = new SplitPane(contour, mesh);
        plots.setOrientation(Orientation.HORIZONTAL);
        plots.setDividerPositions(0.55);
        VBox side = new VBox(6, new Label("At the start and the end of the last path"), report);
        VBox.setVgrow(report, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        side.setPrefWidth(380);
        setCenter(plots);
        setRight(side);
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(4, 8, 4, 8));
        setBottom(bottom);
        replot();
    }

    private ToySurface chosenSurface() {
        Object f = function.getValue();
        if (f instanceof ToyFunction t) {
            if (t.dimension() == 3) {
                double k = Double.parseDouble(third.getText().trim());
                return t.slice(0, 1, new double[] {0, 0, k});
            }
            return t.surface();
        }
        return new ExpressionSurface(expression.getText().trim()).requireFiniteSomewhere();
    }

    private void chooseTyped() {
        if (!CUSTOM.equals(function.getValue())) {
            selectingTyped = true;
            try {
                function.getSelectionModel().select(CUSTOM);
            } finally {
                selectingTyped = false;
            }
            status.setText("typed formula chosen: press Enter or Plot to draw it");
        }
    }

    /** Samples the chosen surface off the FX thread and shows it. */
    void replot() {
        ToySurface s;
        try {
            s = chosenSurface();
        } catch (RuntimeException e) {
            String what = CUSTOM.equals(function.getValue()) ? "'" + expression.getText().trim() + "'" : "it";
            status.setText("cannot plot " + what + ": " + e.getMessage()
                    + (surface != null ? "  (still showing L = " + surface.formula() + ")" : ""));
            return;
        }
        long gen = ++generation;
        status.setText("sampling " + s.formula() + " …");
        MonitoredTask<SurfaceGrid> task = new MonitoredTask<>(m -> SurfaceGrid.sample(s, s.defaultView(), 201, 17,
                16));
        task.setOnSucceeded(e -> {
            if (gen != generation) {
                return;
            }
            surface = s;
            paths.clear();
            contour.setGrid(task.getValue());
            mesh.setGrid(task.getValue());
            contour.setPaths(paths);
            mesh.setPaths(paths);
            contour.setProbe(null);
            report.setText(describeSurface(s));
            status.setText(s.formula() + " on " + s.defaultView() + ": click a point to run "
                    + label(method.getValue()) + " from it");
        });
        task.setOnFailed(e -> status.setText("cannot plot: " + task.getException().getMessage()));
        task.submit();
    }

    /** Runs the optimiser from (x, y) and analyses the start and the end point. */
    void runFrom(double x, double y) {
        if (surface == null) {
            return;
        }
        double eta;
        int n;
        try {
            eta = Double.parseDouble(stepSize.getText().trim());
            n = Integer.parseInt(steps.getText().trim());
            if (!(eta > 0) || n < 1 || n > 100_000) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            status.setText("the step size must be a positive number and the steps a whole number from 1 to 100000");
            return;
        }
        ToySurface s = surface;
        OptimizerPath.Method m = method.getValue();
        record Result(OptimizerPath path, CriticalPoint start, CriticalPoint end, String why) {
        }
        MonitoredTask<Result> task = new MonitoredTask<>(mon -> {
            CriticalPoint start = CriticalPoint.at(s, new double[] {x, y});
            OptimizerPath p = OptimizerPath.run(s, new double[] {x, y}, m, eta, n, mon);
            CriticalPoint end = null;
            if (p.stop() != OptimizerPath.Stop.DIVERGED) {
                end = CriticalPoint.at(s, p.end());
            }
            return new Result(p, start, end, p.explain(s));
        });
        task.setOnSucceeded(e -> {
            Result r = task.getValue();
            if (!keep.isSelected()) {
                paths.clear();
            }
            paths.add(r.path());
            contour.setPaths(paths);
            mesh.setPaths(paths);
            contour.setProbe(r.end() != null ? r.end() : r.start());
            report.setText(describe(r.path(), r.why(), r.start(), r.end()));
            status.setText(label(m) + " from (" + fmt(x) + ", " + fmt(y) + "): " + r.why()
                    + (r.end() != null ? "; end point: " + verdictText(r.end()) : ""));
        });
        task.setOnFailed(e -> status.setText("the path failed: " + task.getException().getMessage()));
        task.submit();
    }

    private static String describeSurface(ToySurface s) {
        return "L = " + s.formula() + "\n\nClick anywhere on the contour plot: the optimiser runs from there,"
                + " the path is drawn on both views, and the Hessian's eigenvectors are drawn at the end point"
                + " (green: curving up, red: curving down, grey: flat). The 3-D view turns when dragged.";
    }

    private static String describe(OptimizerPath p, String why, CriticalPoint start, CriticalPoint end) {
        StringBuilder b = new StringBuilder();
        b.append(label(p.method())).append(", η = ").append(p.stepSize()).append(": ").append(why)
                .append("\n(").append(OptimizerPath.CONVERGENCE_RULE).append(": the path stops there, and the"
                        + " verdict below uses the same rule)\n\n");
        b.append("START\n").append(point(start));
        if (end != null) {
            b.append("\nEND\n").append(point(end));
        } else {
            double[] last = p.end();
            b.append(String.format(Locale.ROOT, "%nEND: diverged at (%s, %s); no verdict there%n", fmt(last[0]),
                    fmt(last[1])));
        }
        return b.toString();
    }

    private static String point(CriticalPoint c) {
        double[] p = c.point();
        double[][] h = c.hessian();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "  at (%s, %s)   L = %s%n", fmt(p[0]), fmt(p[1]), fmt(c.loss())));
        b.append(String.format(Locale.ROOT, "  ∇L = (%s, %s)   |∇L| = %s%n", fmt(c.gradient()[0]),
                fmt(c.gradient()[1]), fmt(c.gradientNorm())));
        b.append(String.format(Locale.ROOT, "  H = [%9s %9s]%n      [%9s %9s]%n", fmt(h[0][0]), fmt(h[0][1]),
                fmt(h[1][0]), fmt(h[1][1])));
        for (int i = 0; i < c.eigenvalues().length; i++) {
            double[] v = c.eigenvectors()[i];
            b.append(String.format(Locale.ROOT, "  λ%d = %-9s v = (%s, %s)%n", i + 1, fmt(c.eigenvalues()[i]),
                    fmt(v[0]), fmt(v[1])));
        }
        b.append("  ").append(verdictText(c)).append('\n');
        return b.toString();
    }

    static String verdictText(CriticalPoint c) {
        String v = switch (c.verdict()) {
            case LOCAL_MINIMUM -> "local minimum (all eigenvalues > 0)";
            case LOCAL_MAXIMUM -> "local maximum (all eigenvalues < 0)";
            case SADDLE -> "saddle point (eigenvalues of both signs)";
            case DEGENERATE -> "degenerate (a zero eigenvalue: the second-derivative test cannot decide)";
        };
        return c.critical() ? "critical point (|∇L| ≤ " + CriticalPoint.GRADIENT_TOLERANCE + "): " + v
                : "not a critical point (|∇L| = " + fmt(c.gradientNorm()) + " > " + CriticalPoint.GRADIENT_TOLERANCE
                + "); curvature there: " + v;
    }

    private static String label(OptimizerPath.Method m) {
        return switch (m) {
            case GRADIENT_DESCENT -> "gradient descent";
            case MOMENTUM -> "momentum";
            case ADAM -> "Adam";
            case NEWTON -> "Newton";
        };
    }

    private static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.3e", v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    ContourCanvas contour() {
        return contour;
    }

    TextArea report() {
        return report;
    }

    Label status() {
        return status;
    }

    TextField expression() {
        return expression;
    }

    ComboBox<Object> function() {
        return function;
    }

    void select(ToyFunction f) {
        function.getSelectionModel().select(f);
    }

    void setMethod(OptimizerPath.Method m, double eta, int n) {
        method.getSelectionModel().select(m);
        stepSize.setText(Double.toString(eta));
        steps.setText(Integer.toString(n));
    }
}
