package org.latentlab.ui.geometry;

import org.latentlab.experiment.Family;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentlab.analysis.hessian.ExactHessian;
import org.latentlab.analysis.hessian.HessianSpectrum;
import org.latentlab.analysis.hessian.SpectralDensity;
import org.latentlab.core.LabException;
import org.latentlab.core.TaskRunner;
import org.latentlab.experiment.SavedModel;
import org.latentlab.experiment.geometry.AnalysisInfo;
import org.latentlab.experiment.geometry.GeometryJobs;
import org.latentlab.experiment.geometry.HessianDensity;
import org.latentlab.experiment.geometry.HessianFull;
import org.latentlab.experiment.geometry.HessianTop;
import org.latentlab.experiment.geometry.HessianTrace;
import org.latentlab.experiment.geometry.LossSpec;
import org.latentlab.ui.common.NumberInput;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The Hessian section's state and jobs: the model at a checkpoint, the loss chosen, the top eigenvalues by Lanczos
 * with the trace by Hutchinson, and the spectrum, exact for up to {@link ExactHessian#MAX_PARAMETERS} parameters and
 * otherwise a density by stochastic Lanczos quadrature (PyHessian's methods). The numbers are {@link GeometryJobs}'s,
 * kept beside the checkpoint, and each result is added to the section's results text.
 */
final class HessianViewModel {

    /** The most eigenvalues asked of Lanczos here. */
    static final int MAX_K = 50;

    /** A model opened for analysis, and the parameter count its loss is a function of. */
    record Opened(GeometryJobs jobs, int parameters) {
    }

    /** The top eigenvalues and the trace, computed one after the other. */
    record TopAndTrace(HessianTop top, HessianTrace trace) {
    }

    private final SectionTasks tasks;
    private final ModelSourceViewModel source;
    private final LossChoice loss = new LossChoice(256);
    private final StringProperty topK = new SimpleStringProperty("5");
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<HessianSpectrum> exact = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SpectralDensity> density = new ReadOnlyObjectWrapper<>();
    private GeometryJobs jobs;
    private int parameters;

    HessianViewModel(TaskRunner runner, Path runsRoot) {
        tasks = new SectionTasks(runner);
        source = new ModelSourceViewModel(List.of("ring8-ae-2d", "mnist-ae", "mnist-vae-2d"), 400, 2, runsRoot, tasks,
                this::openRun);
    }

    /** Opens a run or checkpoint folder for analysis. */
    void openRun(Path dir) {
        openRun(dir, null);
    }

    /** Opens the folder, then computes the spectrum (the launch argument's way in). */
    void openAndSpectrum(Path dir) {
        openRun(dir, this::computeSpectrum);
    }

    private void openRun(Path dir, Runnable then) {
        GeometryJobs old = jobs;
        tasks.run("opening " + dir.getFileName(), m -> {
            m.progress(0, "opening " + dir.getFileName());
            if (old != null) {
                old.close();
            }
            GeometryJobs j = GeometryJobs.open(dir);
            return new Opened(j, parameterCount(j.model()));
        }, opened -> {
            jobs = opened.jobs();
            parameters = opened.parameters();
            SavedModel model = jobs.model();
            boolean gan = model.kind() == Family.GAN;
            loss.setGan(gan);
            source.show(model.name() + " (" + model.kind().name().toLowerCase(Locale.ROOT) + "), "
                    + model.checkpoint().getFileName() + " of " + model.runDir().getFileName());
            report.set("Opened " + model + ".\n" + (gan ? "Choose D's or G's loss: the Hessian is taken over that"
                    + " network's parameters, the other one fixed.\n" : ""));
            exact.set(null);
            density.set(null);
            if (then != null) {
                then.run();
            }
        });
    }

    /** The parameters the loss is a function of (the analysed network's for a GAN), to choose exact or density. */
    private static int parameterCount(SavedModel model) {
        return switch (model.kind()) {
            case AUTOENCODER, VAE -> (int) (model.encoder().numParams() + model.decoder().numParams());
            case GAN -> (int) Math.max(model.discriminator().numParams(), model.generator().numParams());
            case RBM -> throw new LabException(model.runDir().getFileName() + " is an RBM run: its energy is not a"
                    + " network loss; open an autoencoder, VAE or GAN run");
            case CYCLEGAN -> throw new LabException(model.runDir().getFileName() + " is a CycleGAN run: open an"
                    + " autoencoder, VAE or GAN run");
            case SBN -> throw new LabException(model.runDir().getFileName() + " is a sigmoid belief net run: its"
                    + " units are binary and stochastic, not a network loss; open an autoencoder, VAE or GAN run");
            case VAEGAN -> throw new LabException(model.runDir().getFileName() + " is a VAE-GAN run: open"
                    + " it as the VAE it holds (SavedModel opens its encoder and decoder)");
            case AAE -> throw new LabException(model.runDir().getFileName() + " is an adversarial autoencoder run: the"
                    + " latent studio opens its decoder; analyse an autoencoder, VAE or GAN run");
        };
    }

    /** The k largest eigenvalues by Lanczos and the trace by Hutchinson, added to the results text. */
    void computeTop() {
        if (!ready()) {
            return;
        }
        int k;
        LossSpec spec;
        try {
            k = NumberInput.wholeNumber(topK.get(), "k", 1, MAX_K);
            spec = loss.spec();
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        tasks.run("top Hessian eigenvalues", m -> new TopAndTrace(j.hessianTop(spec, k, m),
                j.hessianTrace(spec, GeometryJobs.DEFAULT_TRACE_SAMPLES, m)), r -> {
            HessianTop top = r.top();
            StringBuilder b = new StringBuilder(report.get());
            b.append(header(top.info()));
            b.append(String.format(Locale.ROOT, "Top %d eigenvalues (Lanczos, %d products%s, %.1f s):%n", k,
                    top.products(), top.converged() ? "" : ", not all converged", top.info().seconds()));
            for (int i = 0; i < top.size(); i++) {
                b.append(String.format(Locale.ROOT, "  λ%-2d = %s   (residual %.1e)%n", i + 1,
                        fmt(top.eigenvalues()[i]), top.residuals()[i]));
            }
            b.append(r.trace().summary()).append('\n');
            report.set(b.toString());
        });
    }

    /** Every eigenvalue (a small network) or the spectral density (a large one), drawn and added to the results. */
    void computeSpectrum() {
        if (!ready()) {
            return;
        }
        LossSpec spec;
        try {
            spec = loss.spec();
        } catch (LabException e) {
            tasks.say(e.getMessage());
            return;
        }
        GeometryJobs j = jobs;
        if (parameters <= ExactHessian.MAX_PARAMETERS) {
            tasks.run("Hessian spectrum", m -> j.hessianFull(spec, m), this::showExact);
        } else {
            tasks.run("Hessian spectral density", m -> j.hessianDensity(spec, GeometryJobs.DEFAULT_DENSITY_RUNS,
                    GeometryJobs.DEFAULT_DENSITY_STEPS, m), this::showDensity);
        }
    }

    private void showExact(HessianFull f) {
        HessianSpectrum s = f.spectrum();
        density.set(null);
        exact.set(s);
        report.set(report.get() + header(f.info())
                + String.format(Locale.ROOT, "Exact spectrum, %d eigenvalues: min %s, max %s%n", s.size(),
                fmt(s.min()), fmt(s.max()))
                + String.format(Locale.ROOT, "  negative: %.2f %% (λ < −%.0e · max|λ|)%n", 100 * f.negativeFraction(),
                GeometryJobs.NEGATIVE_TOLERANCE)
                + "  trace " + fmt(f.trace()) + '\n');
    }

    private void showDensity(HessianDensity d) {
        exact.set(null);
        density.set(d.quadrature());
        report.set(report.get() + header(d.info()) + d.summary());
    }

    private boolean ready() {
        if (jobs == null) {
            tasks.say("first train a small model here or open a run");
            return false;
        }
        return true;
    }

    private static String header(AnalysisInfo info) {
        return String.format(Locale.ROOT, "%n%s at iteration %d: loss %s on %d examples, %d parameters%n",
                info.objective(), info.iteration(), fmt(info.loss()), info.examples(), info.parameters());
    }

    static String fmt(double v) {
        return Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.4e", v)
                : String.format(Locale.ROOT, "%.5f", v);
    }

    SectionTasks tasks() {
        return tasks;
    }

    ModelSourceViewModel source() {
        return source;
    }

    LossChoice loss() {
        return loss;
    }

    StringProperty topKProperty() {
        return topK;
    }

    ReadOnlyStringProperty reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Every eigenvalue, when the spectrum shown is exact; null otherwise. */
    ReadOnlyObjectProperty<HessianSpectrum> exactProperty() {
        return exact.getReadOnlyProperty();
    }

    /** The density by stochastic Lanczos quadrature, when that is what is shown; null otherwise. */
    ReadOnlyObjectProperty<SpectralDensity> densityProperty() {
        return density.getReadOnlyProperty();
    }

    boolean hasModel() {
        return jobs != null;
    }
}
