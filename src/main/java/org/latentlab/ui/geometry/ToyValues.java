package org.latentlab.ui.geometry;

import javafx.beans.value.ChangeListener;
import org.latentlab.analysis.toy.OptimizerPath;
import org.latentlab.analysis.toy.ToyFunction;
import org.latentlab.core.LabException;
import org.latentlab.ui.common.NumberInput;
import org.latentlab.ui.common.ValueTarget;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The toy surfaces' choices as paths: the surface ({@code toy.surface}, a built-in's id such as {@code saddle}), the
 * optimiser ({@code toy.method}: gd, momentum, adam or newton), its step size and steps, and a start point
 * ({@code toy.start} = "x, y") from which a path is run as a click there would run it, on the surface set with it.
 */
public final class ToyValues implements ValueTarget {

    private static final Map<String, String> PATHS = new LinkedHashMap<>();
    private static final Map<String, OptimizerPath.Method> METHODS = Map.of("gd", OptimizerPath.Method.GRADIENT_DESCENT,
            "momentum", OptimizerPath.Method.MOMENTUM, "adam", OptimizerPath.Method.ADAM,
            "newton", OptimizerPath.Method.NEWTON);

    static {
        PATHS.put("toy.surface", "a built-in surface: " + Arrays.stream(ToyFunction.values()).map(ToyFunction::id)
                .collect(Collectors.joining(", ")));
        PATHS.put("toy.method", "the optimiser: gd, momentum, adam or newton");
        PATHS.put("toy.step", "the step size η (> 0)");
        PATHS.put("toy.steps", "the number of steps (1 to 100000)");
        PATHS.put("toy.start", "a start point \"x, y\": the path is run from there");
    }

    private final ToySurfaceViewModel vm;

    ToyValues(ToySurfaceViewModel vm) {
        this.vm = vm;
    }

    /** The paths, without a bench (to check a lesson file before any window exists). */
    public static List<String> known() {
        return List.copyOf(PATHS.keySet());
    }

    @Override
    public List<String> paths() {
        return known();
    }

    @Override
    public Map<String, String> describe() {
        return Map.copyOf(PATHS);
    }

    @Override
    public String set(Map<String, String> values) {
        ToyFunction function = null;
        OptimizerPath.Method method = null;
        double[] start = null;
        try {
            for (Map.Entry<String, String> e : values.entrySet()) {
                String v = e.getValue().trim();
                switch (e.getKey()) {
                    case "toy.surface" -> function = ToyFunction.byId(v);
                    case "toy.method" -> {
                        method = METHODS.get(v.toLowerCase(Locale.ROOT));
                        if (method == null) {
                            return "toy.method takes gd, momentum, adam or newton, not '" + v + "'";
                        }
                    }
                    case "toy.step" -> NumberInput.positive(v, "toy.step");
                    case "toy.steps" -> NumberInput.wholeNumber(v, "toy.steps", 1, 100_000);
                    case "toy.start" -> start = point(v);
                    default -> {
                        return "the toy surfaces have no value '" + e.getKey() + "' (known: "
                                + String.join(", ", PATHS.keySet()) + ")";
                    }
                }
            }
        } catch (LabException | IllegalArgumentException e) {
            return e.getMessage();
        }
        if (method != null) {
            vm.methodProperty().set(method);
        }
        if (values.containsKey("toy.step")) {
            vm.stepSizeProperty().set(values.get("toy.step").trim());
        }
        if (values.containsKey("toy.steps")) {
            vm.stepsProperty().set(values.get("toy.steps").trim());
        }
        boolean replotting = false;
        if (function != null && !new ToySurfaceViewModel.Choice(function).equals(vm.choiceProperty().get())) {
            vm.select(function); // draws it on the worker
            replotting = true;
        } else if (vm.gridProperty().get() == null) {
            vm.replot();
            replotting = true;
        }
        if (start != null) {
            double[] at = start;
            if (replotting) {
                // the path is run on the surface chosen here, once it is drawn
                ChangeListener<Object> once = new ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<?> o, Object was, Object now) {
                        vm.gridProperty().removeListener(this);
                        vm.runFrom(at[0], at[1]);
                    }
                };
                vm.gridProperty().addListener(once);
            } else {
                vm.runFrom(at[0], at[1]);
            }
        }
        return null;
    }

    private static double[] point(String v) {
        String[] parts = v.split(",");
        if (parts.length != 2) {
            throw new LabException("toy.start is a point \"x, y\", not '" + v + "'");
        }
        return new double[] {NumberInput.number(parts[0], "toy.start x"), NumberInput.number(parts[1], "toy.start y")};
    }
}
