package org.latentlab.ui.builder;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.latentlab.model.edit.LayerNode;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.ModelFamily;
import org.latentlab.model.edit.NetworkCheck;
import org.latentlab.model.edit.Role;
import org.latentlab.model.edit.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How a GAN-zoo design's networks are joined, edited above the canvas: a conditional GAN's number of labels,
 * InfoGAN's codes and the layer its Q head reads, the layer a VAE-GAN measures in, an EBGAN's code layer, whether an
 * adversarial autoencoder's discriminator sees the label. Each change is one undoable edit; hidden for the other
 * families. A line says what the family is.
 */
final class WiringBar extends FlowPane {

    /** The labels of a label-conditioned adversarial autoencoder: one per part of its prior. */
    private static final int AAE_LABELS = 10;

    private final BuilderViewModel vm;
    private boolean filling;

    WiringBar(BuilderViewModel vm) {
        super(8, 4);
        this.vm = vm;
        setId("builder-wiring");
        getStyleClass().add("toolbar-row");
        setAlignment(Pos.CENTER_LEFT);
        vm.designProperty().addListener((o, a, d) -> {
            if (a == null || d.family() != a.family()
                    || !d.graph(firstWiredRole(d)).layerNames().equals(a.graph(firstWiredRole(a)).layerNames())) {
                fill(d);
            } else if (!d.wiring().equals(a.wiring())) {
                show(d.wiring()); // in place: a spinner being clicked keeps its press and focus
            }
        });
        fill(vm.designProperty().get());
    }

    private static Role firstWiredRole(ModelDesign d) {
        return d.family().roles().contains(Role.DISCRIMINATOR) ? Role.DISCRIMINATOR : d.family().roles().get(0);
    }

    private void fill(ModelDesign d) {
        filling = true;
        try {
            getChildren().clear();
            boolean zoo = d.family().isZoo();
            setVisible(zoo);
            setManaged(zoo);
            if (!zoo) {
                return;
            }
            Wiring w = d.wiring();
            Label what = new Label(explain(d.family()));
            what.getStyleClass().add("description");
            what.setId("builder-wiring-about");
            getChildren().add(what);
            switch (d.family()) {
                case CGAN -> spinner("Labels K", "wiring-classes", 2, 1000, w.classes(), "one-hot label values joined"
                        + " to z (G's input) and to x (D's input): the data set's classes", Wiring::withClasses);
                case INFOGAN -> {
                    spinner("Categorical", "wiring-categorical", 2, 1000, w.categorical(), "values of the"
                            + " categorical code, one-hot after the noise in G's input", Wiring::withCategorical);
                    spinner("Continuous", "wiring-continuous", 0, 16, w.continuous(), "continuous codes, each"
                            + " U(−1, 1), after the categorical one", Wiring::withContinuous);
                    layerChoice(d, "Q reads", false, "the layer of D whose activations Q's head reads (D's body"
                            + " ends there)");
                    spinner("Q hidden", "wiring-qhidden", 0, 4096, w.qHidden(), "units of Q's hidden layer (leaky"
                            + " ReLU 0.1); 0: Q is one linear layer", Wiring::withQHidden);
                }
                case VAEGAN -> layerChoice(d, "Measured in", false, "the layer of D whose features measure the"
                        + " reconstruction (Dis_l, Larsen et al. 2016)");
                case EBGAN -> layerChoice(d, "Code layer", true, "the layer of D's autoencoder whose output is the"
                        + " code the pull-away term spreads out (none: no pull-away term)");
                case AAE -> {
                    CheckBox labels = new CheckBox("D sees the label (" + AAE_LABELS + " one-hot values)");
                    labels.setId("wiring-labels");
                    labels.setSelected(w.classes() > 0);
                    labels.setTooltip(new Tooltip("Makhzani et al. 2016, section 2.3: each label's codes are matched"
                            + " to its own part of the prior"));
                    labels.selectedProperty().addListener((o, a, on) -> change(x -> x.withClasses(on ? AAE_LABELS
                            : 0)));
                    getChildren().add(labels);
                }
                default -> {
                }
            }
        } finally {
            filling = false;
        }
    }

