package org.latentlab.ui.geometry;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.latentlab.core.TaskRunner;
import org.latentlab.ui.common.FxTaskRunner;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The geometry bench, one sub-tab per question: the teaching surfaces with optimiser paths and the
 * second-derivative test; the Hessian spectrum of a real network's loss; its loss surface (1-D lines and 2-D slices
 * with the training trajectory); the tangent vectors an autoencoder's encoder sees; and the curvature along
 * training. Networks trained here go into ordinary run folders under {@code runsRoot}. Every section's jobs run
 * one after another on the bench's one {@link TaskRunner}, never on the FX thread; each section has its ViewModel
 * ({@code XxxViewModel}) and its panel, which only lays out and binds.
 */
public final class GeometryView extends BorderPane {

    /** The sub-tabs, by the names the {@code --geometry=} launch argument takes. */
    public enum Section { TOY, HESSIAN, SURFACE, TANGENTS, TRAINING }

    private final ToySurfacePanel toy;
    private final HessianPanel hessian;
    private final LossSurfacePanel surface;
    private final TangentPanel tangents;
    private final AlongTrainingPanel training;
    private final TabPane tabs;

    public GeometryView(Window owner) {
        this(owner, Path.of("runs"));
    }

    public GeometryView(Window owner, Path runsRoot) {
        this(owner, runsRoot, new FxTaskRunner("latentlab-geometry", message -> { }));
    }

    /** The bench with its jobs run by {@code runner} (the window's: an {@link FxTaskRunner}). */
    public GeometryView(Window owner, Path runsRoot, TaskRunner runner) {
        toy = new ToySurfacePanel(new ToySurfaceViewModel(runner));
        hessian = new HessianPanel(owner, new HessianViewModel(runner, runsRoot));
        surface = new LossSurfacePanel(owner, new LossSurfaceViewModel(runner, runsRoot));
        tangents = new TangentPanel(owner, new TangentViewModel(runner, runsRoot));
        training = new AlongTrainingPanel(owner, new AlongTrainingViewModel(runner, runsRoot));
        tabs = new TabPane(tab("Toy surfaces", toy, "geometry-toy"),
                tab("Hessian of a network", hessian, "geometry-hessian"),
                tab("Loss surface", surface, "geometry-surface"),
                tab("Tangent vectors", tangents, "geometry-tangents"),
                tab("Curvature along training", training, "geometry-training"));
        setCenter(tabs);
    }

    /**
     * Adds a last sub-tab (the theory lectures, which the window builds: the bench itself knows nothing of
     * studies); returns it, so that it can be shown.
     */
    public Tab addSection(String title, javafx.scene.Node content, String id) {
        Tab t = tab(title, content, id);
        tabs.getTabs().add(t);
        return t;
    }

    /** Shows a sub-tab added by {@link #addSection}. */
    public void show(Tab t) {
        tabs.getSelectionModel().select(t);
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    /** The section shown, or null while a sub-tab added by {@link #addSection} is. */
    public Section section() {
        int i = tabs.getSelectionModel().getSelectedIndex();
        return i >= 0 && i < Section.values().length ? Section.values()[i] : null;
    }

    /** True when {@code t} (added by {@link #addSection}) is the sub-tab shown. */
    public boolean isShown(Tab t) {
        return t != null && tabs.getSelectionModel().getSelectedItem() == t;
    }

    /** Shows one sub-tab. */
    public void select(Section s) {
        tabs.getSelectionModel().select(s.ordinal());
    }

    /** The section named {@code toy}, {@code hessian}, {@code surface}, {@code tangents} or {@code training}. */
    public static Section section(String name) {
        try {
            return Section.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--geometry must be toy, hessian, surface, tangents or training, not '"
                    + name + "'");
        }
    }

    /**
     * Opens a run folder in a section and starts its main computation, as a person would with Open run… and the
     * section's first button: the spectrum, a 2-D slice then the 1-D line, the tangents or the curvature along
     * training. For the tangents up to three folders, separated as in a class path ({@code a:b:c} on Linux), go
     * one per column; a single folder goes into every column. For the launch argument {@code --analyse=FOLDER}.
     */
    public void analyse(Section s, String folders) {
        select(s);
        String[] parts = folders.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator));
        Path folder = Path.of(parts[0]);
        switch (s) {
            case SURFACE -> surface.viewModel().openAndScan(folder);
            case TANGENTS -> {
                if (parts.length == 1) {
                    tangents.viewModel().openAll(folder);
                } else {
                    Path[] p = new Path[Math.min(3, parts.length)];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = Path.of(parts[i]);
                    }
                    tangents.viewModel().openColumns(p);
                }
            }
            case TRAINING -> training.viewModel().openAndCompute(folder);
            case HESSIAN -> hessian.viewModel().openAndSpectrum(folder);
            case TOY -> { }
        }
    }

    /** The loss-surface panel's plane: {@code random}, {@code hessian} or {@code pca} (launch argument). */
    public void setSliceDirections(String id) {
        surface.viewModel().directionsProperty().set(
                org.latentlab.experiment.geometry.SliceOptions.Directions.parse(id));
    }

    /**
     * Writes the loss-surface panel's slice, trajectory and line as CSV next to {@code file}, as Export CSV… does
     * after its file dialog; returns the files written.
     */
    public java.util.List<Path> exportSurfaceCsv(Path file) {
        return surface.viewModel().writeCsv(file);
    }

    /** The toy surfaces' choices as paths a lesson (or a settings panel) sets: surface, optimiser, start point. */
    public org.latentlab.ui.common.ValueTarget toyValues() {
        return new ToyValues(toy.viewModel());
    }

    ToySurfacePanel toyPanel() {
        return toy;
    }

    HessianPanel hessianPanel() {
        return hessian;
    }

    LossSurfacePanel surfacePanel() {
        return surface;
    }

    TangentPanel tangentPanel() {
        return tangents;
    }

    AlongTrainingPanel trainingPanel() {
        return training;
    }

    /** Test access: runs a toy path from (x, y) as a click would. */
    public void clickToy(double x, double y) {
        toy.viewModel().runFrom(x, y);
    }
}
