package org.latentlab.train;

/**
 * What the dashboard draws of an autoencoder, a VAE or an RBM, copied out of ND4J on the training thread. Any part
 * may be null when the model has nothing to show for it (no corruption, a code that is not 2-D...).
 *
 * @param inputs          a fixed set of held-out examples
 * @param corrupted       the same examples as the model saw them (denoising), or null
 * @param reconstructions the model's reconstructions of them
 * @param filters         first-layer weights, one image per hidden unit
 * @param samples         samples from the model (VAE: decoded prior draws; RBM: Gibbs samples), or null
 * @param codeActivity    mean activation of each code unit over held-out examples
 * @param activityTarget  the sparsity target ρ to mark on the histogram, or NaN
 * @param activityTitle   what {@code codeActivity} measures, for the histogram's title
 * @param activityAxis    the histogram's value axis: the quantity and its unit ("KL per latent dimension (nats)")
 * @param codePoints      2-D codes of held-out examples (x0, y0, x1, y1...), when the code is 2-D
 * @param codeLabels      their labels (-1 when unlabelled)
 * @param stack           for a deep belief net, which of its RBMs the pictures show; null for any other model
 * @param captions        the pictures' titles when the model names them itself (a sigmoid belief net), or null
 * @param translation     a CycleGAN's 2-D points, their images and their cycles (drawn with arrows), or null
 * @param priorPoints     draws of the prior the code should follow (x0, y0, x1, y1...), drawn beneath the code
 *                        scatter (an adversarial autoencoder), or null
 */
