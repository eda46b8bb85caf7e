package org.latentlab.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

/**
 * The plain GAN (Goodfellow et al. 2014) as a {@link GanVariant}: G's input is the code z ~ N(0, I) itself, held in
 * the trainer's step array of codes; every other hook keeps its default (D's score losses, nothing added).
 */
final class PlainGan implements GanVariant {

    private Game game;

    @Override
    public void attach(Game game) {
        this.game = game;
    }

    @Override
    public INDArray generatorInput(double[] z, int n, Random rng) {
        return game.step().filled("z", n, game.latentDim(), z);
    }
}
