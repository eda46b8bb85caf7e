package org.latentlab.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.experiment.AaeExperiment;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.experiment.GanExperiment;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.Role;
import org.latentlab.ui.builder.BuilderView;
import org.latentlab.ui.builder.BuilderViewModel;
import org.latentlab.ui.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.latentlab.ui.FxWait.waitFor;

/**
 * The GAN zoo in the network builder, as a person uses it: a variant's template draws its label inputs, codes, Q
 * head and flows; the wiring bar changes how the networks join (undoably, with the problems it makes shown); Train
 * hands over the variant's experiment.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderZooViewTest {

    private BuilderViewModel vm;
    private BuilderView view;
    private FxTaskRunner runner;
    private final List<DesignExperiments.Trainable> trained = new ArrayList<>();

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-builder-zoo", m -> { });
        vm = new BuilderViewModel(DesignTemplates.get("mlp-gan-2d"), runner);
        vm.setTrainer(trained::add);
        view = new BuilderView(vm, stage);
        Scene scene = new Scene(view, 1440, 900);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private void pick(FxRobot robot, String id) {
        ComboBox<DesignTemplates.Template> templates = robot.lookup("#builder-template").queryComboBox();
        DesignTemplates.Template t = templates.getItems().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + id + " in the list"));
        robot.interact(() -> templates.setValue(t));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ModelDesign design() {
        return vm.designProperty().get();
    }

    @Test
    void aConditionalGanDrawsItsLabelsAndTheBarChangesThemUndoably(FxRobot robot) {
        assertFalse(robot.lookup("#builder-wiring").query().isVisible(), "a plain GAN has no wiring");
        pick(robot, "cgan-28");
        assertTrue(robot.lookup("#builder-wiring").query().isVisible());
        assertTrue(robot.lookup("#builder-wiring-label-g").tryQuery().isPresent(), "the label into G");
        assertTrue(robot.lookup("#builder-wiring-label-d").tryQuery().isPresent(), "the label into D");
        assertFalse(robot.lookup(".wiring-flow").queryAll().isEmpty(), "G(z, y) flows into D");
        ListView<Diagnostic> problems = robot.lookup("#builder-problems").queryListView();
        assertTrue(problems.getItems().stream().noneMatch(Diagnostic::isError), problems.getItems().toString());
        Spinner<Integer> classes = robot.lookup("#wiring-classes").queryAs(Spinner.class);
        robot.interact(() -> classes.getValueFactory().setValue(5));
        waitFor("the labels set", () -> design().wiring().classes() == 5);
        waitFor("D's input flagged", () -> problems.getItems().stream()
                .anyMatch(d -> d.code() == Diagnostic.Code.JOIN_SIZE));
        robot.interact(vm::undo);
        waitFor("the labels back", () -> design().wiring().classes() == 10);
        assertEquals(10, classes.getValue(), "the bar shows the design's labels after undo");
        assertTrue(problems.getItems().stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void infoGansQHeadFollowsTheLayerItReads(FxRobot robot) {
        pick(robot, "infogan-28");
        Label q = robot.lookup("#builder-wiring-q").queryAs(Label.class);
        assertTrue(q.getText().contains("Q head"), q.getText());
        ComboBox<String> layer = robot.lookup("#wiring-layer").queryComboBox();
        String first = design().graph(Role.DISCRIMINATOR).layers().get(0).name();
        robot.interact(() -> layer.setValue(first));
        waitFor("Q on the first layer", () -> design().wiring().layer().equals(first));
        String firstId = design().graph(Role.DISCRIMINATOR).layers().get(0).id();
        Node anchor = robot.lookup(".builder-node").match(n -> firstId.equals(n.getProperties().get("nodeId")))
                .query();
        Label moved = robot.lookup("#builder-wiring-q").queryAs(Label.class);
        assertEquals(anchor.getLayoutX(), moved.getLayoutX(), 1e-9, "the Q head sits under the layer it reads");
    }

    @Test
    void aLessonPutsATemplateOnTheCanvasAgainAfterItWasEdited(FxRobot robot) {
        robot.interact(() -> view.showTemplate("infogan-2d"));
        waitFor("InfoGAN on the canvas", () -> design().family() == org.latentlab.model.edit.ModelFamily.INFOGAN);
        ModelDesign fresh = design();
        robot.interact(() -> vm.setWiring(fresh.wiring().withQHidden(32)));
        waitFor("Q widened", () -> design().wiring().qHidden() == 32);
        robot.interact(() -> view.showTemplate("infogan-2d"));
        waitFor("the template again", () -> design().equals(fresh));
    }

    @Test
    void trainHandsOverEachVariantsExperiment(FxRobot robot) {
        pick(robot, "cgan-2d");
        robot.interact(() -> vm.train());
        waitFor("the conditional GAN handed over", () -> trained.size() == 1);
        GanExperiment cgan = assertInstanceOf(DesignExperiments.Gan.class, trained.get(0)).spec();
        assertEquals(design().wiring().classes(), cgan.conditional().classes());
        pick(robot, "aae");
        robot.interact(() -> vm.train());
        waitFor("the adversarial autoencoder handed over", () -> trained.size() == 2);
        var aae = assertInstanceOf(AaeExperiment.class, assertInstanceOf(DesignExperiments.Model.class,
                trained.get(1)).spec());
        assertEquals(design().graph(Role.ENCODER).layers().size() - 1, aae.aae().hidden().size());
    }
}
