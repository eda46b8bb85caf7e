package org.latentlab.experiment.pca;

import org.latentlab.latent.PrincipalComponents;

/**
 * The 2-D codes of held-out images by a deep autoencoder with a 2-D code and by the first two principal components
 * (Hinton &amp; Salakhutdinov 2006, Fig. 3), with the images' labels for colouring.
 *
 * @param model  the autoencoder, for a person
 * @param ae     each image's autoencoder code (n × 2)
 * @param pca    each image's two principal coordinates (n × 2)
 * @param labels each image's class (-1 when unlabelled)
 * @param pcaVariance the fraction of the training images' variance the two components hold
 */
public record CodeScatters(String model, double[][] ae, double[][] pca, int[] labels, double pcaVariance) {

    public CodeScatters {
        if (ae.length != pca.length || ae.length != labels.length) {
            throw new IllegalArgumentException("one autoencoder code, one PCA code and one label per image");
        }
    }

    /**
     * The codes of {@code images} by {@code ae} and by {@code p}'s first two components (both must be 2-D: the
     * PCA of {@link PcaComparison}).
     */
    public static CodeScatters of(DeepAutoencoder ae, PrincipalComponents p, HeldOutImages images) {
        if (ae.codeDim() != 2 || p.count() != 2) {
            throw new IllegalArgumentException(ae.name() + " has a " + ae.codeDim()
                    + "-D code: the scatters need a 2-D one");
        }
        double[] ratio = p.explainedVarianceRatio();
        return new CodeScatters(ae.name(), ae.codes(images.pixels()), p.project(images.pixels()),
                images.labels().clone(), ratio[0] + ratio[1]);
    }
}
