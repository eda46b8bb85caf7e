package org.latentlab.ui.geometry;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.latentlab.analysis.hessian.CriticalPoint;
import org.latentlab.analysis.toy.ExpressionSurface;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.analysis.toy.ToySurface;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskRunner;
import org.latentlab.ui.common.NumberInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The teaching surfaces' state and jobs: the function chosen (or typed in x and y), the surface sampled for drawing,
 * the optimiser and its settings, the paths run from the points a person picks, and at the start and the end of the
 * newest path the gradient, the Hessian, its eigenpairs and the verdict.
 */
final class ToySurfaceViewModel {

    /** A built-in function, or (null) the typed formula. */
    record Choice(ToyFunction function) {
        static final Choice TYPED = new Choice(null);

        @Override
        public String toString() {
            return function == null ? "typed expression…"
                    : function.formula() + (function.dimension() == 3 ? "  (slice at w₃)" : "");
        }
    }

    /** A path run from a picked point, with the analysis of its start and end (null when it diverged). */
    record Run(OptimizerPath path, CriticalPoint start, CriticalPoint end, String why) {
    }

    /** A surface sampled for drawing. */
    record Plot(ToySurface surface, SurfaceGrid grid) {
    }

    private final TaskRunner runner;
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> choice;
    private final StringProperty expression = new SimpleStringProperty("x^2 - y^2 + 0.1*x^4");
    private final StringProperty third = new SimpleStringProperty("1");
    private final ObjectProperty<OptimizerPath.Method> method =
            new SimpleObjectProperty<>(OptimizerPath.Method.GRADIENT_DESCENT);
    private final StringProperty stepSize = new SimpleStringProperty("0.05");
    private final StringProperty steps = new SimpleStringProperty("100");
    private final BooleanProperty showField = new SimpleBooleanProperty(true);
    private final BooleanProperty keepPaths = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SurfaceGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ObservableList<OptimizerPath> paths = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CriticalPoint> probe = new ReadOnlyObjectWrapper<>();
    private ToySurface surface;
    private long generation;
    /** True while the typed formula is being chosen in the list, which must not replot by itself. */
    private boolean choosingTyped;

    ToySurfaceViewModel(TaskRunner runner) {
        this.runner = runner;
        for (ToyFunction f : ToyFunction.values()) {
            choices.add(new Choice(f));
        }
        choices.add(Choice.TYPED);
        choice = new SimpleObjectProperty<>(new Choice(ToyFunction.SADDLE));
        choice.addListener((o, was, now) -> {
            if (!choosingTyped) {
                replot();
            }
        });
        // typing a formula chooses it (drawn on Enter or Plot); it is not left unused behind a built-in
        expression.addListener((o, was, now) -> chooseTyped());
    }

    private void chooseTyped() {
        if (!Choice.TYPED.equals(choice.get())) {
            choosingTyped = true;
            try {
                choice.set(Choice.TYPED);
            } finally {
                choosingTyped = false;
            }
            status.set("typed formula chosen: press Enter or Plot to draw it");
        }
    }

    private ToySurface chosenSurface() {
        ToyFunction f = choice.get() == null ? null : choice.get().function();
        if (f != null) {
            if (f.dimension() == 3) {
                return f.slice(0, 1, new double[] {0, 0, NumberInput.number(third.get(), "w₃")});
            }
            return f.surface();
        }
        return new ExpressionSurface(expression.get().trim()).requireFiniteSomewhere();
    }

    /** The typed formula, chosen and drawn (Enter in its field). */
    void plotTyped() {
        chooseTyped();
        replot();
    }

    /** Samples the chosen surface on the worker and shows it; a surface that cannot be made is said, not drawn. */
    void replot() {
        ToySurface s;
        try {
            s = chosenSurface();
        } catch (RuntimeException e) {
            String what = Choice.TYPED.equals(choice.get()) ? "'" + expression.get().trim() + "'" : "it";
            status.set("cannot plot " + what + ": " + e.getMessage()
                    + (surface != null ? "  (still showing L = " + surface.formula() + ")" : ""));
            return;
        }
        long mine = ++generation;
        status.set("sampling " + s.formula() + " …");
        runner.submit(BackgroundTask.of("sampling " + s.formula(),
                m -> new Plot(s, SurfaceGrid.sample(s, s.defaultView(), 201, 17, 16)))
                .onSuccess(p -> {
                    if (mine != generation) {
                        return;
                    }
                    surface = p.surface();
                    paths.clear();
                    probe.set(null);
                    grid.set(p.grid());
                    report.set(ToyReport.surface(s));
                    status.set(s.formula() + " on " + s.defaultView() + ": click a point to run "
                            + ToyReport.label(method.get()) + " from it");
                })
                .onFailure(message -> status.set("cannot plot: " + message)));
    }

    /** Runs the optimiser from (x, y) and analyses the start and the end point. */
    void runFrom(double x, double y) {
        if (surface == null) {
            return;
        }
        double eta;
        int n;
        try {
            eta = NumberInput.positive(stepSize.get(), "step size η");
            n = NumberInput.wholeNumber(steps.get(), "steps", 1, 100_000);
        } catch (LabException e) {
            status.set(e.getMessage());
            return;
        }
        ToySurface s = surface;
        OptimizerPath.Method m = method.get();
        runner.submit(BackgroundTask.of(ToyReport.label(m), mon -> {
            CriticalPoint start = CriticalPoint.at(s, new double[] {x, y});
            OptimizerPath p = OptimizerPath.run(s, new double[] {x, y}, m, eta, n, mon);
            CriticalPoint end = p.stop() == OptimizerPath.Stop.DIVERGED ? null : CriticalPoint.at(s, p.end());
            return new Run(p, start, end, p.explain(s));
        }).onSuccess(r -> {
            if (s != surface) {
                return;
            }
            List<OptimizerPath> next = new ArrayList<>(keepPaths.get() ? paths : List.of());
            next.add(r.path());
            paths.setAll(next);
            probe.set(r.end() != null ? r.end() : r.start());
            report.set(ToyReport.path(r.path(), r.why(), r.start(), r.end()));
            status.set(ToyReport.label(m) + " from (" + ToyReport.fmt(x) + ", " + ToyReport.fmt(y) + "): " + r.why()
                    + (r.end() != null ? "; end point: " + ToyReport.verdict(r.end()) : ""));
        }).onFailure(message -> status.set("the path failed: " + message)));
    }

    /** Forgets the paths drawn. */
    void clearPaths() {
        paths.clear();
        probe.set(null);
        report.set("");
    }

    /** Chooses a built-in function (and draws it). */
    void select(ToyFunction f) {
        choice.set(new Choice(f));
    }

    void setMethod(OptimizerPath.Method m, double eta, int n) {
        method.set(m);
        stepSize.set(Double.toString(eta));
        steps.set(Integer.toString(n));
    }

    ObservableList<Choice> choices() {
        return choices;
    }

    ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    StringProperty expressionProperty() {
        return expression;
    }

    StringProperty thirdProperty() {
        return third;
    }

    ObjectProperty<OptimizerPath.Method> methodProperty() {
        return method;
    }

    StringProperty stepSizeProperty() {
        return stepSize;
    }

    StringProperty stepsProperty() {
        return steps;
    }

    BooleanProperty showFieldProperty() {
        return showField;
    }

    BooleanProperty keepPathsProperty() {
        return keepPaths;
    }

    ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<SurfaceGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    ObservableList<OptimizerPath> paths() {
        return paths;
    }

    ReadOnlyObjectProperty<CriticalPoint> probeProperty() {
        return probe.getReadOnlyProperty();
    }
}
