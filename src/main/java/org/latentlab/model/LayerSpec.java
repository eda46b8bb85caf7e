package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of a {@link NetworkSpec}, as written in an experiment file: {@code {"type": "dense", "name": "g1",
 * "units": 128, "activation": "relu"}}. Each record validates its own parameters and knows the shape it produces
 * from the shape it receives; {@link ShapeInference} walks a whole network and names the layer that does not fit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = LayerSpec.Act.class, name = "activation"),
        @JsonSubTypes.Type(value = LayerSpec.BatchNorm.class, name = "batchnorm"),
        @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout"),
        @JsonSubTypes.Type(value = LayerSpec.Conv2D.class, name = "conv2d"),
        @JsonSubTypes.Type(value = LayerSpec.Deconv2D.class, name = "deconv2d"),
        @JsonSubTypes.Type(value = LayerSpec.Upsample2D.class, name = "upsample2d"),
        @JsonSubTypes.Type(value = LayerSpec.Pool2D.class, name = "pool2d"),
        @JsonSubTypes.Type(value = LayerSpec.Reshape.class, name = "reshape"),
        @JsonSubTypes.Type(value = LayerSpec.Flatten.class, name = "flatten"),
        @JsonSubTypes.Type(value = LayerSpec.MinibatchDiscrimination.class, name = "minibatch"),
        @JsonSubTypes.Type(value = LayerSpec.VirtualBatchNorm.class, name = "virtualbatchnorm"),
        @JsonSubTypes.Type(value = LayerSpec.Maxout.class, name = "maxout")
})
public sealed interface LayerSpec {

    String name();

    /** The JSON type id, e.g. {@code dense}. */
    @JsonIgnore
    String type();

