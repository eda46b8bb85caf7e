package org.latentlab.ui.gan;

import org.latentlab.core.AtomicFiles;
import org.latentlab.core.BackgroundTask;
import org.latentlab.core.TaskRunner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The files the GAN bench writes: a picture the view has taken (the charts, the 2-D view or image grid) as a PNG,
 * and a copy of the run's metrics.csv. Files are written whole or not at all, by the task runner; "exported FILE" or
 * what went wrong is said in the status bar.
 */
public final class GanExports {

    /** Said when there is nothing to copy yet. */
    static final String NO_METRICS = "no metrics yet: train past the first sample interval";

    /** Where the bench's messages go: the text and whether it is an error. */
    interface Messages {
        void say(String text, boolean isError);
    }

    private final TaskRunner runner;
    private final Supplier<Path> runDir;
    private final Messages messages;

    GanExports(TaskRunner runner, Supplier<Path> runDir, Messages messages) {
        this.runner = runner;
        this.runDir = runDir;
        this.messages = messages;
    }

    /** Writes a picture (taken on the FX thread) as a PNG file. */
    public void writePng(BufferedImage picture, Path file) {
        write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** Writes text made on the FX thread (a table as CSV) to {@code file}. */
    public void writeText(String text, Path file) {
        write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private boolean hasMetrics() {
        Path dir = runDir.get();
        return dir != null && Files.exists(dir.resolve("metrics.csv"));
    }

    /** True when the run has metrics to copy; otherwise says that there are none yet and returns false. */
    public boolean metricsReady() {
        if (!hasMetrics()) {
            messages.say(NO_METRICS, false);
            return false;
        }
        return true;
    }

    /** Copies the run's metrics.csv to {@code file}; says so when there is none yet. */
    public void copyMetrics(Path file) {
        if (!metricsReady()) {
            return;
        }
        Path metrics = runDir.get().resolve("metrics.csv");
        write(file, out -> Files.copy(metrics, out));
    }

    /** Writes the file whole or not at all ("cannot write FILE: why" otherwise). */
    private void write(Path file, AtomicFiles.Writer content) {
        runner.submit(BackgroundTask.ofAction("writing " + file, m -> AtomicFiles.write(file, content)).onSuccess(v -> messages.say("exported " + file, false)).onFailure(msg -> messages.say(msg, true)));
    }
}