    /** Puts the wiring's values into the controls without rebuilding them. */
    @SuppressWarnings("unchecked")
    private void show(Wiring w) {
        filling = true;
        try {
            for (javafx.scene.Node n : getChildren()) {
                String id = n.getId() == null ? "" : n.getId();
                if (n instanceof Spinner<?> sp) {
                    int v = switch (id) {
                        case "wiring-classes" -> w.classes();
                        case "wiring-categorical" -> w.categorical();
                        case "wiring-continuous" -> w.continuous();
                        default -> w.qHidden();
                    };
                    ((Spinner<Integer>) sp).getValueFactory().setValue(v);
                } else if (n instanceof ComboBox<?> c) {
                    ((ComboBox<String>) c).setValue(w.layer());
                } else if (n instanceof CheckBox c) {
                    c.setSelected(w.classes() > 0);
                }
            }
        } finally {
            filling = false;
        }
    }

    static String explain(ModelFamily f) {
        return switch (f) {
            case CGAN -> "Conditional GAN (Mirza and Osindero 2014): the label y joins z in G and x in D.";
            case INFOGAN -> "InfoGAN (Chen et al. 2016): codes c join the noise; Q predicts them from a layer of D.";
            case BIGAN -> "BiGAN (Donahue et al. 2017): E learns beside G; D judges (x, E(x)) against (G(z), z).";
            case EBGAN -> "EBGAN (Zhao et al. 2017): D is an autoencoder; its reconstruction error is the energy.";
            case AAE -> "Adversarial autoencoder (Makhzani et al. 2016): D tells prior samples from the codes.";
            case VAEGAN -> "VAE-GAN (Larsen et al. 2016): a VAE whose reconstruction is measured in D's features.";
            case CYCLEGAN -> "CycleGAN (Zhu et al. 2017): G: A → B and F: B → A share these layers; D_B and D_A"
                    + " too; each has its own weights.";
            default -> "";
        };
    }

    private void spinner(String label, String id, int min, int max, int value, String tip,
                         java.util.function.BiFunction<Wiring, Integer, Wiring> with) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(90);
        s.setTooltip(new Tooltip(tip));
        s.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                change(x -> with.apply(x, v));
            }
        });
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        getChildren().addAll(l, s);
    }

    /** D's hidden layers to pick from (its output is not one: a head reads, a loss measures, a hidden layer). */
    private void layerChoice(ModelDesign d, String label, boolean noneAllowed, String tip) {
        ComboBox<String> c = new ComboBox<>();
        c.setId("wiring-layer");
        List<String> names = new ArrayList<>();
        if (noneAllowed) {
            names.add("");
        }
        String out = NetworkCheck.of(d.graph(Role.DISCRIMINATOR)).outputNode().orElse("");
        for (LayerNode n : d.graph(Role.DISCRIMINATOR).layers()) {
            if (!n.id().equals(out)) {
                names.add(n.name());
            }
        }
        if (!d.wiring().layer().isEmpty() && !names.contains(d.wiring().layer())) {
            names.add(d.wiring().layer()); // a name D no longer has: shown, and flagged in Problems
        }
        c.getItems().setAll(names);
        c.setValue(d.wiring().layer());
        c.setTooltip(new Tooltip(tip));
        c.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "none" : s;
            }

            @Override
            public String fromString(String s) {
                return "none".equals(s) ? "" : s;
            }
        });
        c.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                change(x -> x.withLayer(v));
            }
        });
        Label l = new Label(label);
        l.setTooltip(new Tooltip(tip));
        getChildren().addAll(l, c);
    }

    private void change(UnaryOperator<Wiring> how) {
        if (filling) {
            return;
        }
        ModelDesign d = vm.designProperty().get();
        Wiring next;
        try {
            next = how.apply(d.wiring());
        } catch (IllegalArgumentException e) {
            vm.error(e.getMessage());
            return;
        }
        if (!vm.setWiring(next)) {
            fill(vm.designProperty().get()); // refused: show what the design has
        }
    }
}
