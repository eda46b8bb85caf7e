package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaletteTest {

    @Test
    void everyLayerTypeOfTheLabHasAnEntry() {
        Set<Class<?>> covered = new HashSet<>();
        Palette.entries().forEach(e -> covered.add(e.prototype().getClass()));
        assertEquals(Set.of(LayerSpec.class.getPermittedSubclasses()), covered);
    }

    @Test
    void entriesAreGroupedCoreConvolutionAndHeads() {
        assertEquals(List.of("dense", "activation", "dropout", "batchnorm", "minibatch", "virtualbatchnorm", "maxout",
                "reshape", "flatten"),
                Palette.entries(Palette.Group.CORE).stream().map(Palette.Entry::id).toList());
        assertEquals(List.of("conv2d", "deconv2d", "pool2d", "upsample2d"),
                Palette.entries(Palette.Group.CONVOLUTION).stream().map(Palette.Entry::id).toList());
        List<LayerSpec> heads = Palette.entries(Palette.Group.OUTPUT).stream().map(Palette.Entry::prototype).toList();
        assertEquals(List.of(Activation.SIGMOID, Activation.TANH, Activation.IDENTITY),
                heads.stream().map(h -> ((LayerSpec.Dense) h).activation()).toList());
        assertEquals(Palette.entries().size(), Arrays.stream(Palette.Group.values())
                .mapToInt(g -> Palette.entries(g).size()).sum());
        assertEquals(Palette.entries().size(), new HashSet<>(Palette.entries().stream().map(Palette.Entry::id)
                .toList()).size(), "ids are unique");
    }

    @Test
    void eachEntryMakesAWorkingLayerFromTheRightInput() {
        for (Palette.Entry e : Palette.entries()) {
            LayerSpec l = e.create("x");
            assertEquals("x", l.name());
            Shape in = l instanceof LayerSpec.Conv2D || l instanceof LayerSpec.Deconv2D
                    || l instanceof LayerSpec.Upsample2D || l instanceof LayerSpec.Pool2D || l instanceof LayerSpec.Flatten
                    ? Shape.image(1, 28, 28) : Shape.vector(784);
            Shape out = l.outputShape(in);
            assertTrue(out.size() >= 1, e.id());
            if (!(l instanceof LayerSpec.Reshape) && !(l instanceof LayerSpec.Flatten)) {
                new NetworkSpec("n", in, List.of(l));
            }
        }
    }
}
