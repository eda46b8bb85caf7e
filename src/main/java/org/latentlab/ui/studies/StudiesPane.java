package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The studies list on the left and the chosen study's pane on the right. A pane is built the first time its study
 * is chosen and kept, so a computation that runs on in it is not lost when another study is looked at.
 */
public final class StudiesPane extends BorderPane {

    private final StudyContext context;
    private final ListView<Study> list = new ListView<>();
    private final BorderPane shown = new BorderPane();
    private final Map<String, Node> built = new HashMap<>();

    public StudiesPane(StudyContext context) {
        this(context, Studies.all());
    }

    public StudiesPane(StudyContext context, List<Study> studies) {
        this.context = context;
        setId("studies");
        list.setId("studies-list");
        list.getItems().setAll(studies);
        list.setPrefWidth(300);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Study s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    setId(null);
                    return;
                }
                Label title = new Label(s.title());
                title.getStyleClass().add("section-title");
                title.setWrapText(true);
                // the list's width less its scroll bar and the cell's padding, so that no line is cut
                title.maxWidthProperty().bind(list.widthProperty().subtract(36));
                Label summary = new Label(s.summary());
                summary.setWrapText(true);
                summary.maxWidthProperty().bind(list.widthProperty().subtract(36));
                VBox box = new VBox(2, title, summary);
                box.setPadding(new Insets(4, 2, 4, 2));
                setGraphic(box);
                setId("study-" + s.id());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> show(s));
        SplitPane split = new SplitPane(list, shown);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(list, false);
        setCenter(split);
        if (!studies.isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** The id of the study shown, or null when none is. */
    public String selectedId() {
        Study s = list.getSelectionModel().getSelectedItem();
        return s == null ? null : s.id();
    }

    /** Shows the study named {@code id}; false when there is none. */
    public boolean select(String id) {
        for (Study s : list.getItems()) {
            if (s.id().equals(id)) {
                list.getSelectionModel().select(s);
                list.scrollTo(s);
                return true;
            }
        }
        return false;
    }

    private void show(Study s) {
        if (s == null) {
            shown.setCenter(null);
            return;
        }
        Node pane = built.computeIfAbsent(s.id(), id -> {
            Node n = s.content().apply(context);
            n.setId("study-pane-" + id);
            return n;
        });
        shown.setCenter(pane);
    }
}
