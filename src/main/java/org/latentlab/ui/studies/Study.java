package org.latentlab.ui.studies;

import javafx.scene.Node;

import java.util.function.Function;

/**
 * One study of the autoencoder and Boltzmann lectures: a short experiment with its own pictures and numbers (a DBN
 * sampled by depth, a deep autoencoder against PCA, semantic hashing, ...), shown in the Studies tab of the
 * autoencoder / VAE / RBM bench.
 *
 * @param id      a short name for {@code --study=ID} and for the tests ({@code dae-field}, ...)
 * @param title   the list's title
 * @param summary one or two sentences: what the study shows and what to look for
 * @param content builds the study's pane the first time it is shown
 */
public record Study(String id, String title, String summary, Function<StudyContext, Node> content) {

    public Study {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a study's id is lower-case letters, digits and dashes, not '"
                    + id + "'");
        }
        if (title == null || title.isBlank() || summary == null || summary.isBlank() || content == null) {
            throw new IllegalArgumentException("study " + id + " needs a title, a summary and a pane");
        }
    }
}
