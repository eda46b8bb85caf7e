package org.latentlab.experiment.sensitivity;

import java.util.List;

/**
 * What a sensitivity experiment measured so far (published after every run while it runs, then at the end).
 *
 * @param finished whether every run is complete
 */
public record SensitivityResult(SensitivityOptions options, String network, List<Point> points, double seconds,
                                boolean finished) {

    /**
     * One trained classifier.
     *
     * @param size      training images
     * @param fraction  fraction of their labels shuffled
     * @param train     accuracy on the training set, the labels it trained on
     * @param heldOut   accuracy on held-out images, true labels
     * @param jacobian  the mean over held-out points of ‖∂softmax(f(x))/∂x‖_F
     * @param jacobianSd the standard deviation of that norm over the points
     */
    public record Point(int size, double fraction, double train, double heldOut, double jacobian, double jacobianSd) {

        /** Training minus held-out accuracy. */
        public double gap() {
            return Correlation.gap(train, heldOut);
        }
    }

    /** Pearson's r of the gap against log ‖J‖_F over the points (NaN under 3 points or constant series). */
    public double pearsonLog() {
        if (points.size() < 3) {
            return Double.NaN;
        }
        double[] j = points.stream().mapToDouble(p -> Math.log(p.jacobian())).toArray();
        return Correlation.pearson(j, gaps());
    }

    /** Spearman's ρ of the gap against ‖J‖_F over the points (NaN under 3 points). */
    public double spearman() {
        if (points.size() < 3) {
            return Double.NaN;
        }
        return Correlation.spearman(points.stream().mapToDouble(Point::jacobian).toArray(), gaps());
    }

    private double[] gaps() {
        return points.stream().mapToDouble(Point::gap).toArray();
    }
}
