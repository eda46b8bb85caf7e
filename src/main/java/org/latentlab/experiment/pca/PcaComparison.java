package org.latentlab.experiment.pca;

import org.latentlab.core.Monitor;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.PrincipalComponents;

/**
 * A deep autoencoder's held-out reconstructions beside those of PCA with as many components as the code has
 * dimensions (Hinton &amp; Salakhutdinov 2006, Fig. 2): PCA fitted on training images, both applied to the same
 * held-out images, and both mean squared errors per pixel over all of them.
 *
 * @param model      the autoencoder, for a person
 * @param k          the code size and the number of components
 * @param pca        the fitted PCA
 * @param shape      the images' shape
 * @param originals  the first held-out images, as shown
 * @param byPca      their PCA reconstructions
 * @param byAe       their autoencoder reconstructions
 * @param pcaError   PCA's held-out mean squared error per pixel
 * @param aeError    the autoencoder's
 * @param heldOut    how many held-out images the errors are over
 * @param fitted     how many training images PCA was fitted on
 */
public record PcaComparison(String model, int k, PrincipalComponents pca, ImageShape shape, float[][] originals,
                            float[][] byPca, float[][] byAe, double pcaError, double aeError, int heldOut,
                            int fitted) {

    /** Training images PCA is fitted on, at most. */
    public static final int DEFAULT_FIT = 5000;

    /**
     * Compares {@code ae} with PCA fitted on the first {@code fitCount} of its training images, on
     * {@code heldOut}, showing the first {@code shown}.
     */
    public static PcaComparison of(DeepAutoencoder ae, HeldOutImages heldOut, int fitCount, int shown,
                                   Monitor monitor) {
        monitor.progress(0, "fitting PCA with " + ae.codeDim() + " components");
        PrincipalComponents pca = fit(ae, fitCount);
        monitor.checkCancelled();
        monitor.progress(0.8, "reconstructing " + heldOut.count() + " held-out images");
        double[][] x = heldOut.pixels();
        double[][] byPca = reconstruct(pca, x);
        double[][] byAe = ae.reconstruct(x);
        int m = Math.min(shown, x.length);
        return new PcaComparison(ae.name(), ae.codeDim(), pca, heldOut.shape(), heldOut.firstAsFloats(m),
                floats(byPca, m), floats(byAe, m), HeldOutImages.meanSquaredError(byPca, x),
                HeldOutImages.meanSquaredError(byAe, x), x.length, Math.min(fitCount, trainingCount(ae, fitCount)));
    }

    /** PCA with the autoencoder's code size, fitted on up to {@code fitCount} of its training images. */
    static PrincipalComponents fit(DeepAutoencoder ae, int fitCount) {
        HeldOutImages train = HeldOutImages.first(ae.split().train(), fitCount);
        return PrincipalComponents.fit(train.pixels(), ae.codeDim());
    }

    private static int trainingCount(DeepAutoencoder ae, int fitCount) {
        return ae.split().train() instanceof org.latentlab.data.ExampleSet s ? s.size() : fitCount;
    }

    /** Each row projected on the components and back: the best rank-k approximation around the mean. */
    public static double[][] reconstruct(PrincipalComponents pca, double[][] x) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = pca.reconstruct(pca.project(x[i]));
        }
        return out;
    }

    private static float[][] floats(double[][] rows, int m) {
        float[][] out = new float[m][];
        for (int i = 0; i < m; i++) {
            out[i] = HeldOutImages.toFloat(rows[i]);
        }
        return out;
    }
}
