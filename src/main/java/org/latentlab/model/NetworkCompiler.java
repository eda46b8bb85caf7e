package org.latentlab.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.bytedeco.javacpp.Pointer;
import org.latentlab.core.LabException;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Locale;

/**
 * Builds a DL4J {@link MultiLayerNetwork} from a {@link NetworkSpec}. The network takes flat examples ([n, size]);
 * image inputs are reshaped inside it, and Reshape / Flatten layers become DL4J input preprocessors of the layer
 * after them. The last layer is a plain layer, not an output layer: losses are computed by the trainers, which feed
 * the loss gradient back with {@code backpropGradient}.
 */
public final class NetworkCompiler {

    private NetworkCompiler() {
    }

    /**
     * The network for {@code spec}, refused with a {@link LabException} before anything is allocated when its
     * parameters, gradients and optimiser state would not fit the memory available (see {@link #requireMemory}).
     */
    public static MultiLayerNetwork compile(NetworkSpec spec, OptimizerSpec optimizer, long seed, DataType dataType) {
        requireMemory(spec, optimizer, dataType, availableBytes());
        List<LayerSpec> layers = spec.layers();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(dataType)
                .updater(updater(optimizer))
                .weightInit(WeightInit.XAVIER)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        List<Shape> shapes = ShapeInference.infer(spec.name(), spec.input(), layers);
        int index = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            Shape in = i == 0 ? spec.input() : shapes.get(i - 1);
            if (layer instanceof LayerSpec.Reshape r) {
                if (i + 1 < layers.size()) {
                    list.inputPreProcessor(index, new FeedForwardToCnnPreProcessor(r.height(), r.width(),
                            r.channels()));
                }
            } else if (layer instanceof LayerSpec.Flatten) {
                // Examples arrive flat, so a Flatten straight after the input has nothing to do.
                if (i > 0 && i + 1 < layers.size()) {
                    list.inputPreProcessor(index, new CnnToFeedForwardPreProcessor(in.height(), in.width(),
                            in.channels()));
                }
            } else {
                list.layer(index++, dl4jLayer(layer));
            }
        }
        if (index == 0) {
            throw new LabException("network '" + spec.name() + "' has no layer with parameters");
        }
        Shape input = spec.input();
        list.setInputType(input.isImage()
                ? InputType.convolutionalFlat(input.height(), input.width(), input.channels())
                : InputType.feedForward(input.size()));
        MultiLayerConfiguration conf;
        try {
            conf = list.build();
        } catch (RuntimeException e) {
            throw new LabException("network '" + spec.name() + "' cannot be built by DL4J: " + e.getMessage(), e);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        try {
            net.init();
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new LabException("network '" + spec.name() + "' cannot be created: " + e.getMessage(), e);
        }
        return net;
    }

    /**
     * Refuses a network whose training memory exceeds {@code available} bytes, with the numbers. Training keeps
     * the parameters, their gradients and the optimiser's state (Adam: 2 values per parameter, RMSProp: 1,
     * SGD: 0) in {@code dataType}; the parameter count is {@link CostEstimate}'s, which equals DL4J's
     * {@code numParams()}. A 784-100000-100000 MLP (10 billion parameters) is refused here in microseconds
     * instead of failing in the native allocator with {@code std::bad_alloc}.
     */
    static void requireMemory(NetworkSpec spec, OptimizerSpec optimizer, DataType dataType, long available) {
        long parameters = CostEstimate.of(spec, 1).parameters();
        double needed = trainingBytes(spec, optimizer, dataType);
        if (needed > available) {
            throw new LabException(String.format(Locale.ROOT, "network '%s' has %,d parameters: training it needs"
                    + " %s (parameters, gradients and %s state in %s) but %s is available: use fewer units or"
                    + " filters, or give the lab more memory (-Xmx / -Dorg.bytedeco.javacpp.maxbytes)", spec.name(),
                    parameters, gigabytes(needed), optimizer.type().name().toLowerCase(Locale.ROOT),
                    dataType.name().toLowerCase(Locale.ROOT), gigabytes(available)));
        }
    }

    /** A network and the optimiser that will train it, for {@link #requireMemory(String, DataType, Training...)}. */
    public record Training(NetworkSpec network, OptimizerSpec optimizer) {
    }

    /**
     * Refuses, before any network is built, an experiment whose networks together need more memory to train than
     * is available: "experiment 'wide' needs 160,000,000,000 bytes (160.0 GB) to train its networks (encoder
     * 10,000,000,000 parameters, ...) but 2,000,000,000 bytes (2.0 GB) is available: ...".
     */
    public static void requireMemory(String experiment, DataType dataType, Training... networks) {
        requireMemory(experiment, dataType, availableBytes(), networks);
    }

