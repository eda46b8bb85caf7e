package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.latentlab.analysis.deeplinear.DeepLinearSpectra;

import java.util.List;
import java.util.Locale;

/**
 * The deep linear network lecture: L(w) = (1 − w₁…w_d)² over two chosen weights with the others held fixed, and the
 * Hessian's eigenvalues at the origin, at a balanced global minimum and at a saddle with two zero weights, in closed
 * form and checked against the closed-form matrix and finite differences; below, the closed form at every depth.
 */
public final class DeepLinearPane extends BorderPane {

    private final DeepLinearViewModel model;
    private final DeepLinearCanvas canvas = new DeepLinearCanvas();
    private final GridPane spectra = new GridPane();
    private final GridPane depths = new GridPane();

    public DeepLinearPane(StudyContext context) {
        this(new DeepLinearViewModel());
    }

    DeepLinearPane(DeepLinearViewModel model) {
        this.model = model;
        setId("deep-linear-pane");
        Spinner<Integer> depth = new Spinner<>(2, DeepLinearViewModel.MAX_DEPTH, model.depth().get());
        depth.setId("deep-linear-depth");
        depth.valueProperty().addListener((o, a, b) -> model.depth().set(b));
        Spinner<Integer> first = new Spinner<>(1, DeepLinearViewModel.MAX_DEPTH, model.first().get());
        first.setId("deep-linear-first");
        first.valueProperty().addListener((o, a, b) -> model.first().set(b));
        Spinner<Integer> second = new Spinner<>(1, DeepLinearViewModel.MAX_DEPTH, model.second().get());
        second.setId("deep-linear-second");
        second.valueProperty().addListener((o, a, b) -> model.second().set(b));
        for (Spinner<Integer> s : List.of(depth, first, second)) {
            s.setPrefWidth(70);
        }
        Slider others = new Slider(0, 1.5, model.others().get());
        others.setId("deep-linear-others");
        others.valueProperty().bindBidirectional(model.others());
        others.setPrefWidth(160);
        Label othersValue = new Label();
        othersValue.textProperty().bind(model.others().asString(Locale.ROOT, "%.2f"));
        HBox top = new HBox(8, new Label("depth d"), depth, new Label("weights"), first, second,
                new Label("the others at"), others, othersValue);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        Label message = new Label();
        message.setId("deep-linear-message");
        message.textProperty().bind(model.message());
        Label legend = new Label("dark: low loss; green: the valley of global minima; red: the two weights at 0, a saddle");
        VBox left = new VBox(4, canvas, message, legend);
        left.setPadding(new Insets(4));
        VBox.setVgrow(canvas, Priority.ALWAYS);
        spectra.setId("deep-linear-spectra");
        depths.setId("deep-linear-depths");
        for (GridPane g : List.of(spectra, depths)) {
            g.setHgap(12);
            g.setVgap(3);
        }
        Label intro = new Label("A network of d scalar weights in a chain, fitting 1: L(w) = (1 − w₁w₂…w_d)²."
                + " Every local minimum is global (Kawaguchi 2016), yet depth changes the landscape: at the origin"
                + " the Hessian is [[0, −2], [−2, 0]] for d = 2 (eigenvalues ±2, a strict saddle) but exactly 0 for"
                + " d ≥ 3, where every second derivative still multiplies a zero weight: a flat plateau that"
                + " gradient descent leaves slowly (Saxe et al. 2014). At a global minimum the Hessian 2ggᵀ has"
                + " one eigenvalue 2Σᵢ(1/wᵢ)² and d − 1 zeros, the directions that rescale the weights and keep"
                + " their product. Two zero weights and the others at 1 make a strict saddle again: ±2.");
        intro.setWrapText(true);
        intro.setMaxWidth(560);
        Label title = new Label("Hessian eigenvalues (closed form; max error against the closed-form matrix and"
                + " finite differences)");
        title.setWrapText(true);
        title.setMaxWidth(560);
        title.setStyle("-fx-font-weight: bold");
        Label title2 = new Label("Closed form at every depth");
        title2.setStyle("-fx-font-weight: bold");
        VBox right = new VBox(8, intro, title, spectra, title2, depths);
        right.setPadding(new Insets(6));
        right.setPrefWidth(580);
        setCenter(left);
        setRight(right);
        model.slice().addListener((o, a, s) -> canvas.show(s));
        model.spectra().addListener((o, a, rows) -> showSpectra(rows));
        model.depth().addListener((o, a, d) -> showDepths(d.intValue()));
        canvas.show(model.slice().get());
        showSpectra(model.spectra().get());
        showDepths(model.depth().get());
    }

    private void showSpectra(List<DeepLinearSpectra.Row> rows) {
        spectra.getChildren().clear();
        String[] heads = {"point", "w", "eigenvalues", "max error"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.setStyle("-fx-font-weight: bold");
            spectra.add(h, col, 0);
        }
        int row = 1;
        for (DeepLinearSpectra.Row r : rows) {
            StringBuilder w = new StringBuilder();
            for (double v : r.point().weights()) {
                w.append(w.length() > 0 ? " " : "").append(DeepLinearSpectra.number(v));
            }
            spectra.add(new Label(r.point().name()), 0, row);
            spectra.add(new Label(w.toString()), 1, row);
            Label e = new Label(r.summary());
            e.setId("deep-linear-eigenvalues-" + r.point().name());
            spectra.add(e, 2, row);
            spectra.add(new Label(String.format(Locale.ROOT, "%.0e", r.maxError())), 3, row);
            row++;
        }
    }

    private void showDepths(int maxDepth) {
        depths.getChildren().clear();
        String[] heads = {"d", "origin", "minimum", "saddle w₁ = w₂ = 0"};
        for (int col = 0; col < heads.length; col++) {
            Label h = new Label(heads[col]);
            h.setStyle("-fx-font-weight: bold");
            depths.add(h, col, 0);
        }
        int row = 1;
        for (String[] cells : DeepLinearSpectra.depthRows(maxDepth, 1)) {
            for (int col = 0; col < cells.length; col++) {
                depths.add(new Label(cells[col]), col, row);
            }
            row++;
        }
    }

    /** For tests: the pane's view model. */
    DeepLinearViewModel model() {
        return model;
    }
}
