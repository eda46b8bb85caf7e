package org.latentlab.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A VAE's negative ELBO on a fixed batch and a fixed noise draw ε (Kingma and Welling 2014), as passes over
 * θ = [θ_encoder, θ_decoder]: the encoder's plan gives e = [μ, log σ²] per example, the code is
 * z = μ + σ ⊙ ε with σ = exp(½ log σ²), the decoder's plan maps z to the output the loss head compares with the
 * target, and the passes add β · mean KL(N(μ, σ²) ‖ N(0, I)) = β/n · Σ ½(μ² + σ² − 1 − log σ²) themselves.
 *
 * <p>Backward through the sampling block: ∂L/∂μ = ∂L/∂z + β μ / n, ∂L/∂log σ² = ½ σ ε ⊙ ∂L/∂z + ½ β (σ² − 1) / n.
 * Its R-operator along a parameter direction: R z = Rμ + ½ σ ε ⊙ R log σ²; R{∂L/∂μ} = R{∂L/∂z} + β Rμ / n and
 * R{∂L/∂log σ²} = ½ σ ε ⊙ (R{∂L/∂z} + ½ ∂L/∂z ⊙ R log σ²) + ½ β σ² R log σ² / n. The two plans keep parameter,
 * direction and product vectors of their own; the flat vectors here are their concatenation, copied across.
 */
final class VariationalPasses implements CurvaturePasses {

    private final ChainPlan encoder;
    private final ChainPlan decoder;
    private final INDArray params;
    private final INDArray gradient;
    private final INDArray direction;
    private final INDArray product;
    private final INDArray encoderParams;
    private final INDArray decoderParams;
    private final INDArray encoderGradient;
    private final INDArray decoderGradient;
    private final INDArray input;
    private final INDArray noise;
    private final INDArray outputGradient;
    private final double klWeight;
    private final double constant;
    private final long encoderSize;
    private final long size;
    private final int codes;
    /** [n, k] each: σ, ½ σ ε, z, ∂L/∂z kept from the backward pass, scratch. */
    private final INDArray sigma;
    private final INDArray halfSigmaNoise;
    private final INDArray code;
    private final INDArray codeGradient;
    private final INDArray scratch;
    /** [n, 2k]: ∂L/∂e and R{∂L/∂e}. */
    private final INDArray encodingGradient;
    private double kl;
    /** R(e), live, from the last {@link #rForward}. */
    private INDArray rEncoding;

