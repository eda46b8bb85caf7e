package org.latentlab.ui.gan;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.latentlab.experiment.GanComparisonTable;
import org.latentlab.experiment.KeptGanRun;
import org.latentlab.train.GanView;
import org.latentlab.ui.common.Controls;

import java.util.List;
import java.util.Locale;

/**
 * The GAN bench's Compare tab: the kept runs named once in a legend of their colours, their curves overlaid
 * ({@link GanCompareCharts}), their last 2-D views or sample grids next to each other, and their measurements at the
 * fixed iterations as a table (one group of columns per run, in its colour). Redrawn when a run is kept or let go;
 * it only draws what the {@link GanComparisonViewModel} holds.
 */
final class GanComparePane extends VBox {

    private static final double PICTURE = 230;

    private final GanComparisonViewModel vm;
    private final FlowPane legend = new FlowPane(14, 4);
    private final GanCompareCharts charts = new GanCompareCharts();
    private final HBox pictures = new HBox(12);
    private final TableView<GanComparisonTable.Row> table = new TableView<>();
    private final Label empty = new Label("No kept runs yet. Train a run, press \"Keep for comparison\", load its twin"
            + " with one remedy switched on (or another seed), train and keep it too: the runs overlay here in one"
            + " colour each, and their measurements at 1,000, 2,000, 5,000, … iterations line up in the table.");
    private final SplitPane split;

