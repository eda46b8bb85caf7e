package org.latentlab.model.edit;

import java.util.List;

/**
 * One problem found in a graph or a design, attached to what is at fault so that the canvas can mark it: node ids
 * and edges (either may be empty). {@code network} names the network it was found in, or is null for a design-level
 * problem between two networks (a generator whose output does not fit the discriminator). The message is written
 * for a person and says how to fix it.
 */
public record Diagnostic(Severity severity, Code code, String network, String message, List<String> nodes,
                         List<Edge> edges) {

    /** An error stops the graph from being built or trained; a warning does not. */
    public enum Severity {
        ERROR, WARNING
    }

    /** What kind of problem; each has its own message. */
    public enum Code {
        // ---- one network ----
        /** The network has no layers. */
        EMPTY,
        /** A layer with no connection at all. */
        DISCONNECTED,
        /** A layer whose input port has nothing connected (but whose output feeds something). */
        DANGLING_INPUT,
        /** The input node feeds nothing. */
        INPUT_UNCONNECTED,
        /** Connections that go round in a circle. */
        CYCLE,
        /** A layer with two or more connections into its input: the lab's layers take one input. */
        MERGE_UNSUPPORTED,
        /** Every layer the input reaches feeds another one: there is no last layer. */
        NO_OUTPUT,
        /** The input reaches more than one last layer (the chain branches). */
        MULTIPLE_OUTPUTS,
        /** A layer cannot take the shape it receives. */
        SHAPE_MISMATCH,
        /** A layer would produce an empty output (a valid convolution whose kernel is larger than its input). */
        ZERO_SIZE,
        /** The chain only rearranges values (reshape / flatten): nothing for DL4J to build. */
        NO_COMPUTING_LAYER,
        // ---- roles of a design ----
        /** A network's input or output does not fit the data shape of the experiment. */
        DATA_MISMATCH,
        /** Two shapes with the same number of values but a different layout; works, as examples travel flat. */
        LAYOUT_MISMATCH,
        /** A generator whose input (the noise z) is not a vector. */
        NOISE_NOT_VECTOR,
        /** A discriminator or critic that does not end in one score per example (a dense layer of 1 unit). */
        DISCRIMINATOR_HEAD,
        /** A discriminator's one-unit head with an activation: the GAN losses take its raw score. */
        HEAD_ACTIVATION,
        /** A WGAN critic ending in a sigmoid. */
        CRITIC_SIGMOID,
        /** Batch norm in a WGAN critic. */
        CRITIC_BATCHNORM,
        /** An autoencoder's code (encoder output) does not fit the decoder's input. */
        CODE_MISMATCH,
        /** A VAE encoder that does not output 2 x code size values (the mean and log-variance). */
        VAE_HEAD_SIZE,
        /** A VAE encoder head with an activation: the mean and log-variance are unbounded. */
        VAE_HEAD_ACTIVATION,
        /** An RBM layer that is not a dense layer of sigmoid units. */
        RBM_LAYER,
        // ---- the GAN zoo's joins ----
        /** An input that joins labels or codes to the noise, the data or the code has the wrong size. */
        JOIN_SIZE,
        /** The layer of D a head reads or a loss measures in is missing, or is D's output. */
        WIRED_LAYER,
        /** An energy-based GAN's D does not reconstruct its input. */
        ENERGY_OUTPUT,
        /** An adversarial autoencoder that is not of the form the lab builds its three networks in. */
        AAE_FORM
    }

    public Diagnostic {
        if (severity == null || code == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a diagnostic needs a severity, a code and a message");
        }
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    static Diagnostic error(Code code, String network, String message, List<String> nodes, List<Edge> edges) {
        return new Diagnostic(Severity.ERROR, code, network, message, nodes, edges);
    }

    static Diagnostic warning(Code code, String network, String message, List<String> nodes, List<Edge> edges) {
        return new Diagnostic(Severity.WARNING, code, network, message, nodes, edges);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code G: 'g2' (dense): a dense layer expects a vector but receives 32x7x7: add a Flatten}. */
    @Override
    public String toString() {
        return (network == null ? "" : network + ": ") + message;
    }
}
