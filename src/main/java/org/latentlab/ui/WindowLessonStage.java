package org.latentlab.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.latentlab.core.LabException;
import org.latentlab.experiment.Presets;
import org.latentlab.train.GanStatus;
import org.latentlab.train.RunState;
import org.latentlab.ui.common.ValueTarget;
import org.latentlab.ui.gan.GanBenchValues;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.latentlab.ui.geometry.GeometryView;
import org.latentlab.ui.lessons.LessonAction;
import org.latentlab.ui.lessons.LessonStage;
import org.latentlab.ui.reconstruction.ReconstructionBenchView;
import org.latentlab.ui.reconstruction.ReconstructionBenchViewModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The window as lessons drive it: tabs and views shown through the benches' own methods, presets loaded as the preset
 * lists load them (asking first when that loses progress), values set through each bench's {@link ValueTarget}, runs
 * started, paused, or run to an iteration and paused at the first status at or past it. Nothing blocks: waiting for a
 * preset to load or a run to reach its iteration is a listener, dropped by the next action.
 */
final class WindowLessonStage implements LessonStage {

    /** The benches a lesson reaches. */
    record Benches(TabPane tabs, Map<String, Tab> tabsById, GanBenchView ganView, GanBenchViewModel gan,
                   ReconstructionBenchView modelView, ReconstructionBenchViewModel models, GeometryView geometry,
                   java.util.function.Predicate<String> showLecture,
                   java.util.function.Consumer<String> showTemplate) {
    }

    private enum Bench { GAN, MODELS }

    private final Benches b;
    /** Value targets by their paths' first part ({@code gan.}, {@code toy.}). */
    private final Map<String, ValueTarget> values = new LinkedHashMap<>();
    /** Undoes the listeners the current action still waits with. */
    private final List<Runnable> waits = new ArrayList<>();
    private Bench lastBench = Bench.GAN;

    WindowLessonStage(Benches benches) {
        this.b = benches;
        values.put("gan", new GanBenchValues(benches.gan()));
        values.put("toy", benches.geometry().toyValues());
    }

    @Override
    public void cancel() {
        new ArrayList<>(waits).forEach(Runnable::run);
        waits.clear();
    }

    @Override
    public void perform(LessonAction a, Consumer<Outcome> report) {
        cancel();
        try {
            if (a.tab() != null) {
                b.tabs().getSelectionModel().select(b.tabsById().get(a.tab()));
                showView(a.tab(), a.view());
            }
            if (a.study() != null) {
                if (b.showLecture().test(a.study())) {
                    b.tabs().getSelectionModel().select(b.tabsById().get("geometry"));
                } else if (b.modelView().showStudy(a.study())) {
                    b.tabs().getSelectionModel().select(b.tabsById().get("models"));
                } else {
                    report.accept(Outcome.failed("cannot show study '" + a.study() + "': the lab has none"));
                    return;
                }
            }
            if (a.template() != null) {
                b.tabs().getSelectionModel().select(b.tabsById().get("builder"));
                b.showTemplate().accept(a.template());
            }
            if (a.preset() != null) {
                load(a, report);
            } else {
                afterLoad(a, report);
            }
        } catch (LabException | IllegalArgumentException e) {
            report.accept(Outcome.failed("cannot do it: " + e.getMessage()));
        }
    }

    private void showView(String tab, String view) {
        if (view == null) {
            return;
        }
        switch (tab) {
            case "gan" -> {
                if (view.equals("compare")) {
                    b.ganView().showCompare();
                } else {
                    b.ganView().showRun();
                }
            }
            case "models" -> b.modelView().showPage(view);
            case "geometry" -> b.geometry().select(GeometryView.section(view));
            default -> { }
        }
    }

    /** Loads the preset on its bench (asking first when that loses progress), then goes on once it is ready. */
    private void load(LessonAction a, Consumer<Outcome> report) {
        String name = a.preset();
        if (Presets.gans().contains(name)) {
            lastBench = Bench.GAN;
            b.ganView().loadSpec(Presets.loadGan(name), () -> {
                b.tabs().getSelectionModel().select(b.tabsById().get("gan"));
                b.ganView().showRun();
                // the new run's first status is READY at iteration 0: then it takes settings and commands
                waitFor(b.gan().statusProperty(), s -> s != null && s.state() == RunState.READY,
                        () -> afterLoad(a, report));
            });
        } else {
            lastBench = Bench.MODELS;
            b.modelView().loadSpec(Presets.loadReconstruction(name), () -> {
                b.tabs().getSelectionModel().select(b.tabsById().get("models"));
                b.modelView().showPage("training");
                waitFor(b.models().runStateProperty(), s -> s == RunState.READY, () -> afterLoad(a, report));
            });
        }
    }

