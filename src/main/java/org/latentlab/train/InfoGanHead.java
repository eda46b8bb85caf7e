package org.latentlab.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.latentlab.core.LabException;
import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * InfoGAN's Q head and its information term (Chen et al. 2016, sections 5 and 6). Q reads the activations of D's
 * body (D's layers up to a named one, {@link TrainingNetwork#prefix}) and outputs K logits of the categorical code
 * and the means μ of the continuous codes. On a generated batch x = G(z, c) its loss is
 * <pre>
 *   L_I = (1/n) Σᵢ [ λ · CE(softmax(logitsᵢ), c_cat,i) + λ_c · Σⱼ ½ (c_ij − μ_ij)² ]
 * </pre>
 * (the continuous codes a Gaussian of fixed σ = 1, constants dropped), minimised by Q, D's body and G: the variational
 * lower bound of section 5, L_I(G, Q) = H(c) − CE ≤ I(c; G(z, c)), which for the categorical code is at most
 * ln K. In D's update the term's gradient reaches Q and, through the body, the head of D's gradient; in G's update
 * it reaches G through the body's input gradient.
 *
 * <p>Not thread-safe: the trainer's thread owns it. Q has its own optimiser, stepped with every D update. InfoGAN's
 * {@link GanVariant}: G's input [z, c] ({@link InfoGanCodes}), L_I added to D's and G's losses, Q in checkpoints.
 */
public final class InfoGanHead implements GanVariant {

    private final InfoGanCodes codes;
    private final MultiLayerNetwork qNetwork;
    private final TrainingNetwork q;
    private final TrainingNetwork body;
    private final double lambda;
    private final double continuousLambda;
    private final DataType type;
    private double lastCrossEntropy = Double.NaN;
    private double lastContinuousError = Double.NaN;
    private double lastLoss = Double.NaN;

    /**
     * @param discriminator D, whose layers up to {@code layer} are the body Q reads
     * @param qNetwork      Q: takes the body's activations, outputs K + C values (logits, then means)
     * @throws LabException when D has no such layer, the engine does not run the body, or Q's sizes do not fit
     */
    public InfoGanHead(InfoGanCodes codes, MultiLayerNetwork discriminator, String layer, MultiLayerNetwork qNetwork,
                       double lambda, double continuousLambda) {
        this.codes = codes;
        this.qNetwork = qNetwork;
        this.lambda = lambda;
        this.continuousLambda = continuousLambda;
        this.type = qNetwork.params().dataType();
        try {
            this.body = TrainingNetwork.prefix(discriminator, layer).orElseThrow(() -> new LabException(
                    "InfoGAN's Q reads D's layer '" + layer + "' on the lab's engine, and D has a layer the engine"
                            + " does not run before it: read an earlier layer"));
        } catch (IllegalArgumentException e) {
            throw new LabException("infogan.layer: " + e.getMessage(), e);
        }
        this.q = TrainingNetwork.of(qNetwork);
    }

    @Override
    public java.util.Optional<String> settingsRefusal(GanSettings settings) {
        return InfoGanCodes.refusal(settings);
    }

    @Override
    public java.util.Optional<String> refusalOfReferenceBatch() {
        return java.util.Optional.of("InfoGAN cannot use virtual batch norm in G (its reference batch holds noise"
                + " without codes): remove the virtual batch norm layers");
    }

    @Override
    public int generatorInputSize(int latentDim) {
        return codes.generatorInputSize();
    }

    @Override
    public INDArray generatorInput(double[] z, int n, java.util.Random rng) {
        return codes.codes(z, n, rng);
    }

    /** L_I on the generated batch added to D's loss and gradient; the information bound in the status. */
    @Override
    public void addToDiscriminator(INDArray fake, INDArray gInput, INDArray gradient, GanTrainer.StepStats stats) {
        stats.discriminatorLoss += addToDiscriminator(fake, gInput, gradient);
        stats.informationBound = categoricalLowerBound();
    }

    @Override
    public INDArray addToGenerator(INDArray fake, INDArray gInput, INDArray inputGradient,
                                   GanTrainer.StepStats stats) {
        INDArray gradient = inputGradient(fake, gInput).addi(inputGradient);
        stats.generatorLoss += lastLoss();
        stats.informationBound = categoricalLowerBound();
        return gradient;
    }

    @Override
    public void afterDiscriminatorUpdate(int updates) {
        updateQ(updates);
    }

    @Override
    public java.util.Map<String, MultiLayerNetwork> checkpointNetworks() {
        return java.util.Map.of("Q", qNetwork);
    }

    /** What one evaluation of L_I gives: the loss, its parts and dL_I/d(Q's output), row-major [n × (K + C)]. */
    public record Loss(double value, double crossEntropy, double continuousError, double[] outputGradient) {
    }

    /**
     * L_I of Q's outputs {@code out} (n rows of K logits then C means) against the codes drawn, and its gradient to
     * the outputs: λ (softmax − one-hot) / n on the logits, λ_c (μ − c) / n on the means. In double.
     */
    public static Loss loss(double[] out, int n, int k, int c, int[] labels, double[] continuousCodes, double lambda,
                            double continuousLambda) {
        int w = k + c;
        double[] grad = new double[n * w];
        double ce = 0;
        double se = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, out[i * w + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                sum += Math.exp(out[i * w + j] - max);
            }
            double logZ = max + Math.log(sum);
            ce += logZ - out[i * w + labels[i]];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(out[i * w + j] - logZ);
                grad[i * w + j] = lambda * (p - (j == labels[i] ? 1 : 0)) / n;
            }
            for (int j = 0; j < c; j++) {
                double diff = out[i * w + k + j] - continuousCodes[i * c + j];
                se += 0.5 * diff * diff;
                grad[i * w + k + j] = continuousLambda * diff / n;
            }
        }
        ce /= n;
        se /= n;
        return new Loss(lambda * ce + continuousLambda * se, ce, se, grad);
    }

    /**
     * D's part: L_I on a generated batch {@code fake} made from G's inputs {@code gInput}; fills Q's gradient and
     * adds the term's gradient to the head of D's gradient {@code dGradient} (the body's parameters). Returns L_I.
     */
    double addToDiscriminator(INDArray fake, INDArray gInput, INDArray dGradient) {
        int n = (int) fake.rows();
        Loss l = evaluate(fake, gInput);
        INDArray featureGradient = q.backward(outputGradient(l, n));
        INDArray head = dGradient.reshape(dGradient.length()).get(NDArrayIndex.interval(0, body.gradient().length()));
        INDArray saved = head.dup();
        head.assign(0);
        body.backward(featureGradient);
        head.addi(saved);
        return l.value();
    }

    /** Q's optimiser step from the gradient of the last {@link #addToDiscriminator}. */
    void updateQ(int iteration) {
        q.update(iteration);
    }

    /** G's part: L_I on G's samples {@code fake} from {@code gInput}; returns dL_I/dx, a fresh [n, d] array. */
    INDArray inputGradient(INDArray fake, INDArray gInput) {
        int n = (int) fake.rows();
        Loss l = evaluate(fake, gInput);
        INDArray featureGradient = q.inputGradient(outputGradient(l, n));
        return body.inputGradient(featureGradient).dup();
    }

    /** Q(body(x)) in training mode and L_I against the codes in {@code gInput}; records the parts. */
    private Loss evaluate(INDArray fake, INDArray gInput) {
        int n = (int) fake.rows();
        INDArray features = body.forward(fake.reshape('c', n, fake.length() / n));
        double[] out = q.forward(features).dup('c').castTo(DataType.DOUBLE).data().asDouble();
        Loss l = loss(out, n, codes.categorical(), codes.continuous(), codes.labelsOf(gInput),
                codes.continuousOf(gInput), lambda, continuousLambda);
        lastCrossEntropy = l.crossEntropy();
        lastContinuousError = l.continuousError();
        lastLoss = l.value();
        return l;
    }

    private INDArray outputGradient(Loss l, int n) {
        return Nd4j.create(l.outputGradient(), new long[] {n, codes.codeColumns()}, 'c').castTo(type);
    }

    /** The lower bound of I(c_cat; G(z, c)) on the last batch: ln K − CE (section 5), at most ln K. */
    public double categoricalLowerBound() {
        return Math.log(codes.categorical()) - lastCrossEntropy;
    }

    /** The mean of Σⱼ ½ (c_j − μ_j)² on the last batch (NaN before the first; 0 without continuous codes). */
    public double continuousError() {
        return lastContinuousError;
    }

    /** The last batch's mean cross-entropy and mean continuous error. */
    double[] lastLossParts() {
        return new double[] {lastCrossEntropy, lastContinuousError};
    }

    /** L_I on the last batch. */
    public double lastLoss() {
        return lastLoss;
    }

    public InfoGanCodes codes() {
        return codes;
    }

    /** Q's network (its parameters and optimiser state go into checkpoints). */
    public MultiLayerNetwork qNetwork() {
        return qNetwork;
    }

    /** Q's training passes (for tests of its gradient). */
    TrainingNetwork q() {
        return q;
    }
}