    GanComparePane(GanComparisonViewModel vm, Runnable exportCsv, Runnable exportCharts) {
        super(4);
        this.vm = vm;
        setId("comparePane");
        Button clear = Controls.idButton("compareClearButton", "Clear", "let every kept run go", vm::clear);
        Button csv = Controls.idButton("compareCsvButton", "Table as CSV…",
                "the kept runs' measurements at the fixed iterations and their last, one row per run and iteration",
                exportCsv);
        Button png = Controls.idButton("compareChartsButton", "Charts as PNG…", "the overlaid charts in one picture",
                exportCharts);
        HBox bar = new HBox(8, GanBenchView.titled("Runs side by side"), clear, csv, png);
        bar.setAlignment(Pos.CENTER_LEFT);
        legend.setId("compareLegend");
        empty.setId("compareEmpty");
        empty.setWrapText(true);
        empty.getStyleClass().add("description");
        pictures.setId("comparePictures");
        pictures.setPadding(new Insets(4));
        ScrollPane pictureScroll = new ScrollPane(pictures);
        pictureScroll.setFitToHeight(true);
        pictureScroll.setMinViewportWidth(PICTURE + 12);
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("no measurements yet"));
        VBox tableBox = new VBox(4, GanBenchView.titled("Measured at fixed iterations (and last)"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(tableBox, Priority.ALWAYS);
        HBox bottom = new HBox(10, pictureScroll, tableBox);
        bottom.setPadding(new Insets(4, 0, 0, 0));
        split = new SplitPane(charts, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, legend, empty, split);
        setPadding(new Insets(6, 10, 6, 10));
        vm.kept().addListener((ListChangeListener<GanComparisonViewModel.Compared>) c -> update());
        update();
    }

    private void update() {
        List<GanComparisonViewModel.Compared> runs = List.copyOf(vm.kept());
        boolean any = !runs.isEmpty();
        empty.setVisible(!any);
        empty.setManaged(!any);
        split.setVisible(any);
        split.setManaged(any);
        legend.getChildren().setAll(runs.stream().map(this::legendEntry).toList());
        charts.show(runs);
        pictures.getChildren().setAll(runs.stream().map(GanComparePane::picture).toList());
        fillTable(runs);
    }

    private Node legendEntry(GanComparisonViewModel.Compared c) {
        Rectangle swatch = new Rectangle(22, 4, RunColours.fx(c.colour()));
        Label name = new Label(c.run().label());
        name.setTooltip(new Tooltip(describe(c.run())));
        Button remove = new Button("×");
        remove.getStyleClass().add("small-button");
        remove.setTooltip(new Tooltip("let this run go"));
        remove.setOnAction(e -> vm.remove(c));
        HBox entry = new HBox(5, swatch, name, remove);
        entry.setAlignment(Pos.CENTER_LEFT);
        return entry;
    }

    private static String describe(KeptGanRun r) {
        return r.label() + "\n" + r.settings() + String.format(Locale.ROOT, "\nkept at iteration %,d of %,d",
                r.iteration(), r.maxIterations());
    }

    /** The run's last picture, framed in its colour, under its label. */
    private static Node picture(GanComparisonViewModel.Compared c) {
        KeptGanRun r = c.run();
        // name and seed on one line, the remedies on the next: a long label must not be cut short here
        String label = r.label();
        int cut = label.indexOf(" · ", label.indexOf(" · ") + 3);
        Label title = new Label(cut < 0 ? label : label.substring(0, cut) + "\n" + label.substring(cut + 3));
        title.setWrapText(true);
        title.setMaxWidth(PICTURE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.setTooltip(new Tooltip(describe(r)));
        title.setStyle("-fx-font-weight: bold; -fx-text-fill: " + RunColours.css(c.colour()) + ";");
        Node view;
        GanView v = r.lastView();
        if (v instanceof GanView.Points p) {
            PointsCanvas canvas = new PointsCanvas();
            canvas.setView(p);
            view = canvas;
        } else if (v instanceof GanView.Images i) {
            ImageGrid grid = new ImageGrid();
            grid.setView(i);
            view = grid;
        } else {
            view = new Label("no picture yet");
        }
        if (view instanceof SquareCanvasPane pane) {
            pane.setPrefSize(PICTURE, PICTURE);
            pane.setMaxSize(PICTURE, PICTURE);
        }
        VBox frame = new VBox(view);
        frame.setStyle("-fx-border-color: " + RunColours.css(c.colour()) + "; -fx-border-width: 2;");
        frame.setMaxWidth(PICTURE + 4);
        Label caption = new Label(v == null ? "" : String.format(Locale.ROOT, "iteration %,d", v.iteration()));
        caption.getStyleClass().add("legend");
        VBox box = new VBox(3, title, frame, caption);
        box.setPrefWidth(PICTURE + 4);
        box.getStyleClass().add("compare-picture");
        return box;
    }

    /** The charts shown, stacked in one picture. */
    java.awt.image.BufferedImage chartsPicture(int width, int height) {
        return charts.picture(width, height);
    }

    private void fillTable(List<GanComparisonViewModel.Compared> runs) {
        table.getColumns().clear();
        TableColumn<GanComparisonTable.Row, String> it = new TableColumn<>("iteration");
        it.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().title()));
        it.setSortable(false);
        it.setPrefWidth(80);
        table.getColumns().add(it);
        for (int k = 0; k < runs.size(); k++) {
            GanComparisonViewModel.Compared c = runs.get(k);
            TableColumn<GanComparisonTable.Row, String> group = new TableColumn<>();
            Label head = new Label(c.run().label());
            head.setWrapText(true);
            head.setMaxWidth(300);
            head.setStyle("-fx-font-weight: bold; -fx-text-fill: " + RunColours.css(c.colour()) + ";");
            head.setTooltip(new Tooltip(describe(c.run())));
            group.setGraphic(head);
            group.setSortable(false);
            int index = k;
            for (GanComparisonTable.Column col : GanComparisonTable.Column.of(c.run())) {
                TableColumn<GanComparisonTable.Row, String> sub = new TableColumn<>(col.title());
                sub.setSortable(false);
                sub.setPrefWidth(col == GanComparisonTable.Column.ITERATION ? 64 : 70);
                sub.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                        col.format(c.run(), row.getValue().measurements().get(index))));
                sub.setStyle("-fx-alignment: CENTER-RIGHT;");
                group.getColumns().add(sub);
            }
            table.getColumns().add(group);
        }
        table.getItems().setAll(vm.table());
    }
}