    static void requireMemory(String experiment, DataType dataType, long available, Training... networks) {
        double needed = 0;
        StringBuilder parts = new StringBuilder();
        for (Training t : networks) {
            needed += trainingBytes(t.network(), t.optimizer(), dataType);
            parts.append(parts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %,d parameters",
                    t.network().name(), CostEstimate.of(t.network(), 1).parameters()));
        }
        if (needed > available) {
            throw new LabException(String.format(Locale.ROOT, "experiment '%s' needs %s to train its networks (%s;"
                    + " parameters, gradients and optimiser state in %s) but %s is available: use fewer units or"
                    + " filters, or give the lab more memory (-Xmx / -Dorg.bytedeco.javacpp.maxbytes)", experiment,
                    gigabytes(needed), parts, dataType.name().toLowerCase(Locale.ROOT), gigabytes(available)));
        }
    }

    /** Bytes of the parameters, gradients and optimiser state of {@code spec} in {@code dataType}. */
    static double trainingBytes(NetworkSpec spec, OptimizerSpec optimizer, DataType dataType) {
        int copies = 2 + switch (optimizer.type()) {
            case ADAM -> 2;
            case RMSPROP -> 1;
            case SGD -> 0;
        };
        return (double) CostEstimate.of(spec, 1).parameters() * dataType.width() * copies;
    }

    /**
     * Bytes ND4J may still allocate: the smaller of JavaCPP's off-heap limit less what it holds, and the free
     * physical memory (where the platform reports them).
     */
    static long availableBytes() {
        long available = Long.MAX_VALUE;
        long max = Pointer.maxBytes();
        if (max > 0) {
            available = Math.min(available, Math.max(0, max - Pointer.totalBytes()));
        }
        long physical = Pointer.availablePhysicalBytes();
        if (physical > 0) {
            available = Math.min(available, physical);
        }
        return available;
    }

    private static String gigabytes(double bytes) {
        return String.format(Locale.ROOT, "%,.0f bytes (%.1f GB)", bytes, bytes / 1e9);
    }

    private static Layer dl4jLayer(LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense d) {
            return new DenseLayer.Builder().name(d.name()).nOut(d.units())
                    .activation(activation(d.activation(), d.alpha())).build();
        } else if (layer instanceof LayerSpec.Act a) {
            return new ActivationLayer.Builder().name(a.name()).activation(activation(a.activation(), a.alpha()))
                    .build();
        } else if (layer instanceof LayerSpec.BatchNorm b) {
            return new BatchNormalization.Builder().name(b.name()).build();
        } else if (layer instanceof LayerSpec.Dropout d) {
            return new DropoutLayer.Builder(1.0 - d.rate()).name(d.name()).build();
        } else if (layer instanceof LayerSpec.MinibatchDiscrimination m) {
            return new MinibatchDiscriminationLayer(m.name(), m.kernels(), m.dims());
        } else if (layer instanceof LayerSpec.VirtualBatchNorm v) {
            return new VirtualBatchNormLayer(v.name(), v.referenceBatch());
        } else if (layer instanceof LayerSpec.Maxout m) {
            return new MaxoutLayer(m.name(), m.units(), m.pieces());
        } else if (layer instanceof LayerSpec.Conv2D c) {
            return new ConvolutionLayer.Builder(c.kernel(), c.kernel()).name(c.name()).nOut(c.filters())
                    .stride(c.stride(), c.stride()).convolutionMode(mode(c.padding()))
                    .activation(activation(c.activation(), c.alpha())).build();
        } else if (layer instanceof LayerSpec.Deconv2D c) {
            return new Deconvolution2D.Builder(c.kernel(), c.kernel()).name(c.name()).nOut(c.filters())
                    .stride(c.stride(), c.stride()).convolutionMode(mode(c.padding()))
                    .activation(activation(c.activation(), c.alpha())).build();
        } else if (layer instanceof LayerSpec.Upsample2D u) {
            return new Upsampling2D.Builder(u.scale()).name(u.name()).build();
        } else if (layer instanceof LayerSpec.Pool2D p) {
            return new org.deeplearning4j.nn.conf.layers.SubsamplingLayer.Builder(
                    p.pooling() == LayerSpec.Pool2D.Pooling.MAX
                            ? org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType.MAX
                            : org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType.AVG)
                    .kernelSize(p.kernel(), p.kernel()).stride(p.stride(), p.stride())
                    .convolutionMode(org.deeplearning4j.nn.conf.ConvolutionMode.Truncate).name(p.name()).build();
        }
        throw new IllegalStateException("no DL4J layer for " + layer.type());
    }

    /** The DL4J updater for an optimiser spec. */
    public static IUpdater updater(OptimizerSpec o) {
        return switch (o.type()) {
            case ADAM -> new Adam(o.learningRate(), o.beta1(), o.beta2(), 1e-8);
            case RMSPROP -> new RmsProp(o.learningRate(), 0.95, 1e-8);
            case SGD -> new Sgd(o.learningRate());
        };
    }

    static IActivation activation(Activation a, double alpha) {
        return switch (a) {
            case IDENTITY -> new ActivationIdentity();
            case RELU -> new ActivationReLU();
            case LEAKYRELU -> new ActivationLReLU(alpha);
            case TANH -> new ActivationTanH();
            case SIGMOID -> new ActivationSigmoid();
        };
    }

    private static ConvolutionMode mode(Padding p) {
        return p == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }
}
