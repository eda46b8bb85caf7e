package org.latentlab.train.cyclegan;

import org.latentlab.engine.TrainingNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * CycleGAN's loss terms (Zhu, Park, Isola and Efros 2017, Section 3) on the lab's engine, each as its value and its
 * gradient, which is added into the accumulators handed in (flat [1, P], DL4J's layout), so that a step sums the
 * terms. Every expectation is a mean over the batch and over an example's values, and the gradients are of those
 * means (the optimiser step divides by nothing). A network's passes leave its last forward state behind, so each
 * term runs its own forward passes before its backward passes; the discriminators' parameter gradients a generator
 * term leaves in them are overwritten by their own step.
 */
public final class CyclePasses {

    private CyclePasses() {
    }

    /**
     * A generator's least-squares GAN term {@code E[(D(gen(x)) − 1)²]}: its value, with its gradient with respect to
     * {@code gen}'s parameters added into {@code genGradient} (null: value only).
     */
    public static double adversarial(TrainingNetwork gen, TrainingNetwork disc, INDArray x, INDArray genGradient) {
        INDArray fake = gen.forward(x).dup();
        INDArray s = disc.forward(fake).dup();
        long n = s.rows();
        INDArray diff = s.sub(1.0);
        double value = diff.mul(diff).sumNumber().doubleValue() / n;
        if (genGradient != null) {
            INDArray ds = diff.muli(2.0 / n);
            INDArray dFake = disc.inputGradient(ds).dup();
            gen.forward(x);
            gen.backward(dFake);
            genGradient.addi(gen.gradient());
        }
        return value;
    }

    /**
     * Cycle consistency of one direction, {@code weight · E|second(first(x)) − x|}: its value, with its gradients
     * added into {@code firstGradient} and {@code secondGradient} (null: value only).
     */
    public static double cycle(TrainingNetwork first, TrainingNetwork second, INDArray x, double weight,
                               INDArray firstGradient, INDArray secondGradient) {
        INDArray y = first.forward(x).dup();
        INDArray back = second.forward(y).dup();
        INDArray diff = back.subi(x);
        double value = weight * Transforms.abs(diff, true).sumNumber().doubleValue() / diff.length();
        if (firstGradient != null) {
            INDArray dBack = Transforms.sign(diff, true).muli(weight / diff.length());
            INDArray dy = second.backward(dBack).dup();
            secondGradient.addi(second.gradient());
            first.forward(x);
            first.backward(dy);
            firstGradient.addi(first.gradient());
        }
        return value;
    }

    /**
     * The identity term of one generator, {@code weight · E|gen(y) − y|} for y of the domain it maps into: its value,
     * with its gradient added into {@code genGradient} (null: value only).
     */
    public static double identity(TrainingNetwork gen, INDArray y, double weight, INDArray genGradient) {
        INDArray diff = gen.forward(y).dup().subi(y);
        double value = weight * Transforms.abs(diff, true).sumNumber().doubleValue() / diff.length();
        if (genGradient != null) {
            gen.backward(Transforms.sign(diff, true).muli(weight / diff.length()));
            genGradient.addi(gen.gradient());
        }
        return value;
    }

    /**
     * A discriminator's least-squares loss {@code ½(E[(D(real) − 1)²] + E[D(fake)²])}: its value, with its gradient
     * added into {@code gradient} (null: value only).
     */
    public static double discriminator(TrainingNetwork d, INDArray real, INDArray fake, INDArray gradient) {
        return half(d, real, 1.0, gradient) + half(d, fake, 0.0, gradient);
    }

    private static double half(TrainingNetwork d, INDArray x, double target, INDArray gradient) {
        INDArray diff = d.forward(x).dup().subi(target);
        long n = diff.rows();
        double value = 0.5 * diff.mul(diff).sumNumber().doubleValue() / n;
        if (gradient != null) {
            d.backward(diff.muli(1.0 / n));
            gradient.addi(d.gradient());
        }
        return value;
    }
}