    private void afterLoad(LessonAction a, Consumer<Outcome> report) {
        Map<String, Map<String, String>> byTarget = new LinkedHashMap<>();
        a.set().forEach((path, v) -> byTarget.computeIfAbsent(path.substring(0, Math.max(0, path.indexOf('.'))),
                k -> new LinkedHashMap<>()).put(path, v));
        for (Map.Entry<String, Map<String, String>> e : byTarget.entrySet()) {
            ValueTarget target = values.get(e.getKey());
            String problem = target == null ? "nothing takes " + e.getValue().keySet() : target.set(e.getValue());
            if (problem != null) {
                report.accept(Outcome.failed("cannot set " + String.join(", ", e.getValue().keySet()) + ": "
                        + problem));
                return;
            }
        }
        if (a.run() == null) {
            report.accept(Outcome.done("done: " + a));
            return;
        }
        long to = a.runTo();
        if (lastBench == Bench.GAN) {
            runGan(a.run(), to, report);
        } else {
            runModels(a.run(), to, report);
        }
    }

    private void runGan(String run, long to, Consumer<Outcome> report) {
        GanBenchViewModel gan = b.gan();
        if (run.equals("pause")) {
            gan.pause();
            report.accept(Outcome.done("paused"));
            return;
        }
        GanStatus now = gan.statusProperty().get();
        if (to > 0 && now != null && now.iteration() >= to) {
            report.accept(Outcome.done(String.format(Locale.ROOT, "already at iteration %,d (past %,d): Reset to"
                    + " watch it again", now.iteration(), to)));
            return;
        }
        gan.start();
        if (to < 0) {
            report.accept(Outcome.done("training"));
            return;
        }
        report.accept(Outcome.done(String.format(Locale.ROOT, "training to iteration %,d…", to)));
        waitFor(gan.statusProperty(), s -> s != null && (s.iteration() >= to || s.state().isOver()), () -> {
            GanStatus s = gan.statusProperty().get();
            if (s.state().isOver()) {
                report.accept(Outcome.done(String.format(Locale.ROOT, "the run stopped at iteration %,d (%s)",
                        s.iteration(), s.state().name().toLowerCase(Locale.ROOT))));
            } else {
                gan.pause();
                report.accept(Outcome.done(String.format(Locale.ROOT, "paused at iteration %,d", s.iteration())));
            }
        });
    }

    private void runModels(String run, long to, Consumer<Outcome> report) {
        ReconstructionBenchViewModel m = b.models();
        if (run.equals("pause")) {
            m.pause();
            report.accept(Outcome.done("paused"));
            return;
        }
        if (to > 0 && m.last() != null && m.last().progress().iteration() >= to) {
            report.accept(Outcome.done(String.format(Locale.ROOT, "already at iteration %,d (past %,d): Reset to"
                    + " watch it again", m.last().progress().iteration(), to)));
            return;
        }
        m.start();
        if (to < 0) {
            report.accept(Outcome.done("training"));
            return;
        }
        report.accept(Outcome.done(String.format(Locale.ROOT, "training to iteration %,d…", to)));
        waitFor(m.numbersProperty(), n -> m.last() != null && (m.last().progress().iteration() >= to
                || m.last().progress().state().isOver()), () -> {
            long it = m.last().progress().iteration();
            if (m.last().progress().state().isOver()) {
                report.accept(Outcome.done(String.format(Locale.ROOT, "the run stopped at iteration %,d", it)));
            } else {
                m.pause();
                report.accept(Outcome.done(String.format(Locale.ROOT, "paused at iteration %,d", it)));
            }
        });
    }

    /** Runs {@code then} once, at the first change of {@code value} that passes {@code until}. */
    private <T> void waitFor(ObservableValue<T> value, Predicate<T> until, Runnable then) {
        Runnable[] remove = new Runnable[1];
        ChangeListener<T> listener = (o, was, now) -> {
            if (until.test(now)) {
                remove[0].run();
                then.run();
            }
        };
        remove[0] = () -> {
            value.removeListener(listener);
            waits.remove(remove[0]);
        };
        waits.add(remove[0]);
        value.addListener(listener);
    }
}
