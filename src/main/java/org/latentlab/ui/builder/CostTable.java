package org.latentlab.ui.builder;

import org.latentlab.model.edit.DesignCost;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.latentlab.model.CostEstimate;
import org.latentlab.model.edit.DesignCheck;
import org.latentlab.model.edit.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Parameters, activation memory for a batch and FLOPs per example of every layer of the design (from the shapes,
 * before DL4J builds anything), with each network's total and the design's. Layers whose input shape cannot be
 * inferred are left out and the total says so.
 */
final class CostTable extends VBox {

    /** One row: a layer, or a network's total. */
    record Row(String network, String layer, String type, String output, long parameters, long bytes, long flops) {
    }

    static final int BATCH = 64;

    private final TableView<Row> table = new TableView<>();
    private final Label total = new Label();

    CostTable(BuilderViewModel vm) {
        super(4);
        table.setId("builder-costs");
        table.getColumns().add(column("network", 70, Row::network));
        table.getColumns().add(column("layer", 90, Row::layer));
        table.getColumns().add(column("type", 80, Row::type));
        table.getColumns().add(column("output", 80, Row::output));
        table.getColumns().add(column("parameters", 90, r -> String.format(Locale.ROOT, "%,d", r.parameters())));
        table.getColumns().add(column("memory / batch " + BATCH, 120, r -> bytes(r.bytes())));
        table.getColumns().add(column("FLOPs / example", 110, r -> flops(r.flops())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("no layer with a known input shape"));
        total.setId("builder-total");
        total.getStyleClass().add("description");
        total.setWrapText(true);
        getChildren().addAll(table, total);
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        vm.checkProperty().addListener((o, a, c) -> show(c));
        show(vm.checkProperty().get());
    }

    private void show(DesignCheck check) {
        if (check == null) {
            return;
        }
        Map<Role, CostEstimate.NetworkCost> costs = DesignCost.of(check, BATCH);
        List<Row> rows = new ArrayList<>();
        long params = 0;
        long bytes = 0;
        long fl = 0;
        boolean complete = true;
        for (Map.Entry<Role, CostEstimate.NetworkCost> e : costs.entrySet()) {
            String net = e.getKey().networkName();
            for (CostEstimate.LayerCost l : e.getValue().layers()) {
                rows.add(new Row(net, l.name(), l.type(), l.output().toString(), l.parameters(), l.activationBytes(),
                        l.flops()));
            }
            rows.add(new Row(net, "total", e.getValue().complete() ? "" : "(partial)", "",
                    e.getValue().parameters(), e.getValue().activationBytes(), e.getValue().flops()));
            params += e.getValue().parameters();
            bytes += e.getValue().activationBytes();
            fl += e.getValue().flops();
            complete &= e.getValue().complete();
        }
        table.getItems().setAll(rows);
        total.setText(String.format(Locale.ROOT, "Design: %,d parameters (%s as float32), %s of activations for a"
                        + " batch of %d, %s per example forward%s", params, bytes(4 * params), bytes(bytes), BATCH,
                flops(fl), complete ? "" : " — some layers left out: their input shape is not known yet"));
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }

    static String flops(long f) {
        if (f < 1_000) {
            return f + " FLOPs";
        }
        if (f < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kFLOPs", f / 1e3);
        }
        if (f < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f MFLOPs", f / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f GFLOPs", f / 1e9);
    }

    private static TableColumn<Row, String> column(String title, double width, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }
}