    /**
     * @param encoder  the encoder's plan (outputs 2k per example), on its own parameter and gradient vectors
     * @param decoder  the decoder's plan (takes k per example)
     * @param input    the batch the encoder takes, [n, inputs], DOUBLE
     * @param noise    ε, [n, k]
     * @param beta     the KL term's weight
     * @param constant added to the loss (a Gaussian likelihood's normalising constant)
     */
    VariationalPasses(ChainPlan encoder, INDArray encoderParams, INDArray encoderGradient, ChainPlan decoder,
                      INDArray decoderParams, INDArray decoderGradient, INDArray input, INDArray noise, double beta,
                      double constant) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.encoderParams = encoderParams;
        this.decoderParams = decoderParams;
        this.encoderGradient = encoderGradient;
        this.decoderGradient = decoderGradient;
        this.input = input;
        this.noise = noise;
        int n = encoder.batch();
        this.codes = (int) noise.size(1);
        this.klWeight = beta / n;
        this.constant = constant;
        this.encoderSize = encoderParams.length();
        this.size = encoderSize + decoderParams.length();
        DataType type = DataType.DOUBLE;
        this.params = Nd4j.create(type, 1, size);
        this.gradient = Nd4j.create(type, 1, size);
        this.direction = Nd4j.create(type, 1, size);
        this.product = Nd4j.create(type, 1, size);
        encoderPart(params).assign(encoderParams);
        decoderPart(params).assign(decoderParams);
        this.outputGradient = Nd4j.create(type, n, decoder.chain().outputSize());
        this.sigma = noise.ulike();
        this.halfSigmaNoise = noise.ulike();
        this.code = noise.ulike();
        this.codeGradient = noise.ulike();
        this.scratch = noise.ulike();
        this.encodingGradient = Nd4j.create(type, n, 2L * codes);
        encoder.compileCurvature();
        decoder.compileCurvature();
    }

    private INDArray encoderPart(INDArray flat) {
        return flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, encoderSize));
    }

    private INDArray decoderPart(INDArray flat) {
        return flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(encoderSize, size));
    }

    private INDArray means(INDArray e) {
        return e.get(NDArrayIndex.all(), NDArrayIndex.interval(0, codes));
    }

    private INDArray logVariances(INDArray e) {
        return e.get(NDArrayIndex.all(), NDArrayIndex.interval(codes, 2L * codes));
    }

    @Override
    public long parameterCount() {
        return size;
    }

    @Override
    public INDArray parameters() {
        return params;
    }

    @Override
    public INDArray forward() {
        encoderParams.assign(encoderPart(params));
        decoderParams.assign(decoderPart(params));
        INDArray e = encoder.forward(input);
        INDArray mu = means(e);
        INDArray logVar = logVariances(e);
        Transforms.exp(sigma.assign(logVar).muli(0.5), false);
        halfSigmaNoise.assign(sigma).muli(noise).muli(0.5);
        code.assign(sigma).muli(noise).addi(mu);
        // KL = ½ Σ (μ² + σ² − 1 − log σ²)
        scratch.assign(mu).muli(mu).addi(sigma.mul(sigma)).subi(logVar).subi(1);
        kl = 0.5 * scratch.sumNumber().doubleValue();
        return decoder.forward(code);
    }

    @Override
    public double auxiliaryLoss() {
        return klWeight * kl + constant;
    }

    @Override
    public INDArray outputGradient() {
        return outputGradient;
    }

    @Override
    public INDArray backward() {
        codeGradient.assign(decoder.backward(outputGradient));
        INDArray e = encoder.output();
        means(encodingGradient).assign(means(e)).muli(klWeight).addi(codeGradient);
        // ½ σ ε ⊙ ∂L/∂z + ½ β (σ² − 1) / n
        logVariances(encodingGradient).assign(sigma).muli(sigma).subi(1).muli(0.5 * klWeight)
                .addi(halfSigmaNoise.mul(codeGradient));
        encoder.backward(encodingGradient);
        encoderPart(gradient).assign(encoderGradient);
        decoderPart(gradient).assign(decoderGradient);
        return gradient;
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public INDArray direction() {
        return direction;
    }

    @Override
    public INDArray rForward() {
        encoder.direction().assign(encoderPart(direction));
        decoder.direction().assign(decoderPart(direction));
        INDArray re = encoder.rForward(true);
        rEncoding = re;
        // R z = Rμ + ½ σ ε ⊙ R log σ²
        decoder.rInput().assign(halfSigmaNoise.mul(logVariances(re))).addi(means(re));
        return decoder.rForward(true);
    }

    @Override
    public INDArray rOutputGradient() {
        return decoder.rOutputGradient();
    }

    @Override
    public INDArray rBackward() {
        decoderPart(product).assign(decoder.rBackward(true));
        INDArray rCodeGradient = decoder.rInputGradient();
        INDArray rMu = means(rEncoding);
        INDArray rLogVar = logVariances(rEncoding);
        INDArray r = encoder.rOutputGradient();
        means(r).assign(rMu).muli(klWeight).addi(rCodeGradient);
        // ½ σ ε ⊙ (R{∂L/∂z} + ½ ∂L/∂z ⊙ R log σ²) + ½ β σ² R log σ² / n
        scratch.assign(codeGradient).muli(rLogVar).muli(0.5).addi(rCodeGradient).muli(halfSigmaNoise);
        logVariances(r).assign(sigma).muli(sigma).muli(rLogVar).muli(0.5 * klWeight).addi(scratch);
        encoderPart(product).assign(encoder.rBackward(true));
        return product;
    }

    @Override
    public String describe() {
        return "a VAE's encoder, sampling block and decoder";
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
    }
}
