package org.latentlab.train.ae;

import org.latentlab.train.Host;
import org.latentlab.train.ae.AutoencoderSettings.Reconstruction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reconstruction term of an autoencoder's loss, the mean over the batch of each example's sum, with its
 * gradient, computed by in-place ND4J operations on scratch arrays kept between calls (allocated again only when
 * the batch shape changes): at batch 128 of MNIST images, a fresh array per operation cost more than the
 * arithmetic.
 * <ul>
 *   <li>Cross-entropy from logits l (a Bernoulli decoder), in the stable form max(l, 0) − l·x + log(1 + e^−|l|);
 *       gradient σ(l) − x. The last term is −log max(σ(l), 1 − σ(l)) from the σ the gradient needs: one log
 *       instead of an exp and a log1p, libnd4j's slowest transforms here (its absolute error, below the data
 *       type's resolution near 1, is under 10⁻⁷ a value in float).</li>
 *   <li>Squared error Σ (x − r)², gradient 2(r − x); for a VAE the Gaussian likelihood with unit variance,
 *       ½ (x − r)² + ½ log 2π per value.</li>
 * </ul>
 * The sum is taken per row by ND4J and over the rows on the host in double: one float accumulator over 10⁵ values
 * drifted by ~0.1 %, per-row sums of a few hundred values stay within ~10⁻⁶. Not thread-safe.
 */
final class ReconstructionLoss {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Reconstruction kind;
    private final boolean gaussian;
    private INDArray a;
    private INDArray b;
    private INDArray rowSums;

    /** {@code gaussian}: squared error read as a unit-variance Gaussian likelihood (a VAE's). */
    ReconstructionLoss(Reconstruction kind, boolean gaussian) {
        this.kind = kind;
        this.gaussian = gaussian;
    }

    /**
     * The mean over the {@code n} rows of the loss of outputs {@code o} against targets {@code x} (both [n, d], same
     * data type), writing d(mean)/do into {@code grad} ([n, d]).
     */
    double valueAndGradient(INDArray o, INDArray x, INDArray grad) {
        long n = o.rows();
        scratch(o);
        double total;
        if (kind == Reconstruction.CROSS_ENTROPY) {
            Nd4j.exec(new Sigmoid(o, b));
            b.sub(x, grad).muli(1.0 / n);
            // log(1 + e^−|l|) = −log σ(|l|) = −log max(σ(l), 1 − σ(l)): one log on the σ already computed
            b.rsub(1, a);
            Transforms.max(a, b, false);
            Nd4j.exec(new Log(a, a));
            Nd4j.exec(new RectifiedLinear(o, b, 0.0));
            b.subi(a);
            o.mul(x, a);
            b.subi(a);
            return rowTotal(b) / n;
        }
        double scale = gaussian ? 0.5 : 1.0;
        o.sub(x, a);
        a.mul(a, b);
        total = scale * rowTotal(b);
        a.mul(2 * scale / n, grad);
        return gaussian ? total / n + HALF_LOG_TWO_PI * o.columns() : total / n;
    }

    /**
     * Each row's loss of outputs {@code o} against targets {@code x} (both [n, d], same data type): the terms whose
     * mean {@link #valueAndGradient} returns, in double.
     */
    double[] perRow(INDArray o, INDArray x) {
        valueAndGradient(o, x, o.ulike());
        double[] rows = Host.doubles(rowSums);
        if (kind == Reconstruction.CROSS_ENTROPY) {
            return rows;
        }
        double scale = gaussian ? 0.5 : 1.0;
        double constant = gaussian ? HALF_LOG_TWO_PI * o.columns() : 0;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = scale * rows[i] + constant;
        }
        return rows;
    }

    private void scratch(INDArray o) {
        if (a == null || !a.equalShapes(o) || a.dataType() != o.dataType()) {
            a = o.ulike();
            b = o.ulike();
            rowSums = Nd4j.create(o.dataType(), o.rows());
        }
    }

    private double rowTotal(INDArray values) {
        values.sum(rowSums, 1);
        double total = 0;
        for (double v : Host.doubles(rowSums)) {
            total += v;
        }
        return total;
    }
}
