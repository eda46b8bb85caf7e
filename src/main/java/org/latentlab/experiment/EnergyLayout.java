package org.latentlab.experiment;

import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.train.EnergyGame;
import org.latentlab.train.EnergySettings;
import org.latentlab.train.GanSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * An energy-based GAN's networks checked against its {@link EnergySettings} (Zhao, Mathieu and LeCun 2017,
 * section 2.3): D is an autoencoder, so it outputs as many values as it takes (the data's size); the pull-away term's
 * code layer is a hidden layer of D (the encoder's output); the training settings keep to those the energy can take.
 */
public final class EnergyLayout {

    private EnergyLayout() {
    }

    /**
     * @throws IllegalArgumentException saying which size to set, which layer to name or which setting to change
     */
    static void check(EnergySettings energy, NetworkSpec generator, NetworkSpec discriminator, GanSettings training,
                      boolean conditional) {
        if (conditional) {
            throw new IllegalArgumentException("the energy-based GAN has no labels: remove the conditional block or"
                    + " the energy block");
        }
        int data = generator.output().size();
        int out = discriminator.output().size();
        if (out != data) {
            throw new IllegalArgumentException("energy: D is an autoencoder whose energy is its reconstruction error,"
                    + " so it must output the data's " + data + " values, not " + discriminator.output()
                    + ": end D with a dense layer of " + data + " units");
        }
        if (energy.pullAway()) {
            List<String> codes = codeLayers(discriminator);
            if (!codes.contains(energy.codeLayer())) {
                throw new IllegalArgumentException("energy.codeLayer names layer '" + energy.codeLayer() + "', which"
                        + " is not a hidden layer of the discriminator: use one of " + codes
                        + " (the encoder's output)");
            }
        }
        for (LayerSpec l : discriminator.layers()) {
            if (l instanceof LayerSpec.BatchNorm || l instanceof LayerSpec.MinibatchDiscrimination) {
                throw new IllegalArgumentException("energy: the energy is each example's own reconstruction error,"
                        + " and " + l.type() + " layer '" + l.name() + "' in D makes it depend on the whole batch:"
                        + " remove it");
            }
        }
        EnergyGame.refusal(training).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /** The layers of D that may hold the codes: hidden layers the compiler builds (not a reshape or flatten). */
    public static List<String> codeLayers(NetworkSpec discriminator) {
        List<String> usable = new ArrayList<>();
        List<LayerSpec> layers = discriminator.layers();
        for (int i = 0; i < layers.size() - 1; i++) {
            LayerSpec l = layers.get(i);
            if (!(l instanceof LayerSpec.Reshape || l instanceof LayerSpec.Flatten)) {
                usable.add(l.name());
            }
        }
        return List.copyOf(usable);
    }
}
