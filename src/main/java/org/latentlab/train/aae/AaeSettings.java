package org.latentlab.train.aae;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.latentlab.model.OptimizerSpec;

import java.util.List;
import java.util.Locale;

/**
 * How an adversarial autoencoder is built and trained (an experiment's {@code "aae"} block). The encoder is
 * pixels → {@code hidden} (ReLU) → {@code code} (linear), the decoder {@code code} → {@code hidden} reversed (ReLU) →
 * pixels (sigmoid), the discriminator {@code code} (plus the one-hot label when {@code supervised}) →
 * {@code discriminatorHidden} (ReLU) → one logit (Makhzani et al. 2016, appendix A: two layers of 1000 ReLU units in
 * each network, a linear code, a sigmoid output, batches of 100, a Euclidean reconstruction cost).
 *
 * @param hidden                 the encoder's hidden layers, from the pixels up; the decoder mirrors them
 * @param discriminatorHidden    the code discriminator's hidden layers
 * @param code                   the code's size (2 for the mixture and the swiss roll)
 * @param prior                  the distribution the code is made to follow
 * @param supervised             section 2.3: the discriminator also sees the one-hot label, and the prior sample of
 *                               an example is drawn from its label's part of the prior
 * @param batch                  examples per phase
 * @param reconstructionOptimizer the reconstruction phase's optimiser (encoder and decoder)
 * @param regularisationOptimizer the regularisation phase's (the discriminator, and the encoder as its generator,
 *                               with optimiser state of its own). Each phase's Adam moves the encoder by about its
 *                               rate per step whatever the size of its gradient, so the two rates set the balance:
 *                               a reconstruction rate five times the regularisation rate (0.001 against 0.0002)
 *                               left MNIST codes at ±10 against N(0, I); the default is 0.0001 for both
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AaeSettings(List<Integer> hidden, List<Integer> discriminatorHidden, int code, AaePrior prior,
                          boolean supervised, int batch, OptimizerSpec reconstructionOptimizer,
                          OptimizerSpec regularisationOptimizer) {

    public static final int MAX_UNITS = 8192;
    public static final int MAX_LAYERS = 8;
    public static final int MAX_CODE = 1024;
    public static final int MAX_BATCH = 10_000;

    public AaeSettings {
        hidden = layers("aae.hidden", hidden);
        discriminatorHidden = layers("aae.discriminatorHidden", discriminatorHidden);
        if (code < 1 || code > MAX_CODE) {
            throw new IllegalArgumentException("aae.code: the code has 1 to " + MAX_CODE + " dimensions, not " + code);
        }
        if (prior == null) {
            throw new IllegalArgumentException("aae.prior: name the prior the code should follow: gaussian, mixture"
                    + " or swiss-roll");
        }
        if (prior.requiredDimension() != 0 && code != prior.requiredDimension()) {
            throw new IllegalArgumentException("aae.prior: the " + prior.id() + " prior is 2-D, so aae.code must be 2,"
                    + " not " + code);
        }
        if (supervised && !prior.hasParts()) {
            throw new IllegalArgumentException("aae.supervised: the label-conditioned variant draws each label's"
                    + " prior sample from its own part of the prior: use the mixture or the swiss-roll prior, not "
                    + prior.id());
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("aae.batch: 1 to " + MAX_BATCH + " examples, not " + batch);
        }
        if (reconstructionOptimizer == null) {
            reconstructionOptimizer = OptimizerSpec.adam(1e-4, 0.9);
        }
        if (regularisationOptimizer == null) {
            regularisationOptimizer = OptimizerSpec.adam(1e-4, 0.5);
        }
    }

    private static List<Integer> layers(String field, List<Integer> sizes) {
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException(field + ": give at least one hidden layer size, e.g. [1000, 1000]");
        }
        if (sizes.size() > MAX_LAYERS) {
            throw new IllegalArgumentException(field + ": at most " + MAX_LAYERS + " hidden layers, not "
                    + sizes.size());
        }
        for (int i = 0; i < sizes.size(); i++) {
            Integer n = sizes.get(i);
            if (n == null || n < 1 || n > MAX_UNITS) {
                throw new IllegalArgumentException(field + ": layer " + (i + 1) + " has " + n + " units; a hidden"
                        + " layer has 1 to " + MAX_UNITS);
            }
        }
        return List.copyOf(sizes);
    }

    /** The discriminator's input: the code, and the one-hot label when supervised. */
    public int discriminatorInput() {
        return code + (supervised ? AaePrior.COMPONENTS : 0);
    }

    /** "784-1000-1000-2 mixture prior, label-conditioned, D 1000-1000; batch 100, reconstruction Adam ...". */
    public String describe(int visible) {
        StringBuilder s = new StringBuilder().append(visible);
        hidden.forEach(h -> s.append('-').append(h));
        s.append('-').append(code).append(' ').append(prior.id()).append(" prior");
        if (supervised) {
            s.append(", label-conditioned");
        }
        s.append(", D");
        for (int i = 0; i < discriminatorHidden.size(); i++) {
            s.append(i == 0 ? " " : "-").append(discriminatorHidden.get(i));
        }
        return s.append(String.format(Locale.ROOT, "; batch %d, reconstruction %s, regularisation %s", batch,
                reconstructionOptimizer, regularisationOptimizer)).toString();
    }
}
