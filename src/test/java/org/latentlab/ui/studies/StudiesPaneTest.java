package org.latentlab.ui.studies;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latentlab.ui.common.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studies list: the first study shown at once, a pane built once and kept, selection by id. */
@ExtendWith(ApplicationExtension.class)
class StudiesPaneTest {

    private final AtomicInteger builtA = new AtomicInteger();
    private final AtomicInteger builtB = new AtomicInteger();
    private FxTaskRunner runner;

    @Start
    void start(Stage stage) {
        runner = new FxTaskRunner("test-studies", m -> { });
        List<Study> studies = List.of(
                new Study("first-one", "First", "shows A", c -> {
                    builtA.incrementAndGet();
                    return new Label("pane A");
                }),
                new Study("second", "Second", "shows B", c -> {
                    builtB.incrementAndGet();
                    assertNotNull(c.runner());
                    return new Label("pane B");
                }));
        StudiesPane pane = new StudiesPane(new StudyContext(stage, runner, Path.of("runs")), studies);
        stage.setScene(new Scene(pane, 900, 600));
        stage.show();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void buildsEachPaneOnceAndSelectsById(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("pane A", ((Label) robot.lookup("#study-pane-first-one").query()).getText());
        assertEquals(0, builtB.get(), "a study's pane is built only when it is first shown");
        StudiesPane pane = robot.lookup("#studies").queryAs(StudiesPane.class);
        robot.interact(() -> assertTrue(pane.select("second")));
        assertEquals("pane B", ((Label) robot.lookup("#study-pane-second").query()).getText());
        robot.interact(() -> assertTrue(pane.select("first-one")));
        robot.interact(() -> assertTrue(pane.select("second")));
        assertEquals(1, builtA.get());
        assertEquals(1, builtB.get());
        robot.interact(() -> assertFalse(pane.select("no-such-study")));
        ListView<?> list = robot.lookup("#studies-list").queryAs(ListView.class);
        assertEquals(2, list.getItems().size());
        javafx.scene.Node paneB = robot.lookup("#study-pane-second").query();
        robot.clickOn("#study-first-one");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(paneB.getScene(), "the other study's pane leaves the window");
        assertNotNull(robot.lookup("#study-pane-first-one").query().getScene());
    }

    @Test
    void studyIdsAndTextsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Study("Bad Id", "t", "s", c -> null));
        assertThrows(IllegalArgumentException.class, () -> new Study("ok", " ", "s", c -> null));
        Set<String> ids = new java.util.HashSet<>();
        for (Study s : Studies.all()) {
            assertTrue(ids.add(s.id()), "two studies named " + s.id());
            assertEquals(s, Studies.find(s.id().toUpperCase()).orElseThrow());
        }
    }
}
