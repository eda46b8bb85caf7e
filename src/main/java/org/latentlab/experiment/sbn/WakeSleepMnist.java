package org.latentlab.experiment.sbn;

import org.latentlab.data.ExampleSet;
import org.latentlab.data.ImageDataset;
import org.latentlab.data.ImageScale;
import org.latentlab.experiment.ExperimentData;
import org.latentlab.train.sbn.WakeSleepSettings;
import org.latentlab.train.sbn.WakeSleepTrainer;

/**
 * A wake-sleep run on the bundled MNIST images (pixels in [0, 1], binarised by the trainer): the images shuffled
 * once, the last {@link #HELD_OUT} kept out of training and used to measure the bound.
 */
public final class WakeSleepMnist {

    /** Images kept out of training. */
    public static final int HELD_OUT = 1000;
    /** Shuffles the images once, before the split. */
    static final long SPLIT_SEED = 21;

    private WakeSleepMnist() {
    }

    /** A trainer for {@code settings} on MNIST; reads the images (a LabException when they are missing). */
    public static WakeSleepTrainer trainer(WakeSleepSettings settings) {
        ExampleSet all = ImageDataset.bundled("mnist", ExperimentData.bundledDir(null), ImageScale.ZERO_TO_ONE)
                .permuted(SPLIT_SEED);
        int train = all.size() - HELD_OUT;
        return new WakeSleepTrainer(settings, all.range(0, train), all.range(train, all.size()), HELD_OUT);
    }
}
