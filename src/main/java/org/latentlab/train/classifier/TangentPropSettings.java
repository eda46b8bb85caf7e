package org.latentlab.train.classifier;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

import java.util.Locale;

/**
 * Tangent Prop (Simard, Victorri, LeCun &amp; Denker 1992, "Tangent Prop — a formalism for specifying selected
 * invariances in an adaptive network"): the classifier's loss gains λ · (1/n) Σᵢ Σⱼ ‖J(xᵢ) tᵢⱼ‖², J the Jacobian of
 * the logits with respect to the input, tᵢⱼ the first {@code k} unit tangent vectors at training image xᵢ, so the
 * logits change little along them.
 *
 * @param lambda    λ ≥ 0 (0: the plain classifier, bit for bit)
 * @param source    where the tangents come from: {@code classic} (the smoothed image's derivatives under
 *                  x-translation, y-translation, rotation and scaling, in that order) or {@code autoencoder} (the
 *                  top right singular vectors of a trained contractive autoencoder's encoder Jacobian)
 * @param k         tangents per image: 1..4 for classic (the first k of the four), 1..{@link #MAX_K} for autoencoder
 * @param smoothing σ in pixels of the Gaussian the classic tangents are taken from (0: none); ignored otherwise
 */
public record TangentPropSettings(double lambda, Source source, int k, double smoothing) {

    /** The most autoencoder tangents per image. */
    public static final int MAX_K = 32;

    /** Where the tangent vectors come from. */
    public enum Source {
        CLASSIC, AUTOENCODER;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Source parse(String s) {
            return EnumIds.parse(values(), Source::id, s, "tangent source");
        }
    }

    public TangentPropSettings {
        if (!(lambda >= 0) || lambda > 1e4) {
            throw new IllegalArgumentException("tangentProp lambda must be in [0, 10000] (0 = no Tangent Prop), not "
                    + lambda);
        }
        if (source == null) {
            throw new IllegalArgumentException("tangentProp needs a source: \"classic\" (translations, rotation,"
                    + " scaling) or \"autoencoder\" (an autoencoder's tangent plane)");
        }
        int most = source == Source.CLASSIC ? 4 : MAX_K;
        if (k < 1 || k > most) {
            throw new IllegalArgumentException("tangentProp k (tangents per image) must be 1.." + most + " for the "
                    + source.id() + " source, not " + k);
        }
        if (!(smoothing >= 0) || smoothing > 4) {
            throw new IllegalArgumentException("tangentProp smoothing (Gaussian sigma in pixels) must be 0..4, not "
                    + smoothing);
        }
    }

    /** Whether the penalty is on (λ &gt; 0). */
    public boolean active() {
        return lambda > 0;
    }

    /** The same settings with another λ. */
    public TangentPropSettings withLambda(double l) {
        return new TangentPropSettings(l, source, k, smoothing);
    }

    /** The same settings with another source (and k, which the source bounds). */
    public TangentPropSettings withSource(Source s, int tangents) {
        return new TangentPropSettings(lambda, s, tangents, smoothing);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Tangent Prop λ=%s, %d %s tangents%s", lambda, k, source.id(),
                source == Source.CLASSIC && smoothing > 0 ? String.format(Locale.ROOT, " (σ=%.1f px)", smoothing)
                        : "");
    }
}