    /** The shape this layer outputs for an input of shape {@code in}; IllegalArgumentException if it cannot take it. */
    Shape outputShape(Shape in);

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every layer needs a name");
        }
        return name;
    }

    private static void requireVector(Shape in, String what) {
        if (in.isImage()) {
            throw new IllegalArgumentException(what + " expects a vector but receives " + in + ": add a Flatten");
        }
    }

    private static void requireImage(Shape in, String what) {
        if (!in.isImage()) {
            throw new IllegalArgumentException(what + " expects an image (channels x height x width) but receives "
                    + in + ": add a Reshape");
        }
    }

    /** Fully connected layer with an optional fused activation. */
    record Dense(String name, int units, Activation activation, double alpha) implements LayerSpec {
        public Dense {
            checkName(name);
            if (units < 1) {
                throw new IllegalArgumentException("dense layer '" + name + "' needs units >= 1, not " + units);
            }
            activation = activation == null ? Activation.IDENTITY : activation;
            alpha = alpha == 0 ? 0.2 : alpha;
        }

        public Dense(String name, int units, Activation activation) {
            this(name, units, activation, 0.2);
        }

        @Override
        public String type() {
            return "dense";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireVector(in, "a dense layer");
            return Shape.vector(units);
        }
    }

    /** Elementwise activation; {@code alpha} is the negative slope of leaky ReLU (default 0.2). */
    record Act(String name, Activation activation, double alpha) implements LayerSpec {
        public Act {
            checkName(name);
            if (activation == null) {
                throw new IllegalArgumentException("activation layer '" + name + "' needs an activation");
            }
            alpha = alpha == 0 ? 0.2 : alpha;
        }

        @Override
        public String type() {
            return "activation";
        }

        @Override
        public Shape outputShape(Shape in) {
            return in;
        }
    }

    /** Batch normalisation over the batch (per unit, or per channel for images). */
    record BatchNorm(String name) implements LayerSpec {
        public BatchNorm {
            checkName(name);
        }

        @Override
        public String type() {
            return "batchnorm";
        }

        @Override
        public Shape outputShape(Shape in) {
            return in;
        }
    }

    /**
     * Minibatch discrimination (Salimans et al. 2016, "Improved techniques for training GANs"), for a discriminator:
     * the features f(x) ∈ ℝᴬ times a learned tensor T ∈ ℝ^{A×B×C} give B rows M_b(x) ∈ ℝᶜ per example; for each
     * kernel b, o_b(x) = Σ_j exp(−‖M_b(x) − M_b(x_j)‖₁) over the batch, and the layer outputs [f(x), o(x)] (A + B
     * values), so D sees how close each example is to the rest of its batch and can tell a collapsed G's batch.
     *
     * @param kernels B, the number of closeness features added
     * @param dims    C, the length of each kernel's rows
     */
    record MinibatchDiscrimination(String name, int kernels, int dims) implements LayerSpec {
        public MinibatchDiscrimination {
            checkName(name);
            if (kernels < 1 || kernels > 1024 || dims < 1 || dims > 1024) {
                throw new IllegalArgumentException("minibatch discrimination '" + name + "' needs 1..1024 kernels"
                        + " and 1..1024 dims, not " + kernels + " and " + dims);
            }
        }

        @Override
        public String type() {
            return "minibatch";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireVector(in, "minibatch discrimination");
            return Shape.vector(in.size() + kernels);
        }
    }

    /**
     * Virtual batch normalisation (Salimans et al. 2016, "Improved techniques for training GANs", section 3.4), for a
     * generator: each example is normalised, per unit (per channel, over positions, for an image after a convolution
     * or a reshape), with the statistics of a fixed reference batch of {@code referenceBatch} codes together with the
     * example itself, so its output does not depend on the other examples of its batch. Learned γ and β as batch norm's; the reference batch's mean and variance at this layer
     * are kept with the parameters (not learned), so checkpoints and saved models carry them.
     *
     * @param referenceBatch R, the size of the reference batch (1..4096; 64 when left out)
     */
    record VirtualBatchNorm(String name, int referenceBatch) implements LayerSpec {

        /** The reference batch's size when an experiment file leaves it out. */
        public static final int DEFAULT_REFERENCE_BATCH = 64;

        public VirtualBatchNorm {
            checkName(name);
            referenceBatch = referenceBatch == 0 ? DEFAULT_REFERENCE_BATCH : referenceBatch;
            if (referenceBatch < 1 || referenceBatch > 4096) {
                throw new IllegalArgumentException("virtual batch norm '" + name + "' needs a reference batch of"
                        + " 1..4096 codes, not " + referenceBatch);
            }
        }

        @Override
        public String type() {
            return "virtualbatchnorm";
        }

        @Override
        public Shape outputShape(Shape in) {
            return in;
        }
    }

    /**
     * Maxout units (Goodfellow et al. 2013, "Maxout networks", section 2): each of the {@code units} outputs is the
     * largest of {@code pieces} affine functions of the input, h_j(x) = max_k (x·W_{·,jk} + b_jk), a learned convex
     * piecewise-linear activation. PacGAN's discriminator (Lin et al. 2018, appendix) is three layers of 200 units
     * with 5 pieces each.
     *
     * @param units  the outputs (1..65536)
     * @param pieces the affine pieces each output takes the maximum of (2..64)
     */
    record Maxout(String name, int units, int pieces) implements LayerSpec {
        public Maxout {
            checkName(name);
            if (units < 1 || units > 65536) {
                throw new IllegalArgumentException("maxout layer '" + name + "' needs 1..65536 units, not " + units);
            }
            if (pieces < 2 || pieces > 64) {
                throw new IllegalArgumentException("maxout layer '" + name + "' needs 2..64 pieces per unit, not "
                        + pieces);
            }
        }

        @Override
        public String type() {
            return "maxout";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireVector(in, "a maxout layer");
            return Shape.vector(units);
        }
    }

    /** Dropout; {@code rate} is the probability of dropping a unit (0 &lt;= rate &lt; 1). */
    record Dropout(String name, double rate) implements LayerSpec {
        public Dropout {
            checkName(name);
            if (!(rate >= 0 && rate < 1)) {
                throw new IllegalArgumentException("dropout '" + name + "' needs 0 <= rate < 1, not " + rate);
            }
        }

        @Override
        public String type() {
            return "dropout";
        }

        @Override
        public Shape outputShape(Shape in) {
            return in;
        }
    }

    /** 2-D convolution with square kernels. */
    record Conv2D(String name, int filters, int kernel, int stride, Padding padding, Activation activation,
                  double alpha) implements LayerSpec {
        public Conv2D {
            checkName(name);
            if (filters < 1 || kernel < 1) {
                throw new IllegalArgumentException("conv2d '" + name + "' needs filters >= 1 and kernel >= 1");
            }
            if (stride < 1) {
                throw new IllegalArgumentException("conv2d '" + name + "' needs stride >= 1, not " + stride);
            }
            padding = padding == null ? Padding.SAME : padding;
            activation = activation == null ? Activation.IDENTITY : activation;
            alpha = alpha == 0 ? 0.2 : alpha;
        }

        /** From an experiment file, where a missing {@code "stride"} means 1 (an explicit 0 is refused). */
        @JsonCreator
        static Conv2D json(@JsonProperty("name") String name, @JsonProperty("filters") int filters,
                           @JsonProperty("kernel") int kernel, @JsonProperty("stride") Integer stride,
                           @JsonProperty("padding") Padding padding, @JsonProperty("activation") Activation activation,
                           @JsonProperty("alpha") double alpha) {
            return new Conv2D(name, filters, kernel, stride == null ? 1 : stride, padding, activation, alpha);
        }

        @Override
        public String type() {
            return "conv2d";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireImage(in, "a conv2d layer");
            int h = padding == Padding.SAME ? ceilDiv(in.height(), stride) : (in.height() - kernel) / stride + 1;
            int w = padding == Padding.SAME ? ceilDiv(in.width(), stride) : (in.width() - kernel) / stride + 1;
            if (h < 1 || w < 1 || (padding == Padding.VALID && (in.height() < kernel || in.width() < kernel))) {
                throw new IllegalArgumentException("a conv2d layer with kernel " + kernel + " does not fit its input "
                        + in + ": use a smaller kernel or padding \"same\"");
            }
            // Padding "same" pads so that h windows, every stride-th position, cover the input; when they cannot
            // (stride 100 on 28 rows: one 3-row window) the padding would be negative and DL4J fails.
            if (padding == Padding.SAME && ((h - 1) * stride + kernel < in.height()
                    || (w - 1) * stride + kernel < in.width())) {
                throw new IllegalArgumentException("a conv2d layer with kernel " + kernel + " and stride " + stride
                        + " leaves no valid output for its " + in.height() + "x" + in.width() + " input (its windows"
                        + " skip part of it, which padding \"same\" cannot pad): use a stride of at most " + kernel
                        + " or a larger kernel");
            }
            return Shape.image(filters, h, w);
        }

        private static int ceilDiv(int a, int b) {
            return (a + b - 1) / b;
        }
    }

    /** Transposed 2-D convolution ("deconvolution"), the DCGAN generator's upsampling step. */
    record Deconv2D(String name, int filters, int kernel, int stride, Padding padding, Activation activation,
                    double alpha) implements LayerSpec {
        public Deconv2D {
            checkName(name);
            if (filters < 1 || kernel < 1) {
                throw new IllegalArgumentException("deconv2d '" + name + "' needs filters >= 1 and kernel >= 1");
            }
            if (stride < 1) {
                throw new IllegalArgumentException("deconv2d '" + name + "' needs stride >= 1, not " + stride);
            }
            padding = padding == null ? Padding.SAME : padding;
            activation = activation == null ? Activation.IDENTITY : activation;
            alpha = alpha == 0 ? 0.2 : alpha;
        }

        /** From an experiment file, where a missing {@code "stride"} means 1 (an explicit 0 is refused). */
        @JsonCreator
        static Deconv2D json(@JsonProperty("name") String name, @JsonProperty("filters") int filters,
                             @JsonProperty("kernel") int kernel, @JsonProperty("stride") Integer stride,
                             @JsonProperty("padding") Padding padding,
                             @JsonProperty("activation") Activation activation, @JsonProperty("alpha") double alpha) {
            return new Deconv2D(name, filters, kernel, stride == null ? 1 : stride, padding, activation, alpha);
        }

        @Override
        public String type() {
            return "deconv2d";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireImage(in, "a deconv2d layer");
            int h = padding == Padding.SAME ? in.height() * stride : (in.height() - 1) * stride + kernel;
            int w = padding == Padding.SAME ? in.width() * stride : (in.width() - 1) * stride + kernel;
            return Shape.image(filters, h, w);
        }
    }

    /** Nearest-neighbour upsampling by an integer factor. */
    record Upsample2D(String name, int scale) implements LayerSpec {
        public Upsample2D {
            checkName(name);
            if (scale < 1) {
                throw new IllegalArgumentException("upsample2d '" + name + "' needs scale >= 1");
            }
        }

        @Override
        public String type() {
            return "upsample2d";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireImage(in, "an upsample2d layer");
            return Shape.image(in.channels(), in.height() * scale, in.width() * scale);
        }
    }

    /**
     * Max or average pooling over square windows, per channel, without padding: an input of H x W gives
     * floor((H - kernel) / stride) + 1 rows (and the same for columns). No parameters.
     */
    record Pool2D(String name, Pooling pooling, int kernel, int stride) implements LayerSpec {

        /** What a window is reduced to. */
        public enum Pooling {
            MAX, AVG;

            @com.fasterxml.jackson.annotation.JsonValue
            public String id() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }

            @com.fasterxml.jackson.annotation.JsonCreator
            public static Pooling parse(String s) {
                return org.latentlab.core.EnumIds.parse(values(), Pooling::id, s, "pooling");
            }
        }

        public Pool2D {
            checkName(name);
            pooling = pooling == null ? Pooling.MAX : pooling;
            if (kernel < 1 || stride < 1) {
                throw new IllegalArgumentException("pool2d '" + name + "' needs kernel >= 1 and stride >= 1, not "
                        + kernel + " and " + stride);
            }
        }

        @Override
        public String type() {
            return "pool2d";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireImage(in, "a pool2d layer");
            if (kernel > in.height() || kernel > in.width()) {
                throw new IllegalArgumentException("a " + kernel + "x" + kernel + " pooling window does not fit a "
                        + in.height() + "x" + in.width() + " input: use a smaller kernel");
            }
            return Shape.image(in.channels(), (in.height() - kernel) / stride + 1, (in.width() - kernel) / stride + 1);
        }
    }

    /** Turns a vector into an image of channels x height x width (their product must equal the vector's size). */
    record Reshape(String name, int channels, int height, int width) implements LayerSpec {
        public Reshape {
            checkName(name);
            if (channels < 1 || height < 1 || width < 1) {
                throw new IllegalArgumentException("reshape '" + name + "' needs channels, height, width >= 1");
            }
        }

        @Override
        public String type() {
            return "reshape";
        }

        @Override
        public Shape outputShape(Shape in) {
            Shape out = Shape.image(channels, height, width);
            if (in.size() != out.size()) {
                throw new IllegalArgumentException("a reshape to " + out + " needs " + out.size()
                        + " values but receives " + in + " (" + in.size() + ")");
            }
            return out;
        }
    }

    /** Turns an image into a vector. */
    record Flatten(String name) implements LayerSpec {
        public Flatten {
            checkName(name);
        }

        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public Shape outputShape(Shape in) {
            requireImage(in, "a flatten layer");
            return Shape.vector(in.size());
        }
    }
}
