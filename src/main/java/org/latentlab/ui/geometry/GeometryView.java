package org.latentlab.ui.geometry;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * The geometry bench: the seeds' teaching surfaces with optimiser paths and the second-derivative test, and the
 * Hessian spectrum of a real network's loss. Loss-surface slices and tangent vectors are in the CLI for now
 * ({@code landscape}, {@code tangents}).
 */
public final class GeometryView extends BorderPane {

    private final ToySurfacePanel toy = new ToySurfacePanel();
    private final HessianPanel hessian;

    public GeometryView(Window owner) {
        hessian = new HessianPanel(owner);
        Tab toyTab = new Tab("Toy surfaces", toy);
        toyTab.setId("geometry-toy");
        Tab hessianTab = new Tab("Hessian of a network", hessian);
        hessianTab.setId("geometry-hessian");
        TabPane tabs = new TabPane(toyTab, hessianTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        setCenter(tabs);
    }

    ToySurfacePanel toyPanel() {
        return toy;
    }

    HessianPanel hessianPanel() {
        return hessian;
    }

    /** Test access: runs a toy path from (x, y) as a click would. */
    public void clickToy(double x, double y) {
        toy.runFrom(x, y);
    }
}
