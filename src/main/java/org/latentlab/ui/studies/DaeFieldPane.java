package org.latentlab.ui.studies;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.latentlab.ui.common.Controls;
import org.latentlab.ui.common.ImageConversion;

import java.util.List;

/**
 * The "dae-field" study: a denoising and a contractive autoencoder trained side by side on the noisy unit circle,
 * their reconstruction fields r(x) − x drawn as arrows and refreshed as they train.
 */
public final class DaeFieldPane extends BorderPane {

    /** Iterations each model trains for. */
    static final long ITERATIONS = 4000;

    private final DaeFieldViewModel vm;
    private final ImageView[] views = {new ImageView(), new ImageView()};
    private final Label[] captions = {new Label(), new Label()};
    private final Label status = new Label();
    private final Label error = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button train;
    private final Button stop;

    public DaeFieldPane(StudyContext context) {
        this(new DaeFieldViewModel(context.runner()));
    }

    DaeFieldPane(DaeFieldViewModel vm) {
        this.vm = vm;
        setPadding(new Insets(10));
        Label about = new Label("A denoising autoencoder learns r(x~) close to E[x | x~]: for Gaussian corruption"
                + " of standard deviation sigma, r(x) - x estimates sigma^2 times the gradient of log p(x) (Alain"
                + " and Bengio 2014), so the arrows point back to the circle the data lie on. A contractive"
                + " autoencoder (Rifai et al. 2011) penalises the encoder's Jacobian instead, with lambda in the role"
                + " of sigma^2. Left: " + DaeFieldViewModel.PRESETS.get(0) + " (Gaussian corruption 0.3); right: "
                + DaeFieldViewModel.PRESETS.get(1) + " (lambda 0.3). Grey dots: the data.");
        about.setWrapText(true);
        train = Controls.idButton("dae-field-train", "Train", "train both autoencoders for " + ITERATIONS
                + " iterations each, drawing their fields as they learn", () -> vm.train(ITERATIONS));
        stop = Controls.idButton("dae-field-stop", "Stop", "stop the training; the last fields stay", vm::stop);
        busy.setPrefSize(18, 18);
        status.setId("dae-field-status");
        error.setId("dae-field-error");
        error.setStyle("-fx-text-fill: #b22222;");
        HBox bar = new HBox(8, train, stop, busy, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(6, Controls.sectionTitle("Denoising and contractive autoencoders on a curve"), about,
                bar, error);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        HBox pictures = new HBox(12);
        for (int i = 0; i < 2; i++) {
            views[i].setId("dae-field-picture-" + i);
            captions[i].setId("dae-field-caption-" + i);
            pictures.getChildren().add(new VBox(4, views[i], captions[i]));
        }
        setCenter(pictures);
        vm.onChange(this::refresh);
        refresh();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                DaeFieldViewModel.Frame f = vm.takeFrame();
                if (f != null) {
                    show(f);
                }
            }
        }.start();
    }

    private void show(DaeFieldViewModel.Frame f) {
        List<DaeFieldViewModel.Picture> ps = f.pictures();
        for (int i = 0; i < Math.min(2, ps.size()); i++) {
            DaeFieldViewModel.Picture p = ps.get(i);
            views[i].setImage(ImageConversion.draw(p.argb(), p.width(), p.height(), null));
            captions[i].setText(f.caption(i));
        }
    }

    private void refresh() {
        status.setText(vm.status());
        error.setText(vm.error());
        busy.setVisible(vm.isRunning());
        train.setDisable(vm.isRunning());
        stop.setDisable(!vm.isRunning());
    }
}
