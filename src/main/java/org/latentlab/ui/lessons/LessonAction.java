package org.latentlab.ui.lessons;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reaching a step by Next does to the window, every part optional and done in this order: show a tab and one of
 * its views, show a study, put a template on the network builder's canvas, load a preset on its bench (which shows that bench), set values, then start the run or run
 * it to an iteration and pause. Names are checked against the lab by {@link LessonCheck}; here only the shape.
 *
 * @param tab    {@code gan}, {@code models}, {@code latent}, {@code geometry} or {@code builder}
 * @param view   a view of that tab: for {@code geometry} a section ({@code toy}, {@code hessian}, {@code surface},
 *               {@code tangents}, {@code training}); for {@code models} {@code training} or {@code compare}; for
 *               {@code gan} {@code run} (the pictures and charts) or {@code compare}
 * @param study  a study of the autoencoder bench's Studies tab or a theory lecture (shows its tab)
 * @param template a network builder template ({@code cgan-2d}, {@code infogan-28}...), put on the builder's canvas
 *                 (which is shown) as its Template list does
 * @param preset a GAN or autoencoder / VAE / RBM preset, loaded on its bench (asking first when that loses progress)
 * @param set    values to set, path to text, applied together after the preset is on the bench (e.g.
 *               {@code "gan.k": "5"}; {@code "toy.surface": "saddle"})
 * @param run    {@code "start"} (train on), {@code "pause"}, or a whole number N: train and pause at about iteration
 *               N (at the first status at or past it)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LessonAction(String tab, String view, String study, String template, String preset,
                           Map<String, String> set, String run) {

    /** The window's tabs, by the names of its {@code --tab} option. */
    public static final List<String> TABS = List.of("gan", "models", "latent", "geometry", "builder",
            "sweeps");

    /** The views each tab offers to a lesson. */
    public static final Map<String, List<String>> VIEWS = Map.of(
            "gan", List.of("run", "compare"),
            "models", List.of("training", "compare"),
            "geometry", List.of("toy", "hessian", "surface", "tangents", "training"));

    public LessonAction {
        tab = lower(tab);
        view = lower(view);
        study = trim(study);
        template = trim(template);
        preset = trim(preset);
        run = lower(run);
        set = set == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        if (tab != null && !TABS.contains(tab)) {
            throw new IllegalArgumentException("no tab '" + tab + "' (tabs: " + String.join(", ", TABS) + ")");
        }
        if (view != null) {
            if (tab == null) {
                throw new IllegalArgumentException("a view needs its tab (\"tab\": \"geometry\", \"view\": \""
                        + view + "\")");
            }
            List<String> views = VIEWS.getOrDefault(tab, List.of());
            if (!views.contains(view)) {
                throw new IllegalArgumentException("the " + tab + " tab has no view '" + view + "'" + (views.isEmpty()
                        ? " (it has none a lesson can pick)" : " (views: " + String.join(", ", views) + ")"));
            }
        }
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("set: '" + e.getKey() + "' needs a value");
            }
        }
        if (run != null && !run.equals("start") && !run.equals("pause")) {
            long n;
            try {
                n = Long.parseLong(run);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("run is \"start\", \"pause\" or an iteration such as \"2000\", not '"
                        + run + "'");
            }
            if (n < 1) {
                throw new IllegalArgumentException("run to iteration " + n + ": it must be 1 or more");
            }
        }
    }

    /** The iteration to pause at, or -1 when {@link #run} is not a number. */
    @JsonIgnore
    public long runTo() {
        return run == null || run.equals("start") || run.equals("pause") ? -1 : Long.parseLong(run);
    }

    /** True when the action does nothing. */
    @JsonIgnore
    public boolean doesNothing() {
        return tab == null && study == null && template == null && preset == null && set.isEmpty() && run == null;
    }

    /**
     * The parts, as one line: "tab geometry / toy · set toy.surface=saddle"; more than two values read "5 values
     * set".
     */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (tab != null) {
            parts.add("tab " + tab + (view != null ? " / " + view : ""));
        }
        if (study != null) {
            parts.add("study " + study);
        }
        if (template != null) {
            parts.add("template " + template);
        }
        if (preset != null) {
            parts.add("preset " + preset);
        }
        if (set.size() <= 2) {
            set.forEach((k, v) -> parts.add("set " + k + "=" + v));
        } else {
            parts.add(set.size() + " values set");
        }
        if (run != null) {
            parts.add(runTo() > 0 ? "run to " + run : run);
        }
        return String.join(" · ", parts);
    }

    private static String lower(String s) {
        String t = trim(s);
        return t == null ? null : t.toLowerCase(Locale.ROOT);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
