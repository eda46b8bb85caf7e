package org.latentlab.model.edit;

import org.junit.jupiter.api.Test;
import org.latentlab.model.Activation;
import org.latentlab.model.LayerSpec;
import org.latentlab.model.Padding;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayerPropertiesTest {

    private static LayerSpec accepted(LayerSpec l, String p, Object v) {
        LayerProperties.Change c = LayerProperties.with(l, p, v);
        return assertInstanceOf(LayerProperties.Change.Accepted.class, c, () -> p + "=" + v + ": " + c).layer();
    }

    private static String refused(LayerSpec l, String p, Object v) {
        LayerProperties.Change c = LayerProperties.with(l, p, v);
        return assertInstanceOf(LayerProperties.Change.Refused.class, c, () -> p + "=" + v + ": " + c).reason();
    }

    @Test
    void everyLayerTypesPropertiesAreItsRecordComponentsWithTypesValuesAndDescriptions() throws Exception {
        for (Palette.Entry e : Palette.entries()) {
            LayerSpec l = e.prototype();
            RecordComponent[] rc = l.getClass().getRecordComponents();
            List<LayerProperties.Property> props = LayerProperties.of(l);
            assertEquals(Arrays.stream(rc).map(RecordComponent::getName).toList(),
                    props.stream().map(LayerProperties.Property::name).toList(), e.id());
            for (int i = 0; i < rc.length; i++) {
                LayerProperties.Property p = props.get(i);
                Class<?> t = rc[i].getType();
                LayerProperties.Type expected = t == int.class ? LayerProperties.Type.INT
                        : t == double.class ? LayerProperties.Type.DOUBLE
                        : t.isEnum() ? LayerProperties.Type.ENUM : LayerProperties.Type.STRING;
                assertEquals(expected, p.type(), e.id() + "." + p.name());
                assertEquals(rc[i].getAccessor().invoke(l), p.value(), e.id() + "." + p.name());
                assertEquals(p.type() == LayerProperties.Type.INT || p.type() == LayerProperties.Type.DOUBLE,
                        p.range() != null, e.id() + "." + p.name() + " has a range exactly when numeric");
                assertEquals(t.isEnum() ? List.of(t.getEnumConstants()) : List.of(), p.choices());
                assertTrue(!p.description().isBlank());
                // Setting the current value gives the same layer back.
                assertEquals(l, accepted(l, p.name(), p.value()), e.id() + "." + p.name());
            }
        }
    }

    @Test
    void theRecordsReasonIsGivenWhereTheRecordRefuses() {
        LayerSpec conv = new LayerSpec.Conv2D("c", 8, 3, 1, Padding.SAME, Activation.RELU, 0);
        assertEquals("conv2d 'c' needs filters >= 1 and kernel >= 1", refused(conv, "kernel", 0));
        assertEquals("conv2d 'c' needs stride >= 1, not -1", refused(conv, "stride", -1));
        assertEquals("conv2d 'c' needs stride >= 1, not 0", refused(conv, "stride", 0), "0 is refused, not read as 1");
        assertEquals("dropout 'd' needs 0 <= rate < 1, not 1.0", refused(new LayerSpec.Dropout("d", 0.2), "rate",
                1.0));
        assertEquals("reshape 'r' needs channels, height, width >= 1",
                refused(new LayerSpec.Reshape("r", 1, 28, 28), "height", 0));
        assertEquals("upsample2d 'u' needs scale >= 1", refused(new LayerSpec.Upsample2D("u", 2), "scale", 0));
        assertEquals("every layer needs a name", refused(conv, "name", ""));
    }

    @Test
    void valuesARecordWouldQuietlyReplaceByADefaultAreRefusedByTheTable() {
        LayerSpec conv = new LayerSpec.Conv2D("c", 8, 3, 1, Padding.SAME, Activation.LEAKYRELU, 0.1);
        assertEquals("alpha of 'c' must be (0, 1], not 0", refused(conv, "alpha", 0));
        assertEquals("alpha of 'c' must be (0, 1], not 1.5", refused(conv, "alpha", 1.5));
        assertEquals(1.0, ((LayerSpec.Conv2D) accepted(conv, "alpha", 1)).alpha(), "ends included as stated");
        assertEquals(0.0, ((LayerSpec.Dropout) accepted(new LayerSpec.Dropout("d", 0.2), "rate", 0)).rate());
    }

    @Test
    void valuesAreTypedAndEnumsAcceptTheirJsonIds() {
        LayerSpec d = new LayerSpec.Dense("d", 4, Activation.RELU);
        assertEquals(new LayerSpec.Dense("d", 7, Activation.RELU), accepted(d, "units", 7L));
        assertEquals(new LayerSpec.Dense("d", 4, Activation.SIGMOID), accepted(d, "activation", "sigmoid"));
        assertEquals(new LayerSpec.Conv2D("c", 8, 3, 1, Padding.VALID, Activation.RELU, 0),
                accepted(new LayerSpec.Conv2D("c", 8, 3, 1, Padding.SAME, Activation.RELU, 0), "padding", "valid"));
        assertEquals("units of 'd': needs a whole number, not 3000000000", refused(d, "units", 3_000_000_000L));
        assertEquals("units of 'd': needs a whole number, not 4", refused(d, "units", "4"));
        assertEquals("alpha of 'd': needs a finite number, not NaN", refused(d, "alpha", Double.NaN));
        assertEquals("units of 'd': a value is needed", refused(d, "units", null));
        assertEquals("name of 'd': needs text, not 5", refused(d, "name", 5));
        assertEquals(">= 1", LayerProperties.get(d, "units").range().toString());
        assertEquals("[0, 1)", LayerProperties.get(new LayerSpec.Dropout("x", 0.1), "rate").range().toString());
    }
}
