package org.latentlab.train;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.DenseViews;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The WGAN-GP gradient penalty Ω = (λ/m) Σᵢ (‖∇ₓ D(x̂ᵢ)‖ − 1)² and its gradient with respect to the critic's
 * parameters. That gradient needs a derivative of a derivative, which DL4J cannot take ("Differentiation of MmulBp
 * not supported"), so it is written out here for critics made of dense layers: a forward pass, the backward pass
 * that gives ∇ₓ D, and reverse-mode differentiation through both. Checked against central finite differences in
 * double precision by {@code GradientPenaltyTest}. Critics on the engine, convolutional ones included, use
 * {@link EngineGradientPenalty} (exact by Pearlmutter's R-operator); this one serves dense critics that only DL4J's
 * layer objects run, and is that one's oracle.
 *
 * <p>Notation for layer l = 1..L (DL4J's layout: W is [in, out]): A_l = H_{l−1} W_l + b_l, H_l = f_l(A_l), D = A_L.
 * Input gradient: G_L = 1, P_{l−1} = G_l W_lᵀ, G_{l−1} = P_{l−1} ⊙ f'(A_{l−1}); ∇ₓD = P_0.
 */
public final class GradientPenalty implements CriticPenalty {

    /** The penalty's value and the mean norm of the critic's input gradient at the interpolates. */
    public record Result(double penalty, double meanGradientNorm) {
    }

    private enum Kind { IDENTITY, RELU, LEAKY, TANH, SIGMOID }

    private final MultiLayerNetwork critic;
    private final Kind[] kinds;
    private final double[] alphas;

    public GradientPenalty(MultiLayerNetwork critic) {
        this.critic = critic;
        int n = critic.getnLayers();
        kinds = new Kind[n];
        alphas = new double[n];
        for (int i = 0; i < n; i++) {
            Object conf = critic.getLayer(i).conf().getLayer();
            if (!(conf instanceof DenseLayer dense)) {
                throw new LabException("WGAN-GP here needs a critic made of dense layers (with their activations);"
                        + " layer " + (i + 1) + " is a " + conf.getClass().getSimpleName()
                        + ". Use the MLP critic or the wgan loss with weight clipping");
            }
            if (critic.getLayerWiseConfigurations().getInputPreProcess(i) != null && i > 0) {
                throw new LabException("WGAN-GP critic layer " + (i + 1) + " has an input preprocessor;"
                        + " only plain dense stacks are supported");
            }
            IActivation a = dense.getActivationFn();
            if (a instanceof ActivationIdentity) {
                kinds[i] = Kind.IDENTITY;
            } else if (a instanceof ActivationReLU) {
                kinds[i] = Kind.RELU;
            } else if (a instanceof ActivationLReLU l) {
                kinds[i] = Kind.LEAKY;
                alphas[i] = l.getAlpha();
            } else if (a instanceof ActivationTanH) {
                kinds[i] = Kind.TANH;
            } else if (a instanceof ActivationSigmoid) {
                kinds[i] = Kind.SIGMOID;
            } else {
                throw new LabException("WGAN-GP critic layer " + (i + 1) + " uses activation " + a
                        + ", which the penalty's hand-written derivative does not cover");
            }
        }
        if (kinds[n - 1] != Kind.IDENTITY) {
            throw new LabException("a WGAN-GP critic's last layer must be linear (no activation)");
        }
    }

    /**
     * Computes Ω at the interpolates {@code xHat} and, if {@code gradient} is not null, adds ∂Ω/∂θ into it (the
     * critic's flat gradient [1, P] in DL4J's layout: per layer W [nIn, nOut] in 'f' order, then b).
     */
    @Override
    public Result apply(INDArray xHat, double lambda, INDArray gradient) {
        int layers = kinds.length;
        long m = xHat.rows();
        INDArray[] w = new INDArray[layers + 1];
        INDArray[] h = new INDArray[layers + 1];
        INDArray[] d1 = new INDArray[layers + 1];
        INDArray[] d2 = new INDArray[layers + 1];
        h[0] = xHat;
        for (int l = 1; l <= layers; l++) {
            w[l] = critic.getLayer(l - 1).getParam("W");
            INDArray b = critic.getLayer(l - 1).getParam("b");
            INDArray a = h[l - 1].mmul(w[l]).addiRowVector(b);
            derivatives(kinds[l - 1], alphas[l - 1], a, l, h, d1, d2);
        }
        // Backward pass for the input gradient.
        INDArray[] g = new INDArray[layers + 1];
        INDArray[] p = new INDArray[layers + 1];
        g[layers] = Nd4j.ones(xHat.dataType(), m, 1);
        for (int l = layers; l >= 1; l--) {
            p[l - 1] = g[l].mmul(w[l].transpose());
            if (l > 1) {
                g[l - 1] = p[l - 1].mul(d1[l - 1]);
            }
        }
        INDArray norms = p[0].norm2(1);
        double[] nrm = norms.toDoubleVector();
        double penalty = 0;
        double meanNorm = 0;
        double[] coef = new double[nrm.length];
        for (int i = 0; i < nrm.length; i++) {
            penalty += (nrm[i] - 1) * (nrm[i] - 1);
            meanNorm += nrm[i];
            coef[i] = 2 * lambda / m * (nrm[i] - 1) / Math.max(nrm[i], 1e-12);
        }
        penalty *= lambda / m;
        meanNorm /= m;
        if (gradient == null) {
            return new Result(penalty, meanNorm);
        }
        // Reverse mode through the backward pass: adjoints of P_{l-1}, G_l and of the pre-activations A_l.
        INDArray pBar = p[0].mulColumnVector(Nd4j.create(coef, new long[] {m, 1}, xHat.dataType()));
        INDArray[] aBar = new INDArray[layers + 1];
        for (int l = 1; l <= layers; l++) {
            DenseViews.weights(critic, gradient, l - 1).addi(pBar.transpose().mmul(g[l]));
            if (l < layers) {
                INDArray gBar = pBar.mmul(w[l]);
                if (d2[l] != null) {
                    aBar[l] = gBar.mul(p[l]).muli(d2[l]);
                }
                pBar = gBar.muli(d1[l]);
            }
        }
        // Those pre-activation adjoints flow back through the forward pass (nonzero only for curved activations).
        INDArray bNext = null;
        for (int l = layers - 1; l >= 1; l--) {
            INDArray bl = aBar[l];
            if (bNext != null) {
                INDArray back = bNext.mmul(w[l + 1].transpose()).muli(d1[l]);
                bl = bl == null ? back : bl.addi(back);
            }
            if (bl != null) {
                DenseViews.weights(critic, gradient, l - 1).addi(h[l - 1].transpose().mmul(bl));
                INDArray bGrad = DenseViews.bias(critic, gradient, l - 1);
                bGrad.addi(bl.sum(0).reshape(bGrad.shape()));
            }
            bNext = bl;
        }
        return new Result(penalty, meanNorm);
    }

    private static void derivatives(Kind kind, double alpha, INDArray a, int l, INDArray[] h, INDArray[] d1,
                                    INDArray[] d2) {
        switch (kind) {
            case IDENTITY -> {
                h[l] = a;
                d1[l] = Nd4j.onesLike(a);
            }
            case RELU -> {
                d1[l] = a.gt(0).castTo(a.dataType());
                h[l] = a.mul(d1[l]);
            }
            case LEAKY -> {
                d1[l] = a.gt(0).castTo(a.dataType()).muli(1 - alpha).addi(alpha);
                h[l] = a.mul(d1[l]);
            }
            case TANH -> {
                INDArray t = Transforms.tanh(a, true);
                h[l] = t;
                d1[l] = t.mul(t).rsubi(1);
                d2[l] = t.mul(d1[l]).muli(-2);
            }
            case SIGMOID -> {
                INDArray s = Transforms.sigmoid(a, true);
                h[l] = s;
                d1[l] = s.mul(s.rsub(1));
                d2[l] = d1[l].mul(s.mul(-2).addi(1));
            }
        }
    }
}
