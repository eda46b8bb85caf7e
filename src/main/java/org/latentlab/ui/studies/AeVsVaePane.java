package org.latentlab.ui.studies;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.ImageConversion;

/**
 * The "ae-vs-vae" study: interpolations between the codes of held-out images through a plain autoencoder and a VAE
 * of the same code size, two rows per pair, and both code scatters with the paths drawn on them.
 */
public final class AeVsVaePane extends BorderPane {

    private final AeVsVaeViewModel vm;
    private final TextField plain = Controls.field("ae-vs-vae-plain", "mnist-ae-2d", 180);
    private final TextField vae = Controls.field("ae-vs-vae-vae", "mnist-vae-2d", 180);
    private final TextField iterations = Controls.field("ae-vs-vae-iterations", "2000", 80);
    private final ImageView rows = new ImageView();
    private final ImageView scatters = new ImageView();
    private final Label caption = new Label();
    private final Label status = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button open;
    private final Button pairs;

    public AeVsVaePane(StudyContext context) {
        this(new AeVsVaeViewModel(context.runner()));
    }

    AeVsVaePane(AeVsVaeViewModel vm) {
        this.vm = vm;
        setPadding(new Insets(10));
        Label about = new Label("A plain autoencoder is only asked to reconstruct: nothing fills the space between"
                + " the clusters of its codes, and a straight path between two codes may cross holes whose"
                + " decodings are no digit. A VAE's KL term packs its codes into the prior N(0, I), so its paths"
                + " stay among digits. Give a run folder or a preset (trained here for the iterations given).");
        about.setWrapText(true);
        open = Controls.idButton("ae-vs-vae-open", "Open / train", "open the two run folders, or train the two"
                + " presets here (not saved)", () -> vm.open(plain.getText(), vae.getText(), iterationCount()));
        pairs = Controls.idButton("ae-vs-vae-pairs", "New pairs", "interpolate between other held-out images",
                vm::newPairs);
        busy.setPrefSize(18, 18);
        status.setId("ae-vs-vae-status");
        error.setId("ae-vs-vae-error");
        error.setStyle("-fx-text-fill: #b22222;");
        caption.setId("ae-vs-vae-caption");
        caption.setWrapText(true);
        HBox bar = new HBox(8, fixed("autoencoder"), plain, fixed("VAE"), vae, fixed("iterations of a preset"),
                iterations, open, pairs);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox progress = new HBox(8, busy, status);
        progress.setAlignment(Pos.CENTER_LEFT);
        setTop(new VBox(6, Controls.sectionTitle("AE against VAE latent spaces"), about, bar, progress, error));
        rows.setId("ae-vs-vae-rows");
        scatters.setId("ae-vs-vae-scatters");
        HBox body = new HBox(12, new VBox(8, rows, caption), scatters);
        caption.setMaxWidth(740);
        body.setPadding(new Insets(8, 0, 0, 0));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.onChange(this::refresh);
        refresh();
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private long iterationCount() {
        try {
            return Math.max(1, Long.parseLong(iterations.getText().trim()));
        } catch (NumberFormatException e) {
            return 2000;
        }
    }

    private void refresh() {
        status.setText(vm.status());
        error.setText(vm.error());
        busy.setVisible(vm.isRunning());
        open.setDisable(vm.isRunning());
        pairs.setDisable(vm.isRunning() || !vm.isOpened());
        AeVsVaeViewModel.View v = vm.view();
        if (v != null) {
            rows.setImage(ImageConversion.draw(v.rows().argb(), v.rows().width(), v.rows().height(), null));
            scatters.setImage(ImageConversion.draw(v.scatters().argb(), v.scatters().width(),
                    v.scatters().height(), null));
            caption.setText(v.caption());
        }
    }
}
