package org.latentlab.experiment;

import org.latentlab.core.LabException;
import org.latentlab.train.sbn.SbnTrainer;
import org.latentlab.train.sbn.SigmoidBeliefNet;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A sigmoid belief net's checkpoint, in the run's {@code checkpoints/iter-NNNNNNNN/} like every family's (written and
 * sealed through {@link FamilyCheckpoint}): {@code state.json} with the iteration and the wake-sleep settings, and
 * {@value #NET} with every weight and bias in double precision. The trainer draws each iteration's random numbers
 * from the random seed and the iteration's number, so these are the whole state: a resumed run continues bit for bit.
 *
 * <p>{@value #NET}: the text {@code SBN1}, the number of layers and their sizes (ints, visible first), then for
 * {@code l = 1..L} the generative weights G_l, the recognition weights R_l and biases r_l, then the generative biases
 * b_0 .. b_L, each as its length and its doubles (big-endian, as {@link DataOutputStream} writes them).
 */
final class SbnCheckpoint {

    static final String NET = "sbn.bin";
    private static final int MAGIC = 0x53424E31; // "SBN1"

    private SbnCheckpoint() {
    }

    /** Saves the trainer's net at its iteration (an intact checkpoint already there is kept). */
    static Path save(Path runDir, SbnTrainer trainer) {
        return FamilyCheckpoint.save(runDir, trainer.iteration(), Map.of(), trainer.settings(), tmp -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(tmp.resolve(NET))))) {
                write(trainer.net(), out);
            }
        });
    }

    /** Loads a checkpoint into a trainer freshly built from the same experiment. */
    static void restore(Path checkpoint, SbnTrainer trainer) {
        FamilyCheckpoint.restore(checkpoint, state -> {
            Path file = FamilyCheckpoint.file(checkpoint, NET);
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                read(in, trainer.net(), file);
            }
            trainer.restoreIteration(FamilyCheckpoint.iteration(state));
        });
    }

    static void write(SigmoidBeliefNet net, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        int[] sizes = net.sizes();
        out.writeInt(sizes.length);
        for (int s : sizes) {
            out.writeInt(s);
        }
        for (int l = 1; l <= net.top(); l++) {
            array(net.generativeWeights(l), out);
            array(net.recognitionWeights(l), out);
            array(net.recognitionBiases(l), out);
        }
        for (int l = 0; l <= net.top(); l++) {
            array(net.generativeBiases(l), out);
        }
    }

    static void read(DataInputStream in, SigmoidBeliefNet net, Path file) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new LabException(file + ": not a sigmoid belief net's parameters (no SBN1 header)");
        }
        int layers = in.readInt();
        if (layers < 2 || layers > 64) {
            throw new LabException(file + ": " + layers + " layers is not a sigmoid belief net");
        }
        int[] sizes = new int[layers];
        for (int i = 0; i < layers; i++) {
            sizes[i] = in.readInt();
        }
        if (!Arrays.equals(sizes, net.sizes())) {
            throw new LabException(file + ": the checkpoint's net has layers " + Arrays.toString(sizes)
                    + " but the experiment's has " + Arrays.toString(net.sizes()));
        }
        for (int l = 1; l <= net.top(); l++) {
            into(in, net.generativeWeights(l), file);
            into(in, net.recognitionWeights(l), file);
            into(in, net.recognitionBiases(l), file);
        }
        for (int l = 0; l <= net.top(); l++) {
            into(in, net.generativeBiases(l), file);
        }
    }

    private static void array(double[] a, DataOutputStream out) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeDouble(v);
        }
    }

    private static void into(DataInputStream in, double[] a, Path file) throws IOException {
        int n = in.readInt();
        if (n != a.length) {
            throw new LabException(file + ": an array of " + n + " values where the net has " + a.length);
        }
        for (int i = 0; i < n; i++) {
            a[i] = in.readDouble();
        }
    }
}