public record ReconstructionView(Images inputs, Images corrupted, Images reconstructions, Images filters, Images samples,
                        double[] codeActivity, double activityTarget, String activityTitle, String activityAxis,
                        float[] codePoints,
                        int[] codeLabels, StackLayer stack, Captions captions, Translation translation,
                        float[] priorPoints) {

    /** This view with a translation of points drawn beside it (CycleGAN); null for none. */
    public ReconstructionView withTranslation(Translation translation) {
        return new ReconstructionView(inputs, corrupted, reconstructions, filters, samples, codeActivity,
                activityTarget, activityTitle, activityAxis, codePoints, codeLabels, stack, captions, translation,
                priorPoints);
    }

    /** This view with draws of the prior under its code scatter (an adversarial autoencoder); null for none. */
    public ReconstructionView withPriorPoints(float[] priorPoints) {
        return new ReconstructionView(inputs, corrupted, reconstructions, filters, samples, codeActivity,
                activityTarget, activityTitle, activityAxis, codePoints, codeLabels, stack, captions, translation,
                priorPoints);
    }

    /** This view with its pictures titled by {@code captions}; null for the bench's own titles. */
    public ReconstructionView withCaptions(Captions captions) {
        return new ReconstructionView(inputs, corrupted, reconstructions, filters, samples, codeActivity,
                activityTarget, activityTitle, activityAxis, codePoints, codeLabels, stack, captions, translation,
                priorPoints);
    }

    /** A view without a translation of points or a prior. */
    public ReconstructionView(Images inputs, Images corrupted, Images reconstructions, Images filters, Images samples,
                              double[] codeActivity, double activityTarget, String activityTitle, String activityAxis,
                              float[] codePoints, int[] codeLabels, StackLayer stack, Captions captions) {
        this(inputs, corrupted, reconstructions, filters, samples, codeActivity, activityTarget, activityTitle,
                activityAxis, codePoints, codeLabels, stack, captions, null, null);
    }

    /**
     * A translation between two domains of 2-D points (CycleGAN, Zhu et al. 2017), (x, y) pairs row-major: held-out
     * points a of A, their images G(a) and cycles F(G(a)); held-out points b of B, F(b) and G(F(b)).
     */
    public record Translation(float[] a, float[] gA, float[] fgA, float[] b, float[] fB, float[] gfB) {
        public Translation {
            if (a.length != gA.length || a.length != fgA.length || b.length != fB.length || b.length != gfB.length
                    || a.length % 2 != 0 || b.length % 2 != 0) {
                throw new IllegalArgumentException("a translation needs x, y pairs, as many images as points");
            }
        }
    }

    /** The view of a model whose pictures take the bench's usual titles, or a DBN's ({@code stack}). */
    public ReconstructionView(Images inputs, Images corrupted, Images reconstructions, Images filters, Images samples,
                              double[] codeActivity, double activityTarget, String activityTitle, String activityAxis,
                              float[] codePoints, int[] codeLabels, StackLayer stack) {
        this(inputs, corrupted, reconstructions, filters, samples, codeActivity, activityTarget, activityTitle,
                activityAxis, codePoints, codeLabels, stack, null);
    }

    /**
     * What the reconstructions, the filters and the samples show, in a person's words; {@code corrupted} titles the
     * row between the inputs and the reconstructions (null: the bench's own title).
     */
    public record Captions(String reconstructions, String filters, String samples, String corrupted) {
        public Captions {
            if (reconstructions == null || filters == null || samples == null) {
                throw new IllegalArgumentException("every picture needs a caption");
            }
        }

        /** Captions keeping the bench's title for the corrupted inputs. */
        public Captions(String reconstructions, String filters, String samples) {
            this(reconstructions, filters, samples, null);
        }
    }

    /** The view of a model that is not a stack of RBMs. */
    public ReconstructionView(Images inputs, Images corrupted, Images reconstructions, Images filters, Images samples,
                              double[] codeActivity, double activityTarget, String activityTitle, String activityAxis,
                              float[] codePoints, int[] codeLabels) {
        this(inputs, corrupted, reconstructions, filters, samples, codeActivity, activityTarget, activityTitle,
                activityAxis, codePoints, codeLabels, null);
    }

    /**
     * RBM {@code layer} (0 = the one on the pixels) of a deep belief net whose layer sizes are {@code sizes}, pixels
     * first ({@code [784, 500, 250]}): the one the pictures show. The samples shown are those of the DBN of RBMs
     * 1 to layer + 1, after {@code gibbsSteps} Gibbs steps in its top RBM and one pass down.
     */
    public record StackLayer(int layer, int[] sizes, int gibbsSteps) {

        public StackLayer {
            sizes = sizes.clone();
            if (sizes.length < 2 || layer < 0 || layer >= sizes.length - 1 || gibbsSteps < 0) {
                throw new IllegalArgumentException("layer " + layer + " of the sizes " + java.util.Arrays.toString(sizes)
                        + " with " + gibbsSteps + " Gibbs steps does not name an RBM of the stack");
            }
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        /** Number of RBMs in the stack. */
        public int layers() {
            return sizes.length - 1;
        }

        /** "layer 2 of 3: " — the caption's lead, before the sizes. */
        public String lead() {
            return "layer " + (layer + 1) + " of " + layers() + ": ";
        }

        /** "784-500-250": the sizes up to and including the shown layer's hidden units, which end the caption. */
        public String sizesUpTo() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i <= layer + 1; i++) {
                s.append(i == 0 ? "" : "-").append(sizes[i]);
            }
            return s.toString();
        }

        /** "layer 2 of 3: 784-500-250" (the last number is the shown layer's hidden units). */
        public String caption() {
            return lead() + sizesUpTo();
        }

        /** The reconstructions' title. */
        public String reconstructionsTitle() {
            return layer == 0 ? "reconstructions by RBM 1 (mean field)"
                    : "reconstructions through RBMs 1-" + (layer + 1) + " (mean field up, then down to the pixels)";
        }

        /** The filters' title. */
        public String filtersTitle() {
            if (layer == 0) {
                return "layer-1 filters (the weights of RBM 1)";
            }
            StringBuilder w = new StringBuilder();
            for (int i = 1; i <= layer + 1; i++) {
                w.append("W").append(i);
            }
            return "layer-" + (layer + 1) + " filters in pixels: columns of " + w
                    + " (weights multiplied down to the pixels)";
        }

        /** The samples' title. */
        public String samplesTitle() {
            return layer == 0 ? "samples of the 1-layer DBN: " + gibbsSteps + " Gibbs steps in RBM 1"
                    : "samples of the " + (layer + 1) + "-layer DBN: " + gibbsSteps + " Gibbs steps in RBM "
                    + (layer + 1) + ", then one pass down";
        }

        /** The activity histogram's title. */
        public String activityTitle() {
            return "mean activation p(h=1|x) of RBM " + (layer + 1) + "'s hidden units (held-out)";
        }
    }

    /**
     * {@code count} examples of one shape, flat and row-major; values in [0, 1] for images. {@code shape} is
     * {@code [c, h, w]} for images, {@code [d]} for vectors (2-D points are drawn as a scatter).
     */
    public record Images(int count, int[] shape, float[] values) {

        public Images {
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            if (values.length != count * size) {
                throw new IllegalArgumentException(count + " examples of " + size + " values need " + count * size
                        + " values, not " + values.length);
            }
        }

        public boolean isImage() {
            return shape.length == 3;
        }

        public int size() {
            return values.length / Math.max(1, count);
        }
    }
}
