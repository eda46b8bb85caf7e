package org.latentlab.experiment.geometry;

/**
 * The tangent space an autoencoder's encoder sees at one example x: the singular values of the Jacobian J = ∂c/∂x
 * (c the code, μ for a VAE) and its leading right singular vectors, the tangent directions of the learned manifold
 * (Rifai et al. 2011).
 *
 * @param run            the run folder's name
 * @param iteration      the checkpoint's iteration
 * @param index          the example's index among the held-out examples (or the drawn ones, for a distribution)
 * @param shape          the example's shape ([c, h, w] for images, [d] for vectors)
 * @param input          x, data values
 * @param reconstruction decode(encode(x)), data values
 * @param singularValues all of J's singular values, descending
 * @param tangents       the right singular vectors of the largest ones, unit vectors in input space
 * @param jacobianNorm   ‖J‖_F, the encoder's sensitivity at x
 */
public record TangentResult(String run, long iteration, int index, int[] shape, double[] input,
                            double[] reconstruction, double[] singularValues, double[][] tangents,
                            double jacobianNorm) {

    public TangentResult {
        if (input == null || reconstruction == null || singularValues == null || tangents == null || shape == null) {
            throw new IllegalArgumentException("a tangent result needs input, reconstruction, singular values,"
                    + " tangents and shape");
        }
        if (reconstruction.length != input.length || tangents.length > singularValues.length) {
            throw new IllegalArgumentException("the reconstruction matches the input; at most one tangent per"
                    + " singular value");
        }
        for (double[] t : tangents) {
            if (t.length != input.length) {
                throw new IllegalArgumentException("each tangent has the input's " + input.length + " values");
            }
        }
    }

    /** True when the examples are images (a picture per tangent makes sense). */
    public boolean isImage() {
        return shape.length == 3;
    }

    /**
     * Tangent i as display values in [0, 1]: 0.5 + 0.5·v / max|v|, so that grey is zero, white positive and black
     * negative.
     */
    public float[] tangentPicture(int i) {
        double[] v = tangents[i];
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) (m == 0 ? 0.5 : 0.5 + 0.5 * v[j] / m);
        }
        return out;
    }
}
