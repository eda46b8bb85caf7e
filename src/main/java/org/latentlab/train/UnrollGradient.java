package org.latentlab.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.latentlab.core.EnumIds;

/**
 * How the unrolled GAN (Metz et al. 2017, "Unrolled generative adversarial networks") forms G's gradient after its
 * k look-ahead updates of D, θ_D^{i+1} = U(θ_D^i, θ_G):
 * <ul>
 *   <li>{@code first-order}: ∂L_G/∂θ_G against the unrolled D held fixed (the paper's cheap approximation);</li>
 *   <li>{@code exact}: the gradient of f_K(θ_G) = L_G(θ_G, θ_D^K(θ_G)) through the k updates, the paper's eq. 7-12:
 *       ∂L_G/∂θ_G + (dθ_D^K/dθ_G)ᵀ ∂L_G/∂θ_D^K, by reverse mode through D's optimiser steps
 *       ({@link UnrolledGradient}).</li>
 * </ul>
 */
public enum UnrollGradient {
    FIRST_ORDER("first-order"),
    EXACT("exact");

    private final String id;

    UnrollGradient(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static UnrollGradient parse(String s) {
        return EnumIds.parse(values(), UnrollGradient::id, s, "unrolled gradient");
    }
}
