package org.latentlab.cli;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.LabException;
import org.latentlab.experiment.ClassifierSpec;
import org.latentlab.experiment.ExperimentFiles;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.experiment.Presets;
import org.latentlab.experiment.ReconstructionExperiment;
import org.latentlab.experiment.SbnExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** Lists the bundled experiments, prints one as JSON, or writes one to a file to edit. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the bundled experiments; with a name, print its JSON (or --write it to a file).")
final class PresetsCommand implements Runnable {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "a preset to print as JSON")
    String name;

    @Option(names = "--write", paramLabel = "FILE", description = "write the preset to FILE instead of printing it")
    Path write;

    @Option(names = "--force", description = "with --write: replace FILE if it exists")
    boolean force;

    @Override
    public void run() {
        if (write != null && name == null) {
            throw new LabException("--write needs a preset NAME: latentlab presets NAME --write FILE");
        }
        OptionChecks.mayWrite(write, force, "--write");
        if (name != null && Presets.classifiers().contains(name)) {
            if (write != null) {
                AtomicFiles.writeString(write, ExperimentFiles.toJson(Presets.loadClassifier(name)));
                System.out.println("wrote " + write);
            } else {
                System.out.println(Presets.text(name).strip());
            }
            return;
        }
        if (name != null && Presets.onModelBench(name)) {
            if (write != null) {
                ExperimentFiles.write(Presets.loadModel(name), write);
                System.out.println("wrote " + write);
            } else {
                System.out.println(Presets.text(name).strip());
            }
            return;
        }
        if (name != null) {
            GanExperiment spec = Presets.loadGan(name);
            if (write != null) {
                ExperimentFiles.write(spec, write);
                System.out.println("wrote " + write);
            } else {
                System.out.println(ExperimentFiles.toJson(spec));
            }
            return;
        }
        System.out.printf("%-20s %-14s %-14s %9s  %s%n", "preset", "data", "loss", "iters", "description");
        for (GanExperiment s : Presets.allGans()) {
            System.out.printf("%-20s %-14s %-14s %9d  %s%n", s.name(), s.dataset().toString().replace("toy:", "")
                    .replace("images:", ""), s.training().loss().id(), s.iterations(), s.description());
        }
        System.out.printf("%n%-26s %-8s %-12s %9s  %s%n", "preset", "data", "family", "iters", "description");
        for (ReconstructionExperiment s : Presets.allReconstructions()) {
            System.out.printf("%-26s %-8s %-12s %9d  %s%n", s.name(), s.dataset().toString().replace("toy:", "")
                    .replace("images:", ""), s.family().id(), s.iterations(), s.description());
        }
        for (String n : Presets.sbns()) {
            SbnExperiment s = Presets.loadSbn(n);
            System.out.printf("%-26s %-8s %-12s %9d  %s%n", s.name(), s.dataset().toString().replace("images:", ""),
                    s.family().id(), s.iterations(), s.description());
        }
        for (String n : Presets.cyclegans()) {
            org.latentlab.experiment.Experiment<?> c = Presets.load(n);
            if (c instanceof org.latentlab.experiment.CycleGanExperiment s) {
                System.out.printf("%-26s %-8s %-12s %9d  %s%n", s.name(), s.domainA() + " → " + s.domainB(),
                        s.family().id(), s.iterations(), firstSentence(s.description()));
            }
        }
        for (String n : Presets.vaeGans()) {
            org.latentlab.experiment.VaeGanExperiment s = Presets.loadVaeGan(n);
            System.out.printf("%-26s %-8s %-12s %9d  %s%n", s.name(), s.dataset().toString().replace("images:", ""),
                    s.family().id(), s.iterations(), s.description());
        }
        for (String n : Presets.aaes()) {
            org.latentlab.experiment.AaeExperiment s = Presets.loadAae(n);
            System.out.printf("%-26s %-8s %-12s %9d  %s%n", s.name(), s.dataset().toString().replace("images:", ""),
                    s.family().id(), s.iterations(), s.description());
        }
        System.out.printf("%n%-26s %-8s %-12s %9s  %s%n", "classifier", "data", "held out", "iters",
                "description (train NAME puts it in models/, where evaluations of its data find it)");
        for (String n : Presets.classifiers()) {
            ClassifierSpec c = Presets.loadClassifier(n);
            System.out.printf("%-26s %-8s %-12d %9d  %s%n", c.name(), c.dataset().toString().replace("images:", ""),
                    c.heldOut(), c.iterations(), firstSentence(c.description()));
        }
    }

    /** A description up to its first colon or full stop: one short line. */
    private static String firstSentence(String description) {
        int end = description.length();
        for (char stop : new char[] {':', '.'}) {
            int at = description.indexOf(stop);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return description.substring(0, end);
    }
}
