package org.latentlab.ui.sweep;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;
import org.latentlab.experiment.sweep.SweepFigures;
import org.latentlab.experiment.sweep.SweepProgress;
import org.latentlab.experiment.sweep.SweepTable;
import org.latentlab.ui.common.ChartStyle;
import org.latentlab.ui.common.Controls;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sweeps tab: a sweep folder's runs and where each stands, the table of the finished runs (mean ± sd, min–max
 * per combination) and one metric's curves with a ± sd band per combination, read again every few seconds while
 * the sweep is not complete. A run can be opened on its training bench, in the latent studio or the geometry bench.
 */
public final class SweepsView extends BorderPane {

    private final SweepsViewModel model;
    private final TableView<SweepProgress.Row> runs = new TableView<>();
    private final TableView<Map<String, String>> results = new TableView<>();
    private final ChoiceBox<String> metric = new ChoiceBox<>();
    private final BorderPane chartBox = new BorderPane();
    private final Timeline poll;
    private Consumer<Path> openInBench = p -> { };
    private Consumer<Path> openInStudio = p -> { };
    private Consumer<Path> openInGeometry = p -> { };

    public SweepsView(SweepsViewModel model, Window owner) {
        this.model = model;
        setId("sweeps");
        setPadding(new Insets(8));
        Button open = Controls.idButton("sweep-open", "Open sweep folder…", "A folder made by latentlab sweep FILE"
                + " (sweeps/NAME): its sweep.json, base.json and runs/", () -> {
                    DirectoryChooser c = new DirectoryChooser();
                    c.setTitle("Open a sweep folder");
                    File f = c.showDialog(owner);
                    if (f != null) {
                        model.open(f.toPath());
                    }
                });
        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.styleProperty().bind(model.failedProperty().map(f -> f ? "-fx-text-fill: #c0392b;" : ""));
        HBox top = new HBox(10, open, status);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        setTop(top);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));

        runs.setId("sweep-runs");
        runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runs.getColumns().setAll(List.of(
                column("run", r -> r.run().name(), 110),
                column("combination", r -> r.run().combination().label(), 230),
                column("seed", r -> Long.toString(r.run().seed()), 50),
                column("stage", SweepProgress.Row::describe, 260)));
        runs.setPlaceholder(new Label("No sweep open."));
        Button bench = Controls.idButton("sweep-open-bench", "Open in its bench", "The selected run on its training"
                + " bench, paused at its newest checkpoint (the run on that bench is closed, keeping its checkpoint)",
                () -> withSelected(openInBench));
        Button studio = Controls.idButton("sweep-open-studio", "Open in latent studio", "The selected run's"
                + " generator or decoder, in the latent studio", () -> withSelected(openInStudio));
        Button geometry = Controls.idButton("sweep-open-geometry", "Open in geometry bench", "The selected run's"
                + " Hessian spectrum at its newest checkpoint", () -> withSelected(openInGeometry));
        studio.disableProperty().bind(runs.getSelectionModel().selectedItemProperty()
                .map(r -> r.runDir() == null).orElse(true));
        geometry.disableProperty().bind(studio.disableProperty());
        bench.disableProperty().bind(studio.disableProperty());
        HBox runButtons = new HBox(8, bench, studio, geometry);
        VBox left = new VBox(6, Controls.sectionTitle("Runs"), runs, runButtons);
        VBox.setVgrow(runs, Priority.ALWAYS);

        results.setId("sweep-table");
        results.setPlaceholder(new Label("The table fills as runs finish."));
        metric.setId("sweep-metric");
        metric.valueProperty().bindBidirectional(model.metricProperty());
        HBox chartBar = new HBox(8, new Label("Curves of"), metric);
        chartBar.setAlignment(Pos.CENTER_LEFT);
        VBox right = new VBox(6, Controls.sectionTitle("Table: mean ± sd over the random seeds (min–max)"), results,
                chartBar, chartBox);
        VBox.setVgrow(chartBox, Priority.ALWAYS);
        results.setPrefHeight(200);

        SplitPane split = new SplitPane(left, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);

        model.snapshotProperty().addListener((o, a, s) -> show(s));
        model.metricProperty().addListener((o, a, m) -> drawChart());
        poll = new Timeline(new KeyFrame(Duration.seconds(3), e -> {
            SweepsViewModel.Snapshot s = model.snapshotProperty().get();
            if (s != null && !s.complete()) {
                model.refresh();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    /** Where "Open in its bench", "Open in latent studio" and "Open in geometry bench" send the selected run. */
    public void setOpeners(Consumer<Path> bench, Consumer<Path> studio, Consumer<Path> geometry) {
        this.openInBench = bench;
        this.openInStudio = studio;
        this.openInGeometry = geometry;
    }

    /** Opens the sweep folder {@code folder}, as Open sweep folder… does. */
    public void open(Path folder) {
        model.open(folder);
    }

    /** Stops reading the folder (the window closes). */
    public void stop() {
        poll.stop();
    }

    private void withSelected(Consumer<Path> action) {
        SweepProgress.Row r = runs.getSelectionModel().getSelectedItem();
        if (r != null && r.runDir() != null) {
            action.accept(r.runDir());
        }
    }

    private void show(SweepsViewModel.Snapshot s) {
        if (s == null) {
            runs.getItems().clear();
            results.getItems().clear();
            chartBox.setCenter(null);
            return;
        }
        SweepProgress.Row selected = runs.getSelectionModel().getSelectedItem();
        runs.getItems().setAll(s.rows());
        if (selected != null) {
            s.rows().stream().filter(r -> r.run().name().equals(selected.run().name())).findFirst()
                    .ifPresent(r -> runs.getSelectionModel().select(r));
        }
        List<String> metrics = s.table().metrics();
        if (!metric.getItems().equals(metrics)) {
            metric.setItems(FXCollections.observableArrayList(metrics));
            metric.setValue(model.metricProperty().get());
        }
        showTable(s.table());
        drawChart();
    }

    private void showTable(SweepTable t) {
        List<TableColumn<Map<String, String>, String>> columns = new ArrayList<>();
        boolean several = t.cells().stream().map(SweepTable.Cell::iteration).distinct().count() > 1;
        columns.add(mapColumn("combination", 200));
        if (several) {
            columns.add(mapColumn("iteration", 80));
        }
        columns.add(mapColumn("runs", 50));
        t.metrics().forEach(m -> columns.add(mapColumn(m, 165)));
        results.getColumns().setAll(columns);
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (SweepTable.Cell c : t.cells()) {
            Map<String, String> row = rows.computeIfAbsent(c.combination() + "/" + c.iteration(),
                    k -> new LinkedHashMap<>());
            row.put("combination", c.label());
            row.put("iteration", String.format(java.util.Locale.ROOT, "%,d", c.iteration()));
            row.put("runs", Integer.toString(c.runs()));
            SweepTable.Stats st = c.stats();
            row.put(c.metric(), st == null ? "–" : SweepTable.describe(st));
        }
        results.getItems().setAll(rows.values());
    }

    private void drawChart() {
        SweepsViewModel.Snapshot s = model.snapshotProperty().get();
        String m = model.metricProperty().get();
        if (s == null || m == null) {
            chartBox.setCenter(null);
            return;
        }
        ChartViewer v = ChartStyle.viewer(SweepFigures.chart(s.plan(), s.table(), m), "sweep-chart");
        v.setMinHeight(200);
        chartBox.setCenter(v);
    }

    private static TableColumn<SweepProgress.Row, String> column(String title,
                                                               java.util.function.Function<SweepProgress.Row, String> value,
                                                               double width) {
        TableColumn<SweepProgress.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<Map<String, String>, String> mapColumn(String key, double width) {
        TableColumn<Map<String, String>, String> c = new TableColumn<>(key);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().getOrDefault(key, "")));
        c.setPrefWidth(width);
        return c;
    }
}
