package org.latentlab.ui.lessons;

import org.latentlab.experiment.Presets;
import org.latentlab.ui.gan.GanBenchValues;
import org.latentlab.ui.geometry.ToyValues;
import org.latentlab.ui.studies.Lectures;
import org.latentlab.ui.studies.Studies;
import org.latentlab.ui.studies.Study;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a lesson's actions may use: presets, studies (and theory lectures), and the paths of values the benches
 * take. {@link #lab()} reads them from the lab itself, so a lesson is checked against what the window offers.
 */
public record LessonTargets(List<String> presets, List<String> studies, List<String> values,
                            List<String> templates) {

    /** Without builder templates (a lesson that names one is refused). */
    public LessonTargets(List<String> presets, List<String> studies, List<String> values) {
        this(presets, studies, values, List.of());
    }

    public LessonTargets {
        templates = List.copyOf(templates);
        presets = List.copyOf(presets);
        studies = List.copyOf(studies);
        values = List.copyOf(values);
    }

    /** What this build of the lab offers. */
    public static LessonTargets lab() {
        List<String> presets = new ArrayList<>(Presets.gans());
        presets.addAll(Presets.reconstructions());
        List<String> studies = new ArrayList<>(Studies.all().stream().map(Study::id).toList());
        Lectures.all().forEach(l -> studies.add(l.id()));
        List<String> values = new ArrayList<>(GanBenchValues.known());
        values.addAll(ToyValues.known());
        return new LessonTargets(presets, studies, values, org.latentlab.experiment.DesignExperiments.templates()
                .stream().map(org.latentlab.model.edit.DesignTemplates.Template::id).toList());
    }
}
