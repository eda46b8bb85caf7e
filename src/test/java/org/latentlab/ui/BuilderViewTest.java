package org.latentlab.ui;

import static org.latentlab.ui.FxWait.waitFor;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.experiment.DesignExperiments;
import org.latentlab.experiment.ExperimentRunner;
import org.latentlab.model.edit.DesignTemplates;
import org.latentlab.model.edit.Diagnostic;
import org.latentlab.model.edit.LayerNode;
import org.latentlab.model.edit.ModelDesign;
import org.latentlab.model.edit.Role;
import org.latentlab.train.Backend;
import org.latentlab.train.RunState;
import org.latentlab.ui.builder.BuilderView;
import org.latentlab.ui.builder.BuilderViewModel;
import org.latentlab.ui.common.FxTaskRunner;
import org.latentlab.ui.gan.GanBenchView;
import org.latentlab.ui.gan.GanBenchViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network builder driven as a person would: layers dragged from the palette and connected, a parameter edited in
 * the property sheet with the shape label following, a shape error made, flagged and undone, the design saved and
 * reopened unchanged; and a design built here trained from the GAN dashboard.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderViewTest {

    @TempDir
    static Path dir;

    private BuilderViewModel vm;
    private GanBenchViewModel training;
    private FxTaskRunner runner;
    private TabPane tabs;
    private Tab ganTab;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Backend.init();
        runner = new FxTaskRunner("test-builder", m -> { });
        vm = new BuilderViewModel(DesignTemplates.get("mlp-gan-2d"), runner);
        training = new GanBenchViewModel(new ExperimentRunner.Options(null, Path.of("."), 20, 40), runner);
        ganTab = new Tab("GAN bench", new GanBenchView(training, stage));
        Tab builderTab = new Tab("Network builder", new BuilderView(vm, stage));
        tabs = new TabPane(builderTab, ganTab);
        vm.setTrainer(t -> {
            if (t instanceof DesignExperiments.Gan g) {
                training.loadSpec(g.spec().withIterations(40));
                tabs.getSelectionModel().select(ganTab);
            }
        });
        Scene scene = new Scene(tabs, 1440, 900);
        scene.getStylesheets().add(LabApp.class.getResource("lab.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // a test that narrows the window does not narrow the next one's
        stage.show();
    }

    @AfterEach
    void close() {
        training.close();
        runner.close();
    }


    private ModelDesign design() {
        return vm.designProperty().get();
    }

    private Set<String> layerIds(Role role) {
        return design().graph(role).layers().stream().map(LayerNode::id).collect(Collectors.toSet());
    }

    private Node nodeView(FxRobot robot, String nodeId) {
        return robot.lookup(".builder-node").match(n -> nodeId.equals(n.getProperties().get("nodeId"))).query();
    }

    private Point2D centre(FxRobot robot, String nodeId) {
        Node n = nodeView(robot, nodeId);
        var b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private Point2D outPort(FxRobot robot, String nodeId) {
        Node port = nodeView(robot, nodeId).lookup(".out-port");
        var b = port.localToScreen(port.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private String shapeLabel(FxRobot robot, String nodeId) {
        var found = robot.lookup(".builder-node").match(n -> nodeId.equals(n.getProperties().get("nodeId")))
                .tryQuery();
        if (found.isEmpty()) {
            return "(no node " + nodeId + " on the canvas; message: " + vm.messageProperty().get() + ")";
        }
        return ((Label) found.get().lookup(".node-shape")).getText();
    }

    @Test
    void dragConnectEditBreakUndoSaveAndReopen(FxRobot robot) throws Exception {
        Node canvas = robot.lookup("#builder-canvas").query();
        var cb = canvas.localToScreen(canvas.getBoundsInLocal());
        robot.interact(() -> vm.targetProperty().set(Role.DISCRIMINATOR));
        ModelDesign start = design();
        Set<String> before = layerIds(Role.DISCRIMINATOR);

        // two dense layers dragged from the palette into an empty part of the canvas, below the discriminator
        robot.drag("#palette-dense", MouseButton.PRIMARY).moveTo(new Point2D(cb.getMinX() + 120, cb.getMaxY() - 60))
                .release(MouseButton.PRIMARY);
        waitFor("the first layer", () -> layerIds(Role.DISCRIMINATOR).size() == before.size() + 1);
        String first = layerIds(Role.DISCRIMINATOR).stream().filter(id -> !before.contains(id)).findFirst()
                .orElseThrow();
        robot.drag("#palette-dense", MouseButton.PRIMARY).moveTo(new Point2D(cb.getMinX() + 360, cb.getMaxY() - 60))
                .release(MouseButton.PRIMARY);
        waitFor("the second layer", () -> layerIds(Role.DISCRIMINATOR).size() == before.size() + 2);
        String second = layerIds(Role.DISCRIMINATOR).stream().filter(id -> !before.contains(id) && !id.equals(first))
                .findFirst().orElseThrow();
        assertTrue(shapeLabel(robot, second).contains("?"), "an unconnected layer has no shape yet");

        // connect D's head to the first and the first to the second, by dragging from output ports
        String head = design().graph(Role.DISCRIMINATOR).layers().stream()
                .filter(n -> n.name().equals("d_out")).findFirst().orElseThrow().id();
        robot.drag(outPort(robot, head), MouseButton.PRIMARY).moveTo(centre(robot, first))
                .release(MouseButton.PRIMARY);
        waitFor("the first connection", () -> design().graph(Role.DISCRIMINATOR).edges().stream()
                .anyMatch(e -> e.from().equals(head) && e.to().equals(first)));
        robot.drag(outPort(robot, first), MouseButton.PRIMARY).moveTo(centre(robot, second))
                .release(MouseButton.PRIMARY);
        waitFor("the second connection", () -> design().graph(Role.DISCRIMINATOR).edges().stream()
                .anyMatch(e -> e.from().equals(first) && e.to().equals(second)));
        assertEquals("→ 64", shapeLabel(robot, second));

        // edit units of the second layer in the property sheet: its shape label follows
        robot.clickOn(centre(robot, second));
        waitFor("the sheet of the layer", () -> robot.lookup("#prop-units").tryQuery().isPresent());
        javafx.scene.control.TextField units = robot.lookup("#prop-units").queryAs(
                javafx.scene.control.TextField.class);
        robot.clickOn(units);
        String focus = String.valueOf(units.getScene().getFocusOwner()) + " at " + units.localToScreen(
                units.getBoundsInLocal()) + " canvas " + cb;
        assertTrue(units.isFocused(), focus);
        robot.interact(units::selectAll);
        robot.write("1").type(KeyCode.ENTER);
        try {
            waitFor("the new shape", () -> shapeLabel(robot, second).equals("→ 1"));
        } catch (AssertionError e) {
            throw new AssertionError(shapeLabel(robot, second) + "; field '" + units.getText() + "'; message: "
                    + vm.messageProperty().get(), e);
        }

        // a shape error: D's input becomes a 1x28x28 image, which its first dense layer cannot take
        int edits = vm.history().undoCount();
        robot.clickOn(centre(robot, "discriminator"));
        waitFor("the sheet of the input", () -> robot.lookup("#prop-input-shape").tryQuery().isPresent());
        javafx.scene.control.TextField shape = robot.lookup("#prop-input-shape").queryAs(
                javafx.scene.control.TextField.class);
        robot.clickOn(shape);
        robot.interact(shape::selectAll);
        robot.write("1x28x28").type(KeyCode.ENTER);
        waitFor("the input shape edit", () -> vm.history().undoCount() == edits + 1);
        String d1 = design().graph(Role.DISCRIMINATOR).layers().stream().filter(n -> n.name().equals("d1"))
                .findFirst().orElseThrow().id();
        waitFor("d1 marked", () -> nodeView(robot, d1).getStyleClass().contains("node-error"));
        ListView<Diagnostic> problems = robot.lookup("#builder-problems").queryListView();
        assertTrue(problems.getItems().stream().anyMatch(d -> d.message().contains("add a Flatten")),
                problems.getItems().toString());
        assertTrue(shapeLabel(robot, d1).contains("?"));

        // undo it with the keyboard
        robot.clickOn(canvas);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("the error undone", () -> !nodeView(robot, d1).getStyleClass().contains("node-error"));
        assertFalse(problems.getItems().stream().anyMatch(d -> d.message().contains("add a Flatten")));
        assertEquals("→ 128", shapeLabel(robot, d1));

        // save, reopen in a fresh builder: the same design, node for node
        Path file = dir.resolve("edited.json");
        ModelDesign edited = design();
        assertFalse(edited.equals(start));
        robot.interact(() -> assertTrue(vm.save(file)));
        BuilderViewModel reopened = new BuilderViewModel(new org.latentlab.core.DirectTaskRunner());
        robot.interact(() -> assertTrue(reopened.open(file), reopened.messageProperty().get()));
        ModelDesign back = reopened.designProperty().get();
        // the same networks, layer for layer, at the same places (a file names nodes by role and layer name)
        assertEquals(org.latentlab.model.edit.DesignFiles.toJson(edited),
                org.latentlab.model.edit.DesignFiles.toJson(back));
        for (Role r : edited.family().roles()) {
            assertEquals(edited.graph(r).toSpec(), back.graph(r).toSpec(), r + " after saving and reopening");
        }

        // and undoing every edit returns the template exactly
        robot.interact(() -> {
            while (vm.history().canUndo()) {
                vm.undo();
            }
        });
        assertEquals(start, design());
    }

    @Test
    void aDesignBuiltHereTrainsFromTheDashboard(FxRobot robot) {
        // shrink the template's hidden layers to 16 units: a tiny GAN
        for (String name : List.of("g1", "g2", "d1", "d2")) {
            Role role = name.startsWith("g") ? Role.GENERATOR : Role.DISCRIMINATOR;
            String id = design().graph(role).layers().stream().filter(n -> n.name().equals(name)).findFirst()
                    .orElseThrow().id();
            robot.interact(() -> assertTrue(vm.setProperty(id, "units", 16), vm.messageProperty().get()));
        }
        robot.clickOn("#builder-train");
        waitFor("the GAN bench to load the design", () -> training.specProperty().get() != null
                && training.specProperty().get().generator().layers().get(0).toString().contains("16")
                && training.stateProperty().get() == RunState.READY);
        assertEquals(ganTab, tabs.getSelectionModel().getSelectedItem());
        Button start = robot.lookup("#startButton").queryButton();
        waitFor("start enabled", () -> !start.isDisabled());
        robot.clickOn(start);
        waitFor("the run to finish", () -> training.stateProperty().get() == RunState.FINISHED);
        var status = training.statusProperty().get();
        assertEquals(40, status.iteration());
        assertTrue(Double.isFinite(status.discriminatorLoss()) && Double.isFinite(status.generatorLoss()), status.toString());
    }

    @Test
    void deletingTheDcganReshapeIsFlaggedAndUndone(FxRobot robot) throws Exception {
        robot.clickOn("#builder-template").clickOn("DCGAN, 28x28 images");
        waitFor("the DCGAN on the canvas", () -> design().name().equals("dcgan-28"));
        Shots.take(robot, stage, "builder-dcgan.png");
        robot.clickOn("Parameters · memory · FLOPs");
        Label total = robot.lookup("#builder-total").queryAs(Label.class);
        // G 100 -> 1568 (+BN, deconvs) and D: the totals equal DL4J's parameter counts (CostEstimateTest)
        assertTrue(total.getText().contains("parameters"), total.getText());
        Shots.take(robot, stage, "builder-costs.png");
        robot.clickOn("Problems (none)");
        String reshape = design().graph(Role.GENERATOR).layers().stream()
                .filter(n -> n.name().equals("g_reshape")).findFirst().orElseThrow().id();
        String up1 = design().graph(Role.GENERATOR).layers().stream()
                .filter(n -> n.name().equals("g_up1")).findFirst().orElseThrow().id();
        String relu0 = design().graph(Role.GENERATOR).layers().stream()
                .filter(n -> n.name().equals("g_relu0")).findFirst().orElseThrow().id();
        robot.clickOn(centre(robot, reshape));
        robot.type(KeyCode.DELETE);
        waitFor("the reshape deleted", () -> !design().nodeIds().contains(reshape));
        // reconnect the chain around the gap: now a transposed convolution receives a vector
        robot.drag(outPort(robot, relu0), MouseButton.PRIMARY).moveTo(centre(robot, up1))
                .release(MouseButton.PRIMARY);
        waitFor("the chain reconnected", () -> design().graph(Role.GENERATOR).edges().stream()
                .anyMatch(e -> e.from().equals(relu0) && e.to().equals(up1)));
        waitFor("g_up1 flagged", () -> nodeView(robot, up1).getStyleClass().contains("node-error"));
        ListView<Diagnostic> problems = robot.lookup("#builder-problems").queryListView();
        Diagnostic d = problems.getItems().stream().filter(x -> x.nodes().contains(up1)).findFirst().orElseThrow();
        assertTrue(d.message().contains("g_up1") && d.message().contains("add a Reshape"), d.message());
        assertTrue(robot.lookup("#builder-train").queryButton().isVisible());
        robot.interact(() -> problems.getSelectionModel().select(d));
        Shots.take(robot, stage, "builder-error.png");
        // Train refuses a broken design with the reason
        robot.clickOn("#builder-train");
        waitFor("the refusal", () -> vm.messageProperty().get().contains("add a Reshape"));
        // two undos bring the reshape back and the design is clean again
        robot.clickOn(centre(robot, up1));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor("the reshape back", () -> design().nodeIds().contains(reshape));
        assertTrue(vm.checkProperty().get().isValid(), vm.checkProperty().get().diagnostics().toString());
    }

    @Test
    void aMalformedFileIsRefusedWithItsPlaceAndTheCanvasKeepsItsDesign(FxRobot robot) throws Exception {
        Path bad = dir.resolve("hand-edited.json");
        String json = org.latentlab.model.edit.DesignFiles.toJson(design())
                .replaceFirst("\"units\" : 128", "\"units\" : -3");
        java.nio.file.Files.writeString(bad, json);
        ModelDesign before = design();
        int edits = vm.history().undoCount();
        boolean[] opened = {true};
        robot.interact(() -> opened[0] = vm.open(bad));
        assertFalse(opened[0]);
        String message = vm.messageProperty().get();
        assertTrue(message.contains("hand-edited.json") && message.contains("layers[0]") && message.contains("-3"),
                message);
        assertTrue(vm.messageIsErrorProperty().get());
        assertEquals(before, design(), "the canvas keeps what it had");
        assertEquals(edits, vm.history().undoCount());
        Label shown = robot.lookup("#builder-message").queryAs(Label.class);
        assertEquals(message, shown.getText());
    }

    @Test
    void aLongUndoLabelSqueezesNoOtherButton(FxRobot robot) {
        String id = design().graph(Role.DISCRIMINATOR).layers().stream().filter(n -> n.name().equals("d1"))
                .findFirst().orElseThrow().id();
        String longName = "discriminator_first_hidden_layer_with_a_very_long_descriptive_name";
        robot.interact(() -> assertTrue(vm.setProperty(id, "name", longName), vm.messageProperty().get()));
        for (double width : new double[] {1440, 1000}) {
            robot.interact(() -> stage.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            Button undo = robot.lookup("#builder-undo").queryButton();
            assertTrue(undo.getText().contains(longName), undo.getText());
            assertTrue(undo.getTooltip().getText().contains(longName), "the whole label in the tooltip");
            javafx.scene.layout.Pane toolbar = robot.lookup("#builder-toolbar").query();
            double sceneWidth = toolbar.getScene().getWidth();
            for (Node n : toolbar.getChildren()) {
                if (!(n instanceof Button b)) {
                    continue;
                }
                var bounds = b.localToScene(b.getBoundsInLocal());
                assertTrue(bounds.getMaxX() <= sceneWidth + 0.5, b.getText() + " is off the window at " + width);
                if (b == undo || "builder-redo".equals(b.getId())) {
                    continue;
                }
                javafx.scene.text.Text shown = (javafx.scene.text.Text) b.lookup(".text");
                assertEquals(b.getText(), shown.getText(), "a toolbar button shows its whole label at " + width);
            }
        }
    }

    @Test
    void aFittedTemplateKeepsItsTextReadableAndFitShowsAll(FxRobot robot) {
        javafx.scene.control.ComboBox<DesignTemplates.Template> templates =
                robot.lookup("#builder-template").queryComboBox();
        robot.interact(() -> templates.setValue(DesignTemplates.get("dcgan-28")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        Label type = robot.lookup(".node-type").queryAs(Label.class);
        double size = renderedSize(type);
        assertTrue(size >= 8, "node text after fitting a template: " + size + " px");
        Node canvas = robot.lookup("#builder-canvas").query();
        var canvasBounds = canvas.localToScene(canvas.getBoundsInLocal());
        boolean allInView = robot.lookup(".builder-node").queryAll().stream()
                .allMatch(n -> canvasBounds.contains(n.localToScene(n.getBoundsInLocal())));
        assertEquals(!allInView, robot.lookup("#builder-canvas-hint").tryQuery().isPresent(),
                "the hint says when part of the design is outside");
        robot.clickOn("#builder-fit");
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup(".builder-node").queryAll()) {
            assertTrue(canvasBounds.contains(n.localToScene(n.getBoundsInLocal())), "Fit shows every node");
        }
        assertFalse(robot.lookup("#builder-canvas-hint").tryQuery().isPresent());
    }

    /** The height on screen of a label's font, in pixels (its size times the canvas zoom). */
    private static double renderedSize(Label label) {
        Point2D a = label.localToScene(0, 0);
        Point2D b = label.localToScene(0, 100);
        return label.getFont().getSize() * a.distance(b) / 100;
    }

}
