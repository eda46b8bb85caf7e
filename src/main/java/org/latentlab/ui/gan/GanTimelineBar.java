package org.latentlab.ui.gan;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.latentlab.ui.common.Controls;

/**
 * The timeline below the GAN bench's pictures: a slider over the snapshots kept of the run (its right end is the
 * live picture), what is shown ("iteration 2,000 of 20,000 — snapshot 31 of 200"), and Live to follow the run again.
 * Layout and binding only: the snapshots and the selection are the {@link GanTimelineViewModel}'s.
 */
final class GanTimelineBar extends HBox {

    private final Slider slider = new Slider(0, 0, 0);
    /** Set while the slider follows the ViewModel, so its moves are not taken for the user's. */
    private boolean following;

    GanTimelineBar(GanTimelineViewModel vm) {
        super(8);
        slider.setId("timelineSlider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setSnapToTicks(true);
        slider.setMinorTickCount(0);
        slider.setTooltip(new Tooltip("the pictures kept of this run, every one at first, then at growing intervals"
                + " (at most 200); drag back to see an earlier one while training goes on, right end = live"));
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.disableProperty().bind(vm.countProperty().lessThan(2));
        Label label = new Label();
        label.setId("timelineLabel");
        label.textProperty().bind(vm.labelProperty());
        label.setMinWidth(Region.USE_PREF_SIZE);
        Button live = Controls.idButton("timelineLiveButton", "Live", "back to the newest picture, following the run",
                vm::goLive);
        live.disableProperty().bind(vm.liveProperty());
        Runnable follow = () -> {
            following = true;
            slider.setMax(Math.max(0, vm.countProperty().get() - 1));
            slider.setValue(vm.indexProperty().get());
            following = false;
        };
        vm.countProperty().addListener((o, a, b) -> follow.run());
        vm.indexProperty().addListener((o, a, b) -> follow.run());
        slider.valueProperty().addListener((o, a, b) -> {
            if (!following) {
                vm.select((int) Math.round(b.doubleValue()));
            }
        });
        Label title = Controls.sectionTitle("Timeline");
        title.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, slider, label, live);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(2, 6, 4, 10));
        setId("timelineBar");
    }
}
