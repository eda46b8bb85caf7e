package org.latentlab.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

/**
 * Optimiser of one network: {@code {"type": "adam", "learningRate": 2e-4, "beta1": 0.5, "beta2": 0.999}}.
 * RMSProp (the WGAN paper's choice) and plain SGD are also offered.
 */
public record OptimizerSpec(Kind type, double learningRate, double beta1, double beta2) {

    public enum Kind {
        ADAM, RMSPROP, SGD;

        @JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @JsonCreator
        public static Kind parse(String s) {
            return EnumIds.parse(values(), Kind::id, s, "optimiser");
        }
    }

    public OptimizerSpec {
        type = type == null ? Kind.ADAM : type;
        if (!(learningRate > 0 && learningRate < 10)) {
            throw new IllegalArgumentException("learning rate must be in (0, 10), not " + learningRate);
        }
        beta1 = beta1 == 0 && type == Kind.ADAM ? 0.9 : beta1;
        beta2 = beta2 == 0 && type == Kind.ADAM ? 0.999 : beta2;
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), not " + beta1 + ", " + beta2);
        }
    }

    public static OptimizerSpec adam(double learningRate, double beta1) {
        return new OptimizerSpec(Kind.ADAM, learningRate, beta1, 0.999);
    }

    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(type, lr, beta1, beta2);
    }

    @Override
    public String toString() {
        return switch (type) {
            case ADAM -> "Adam lr=" + learningRate + " b1=" + beta1 + " b2=" + beta2;
            case RMSPROP -> "RMSProp lr=" + learningRate;
            case SGD -> "SGD lr=" + learningRate;
        };
    }
}
