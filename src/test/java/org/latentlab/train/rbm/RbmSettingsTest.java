package org.latentlab.train.rbm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RbmSettingsTest {

    @Test
    void describesTheAlgorithmAndTheStack() {
        assertEquals("CD-1, lr 0.05, momentum 0.5, hidden 500",
                new RbmSettings(List.of(500), 1, false, 0.05, 0.5, 0, 32, 1000).describe());
        assertEquals("PCD-5, lr 0.01, momentum 0.9, decay 0.0002, hidden 500-250, 2000 it/layer",
                new RbmSettings(List.of(500, 250), 5, true, 0.01, 0.9, 2e-4, 64, 2000).describe());
    }

    @Test
    void rejectsBadValuesWithActionableMessages() {
        assertMessage("at least one hidden layer", () -> new RbmSettings(List.of(), 1, false, 0.1, 0.5, 0, 32, 10));
        assertMessage("at least 1 hidden unit", () -> new RbmSettings(List.of(64, 0), 1, false, 0.1, 0.5, 0, 32, 10));
        List<Integer> withNull = new ArrayList<>();
        withNull.add(null);
        assertMessage("at least 1 hidden unit", () -> new RbmSettings(withNull, 1, false, 0.1, 0.5, 0, 32, 10));
        assertMessage("at least 1 (CD-1)", () -> new RbmSettings(List.of(64), 0, false, 0.1, 0.5, 0, 32, 10));
        assertMessage("positive number", () -> new RbmSettings(List.of(64), 1, false, 0, 0.5, 0, 32, 10));
        assertMessage("positive number", () -> new RbmSettings(List.of(64), 1, false, Double.NaN, 0.5, 0, 32, 10));
        assertMessage("[0, 1)", () -> new RbmSettings(List.of(64), 1, false, 0.1, 1.0, 0, 32, 10));
        assertMessage("weight decay", () -> new RbmSettings(List.of(64), 1, false, 0.1, 0.5, -1, 32, 10));
        assertMessage("batch size", () -> new RbmSettings(List.of(64), 1, false, 0.1, 0.5, 0, 0, 10));
        assertMessage("iterations per layer", () -> new RbmSettings(List.of(64), 1, false, 0.1, 0.5, 0, 32, 0));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, e);
        assertTrue(thrown.getMessage().contains(part), thrown.getMessage());
    }

    @Test
    void hiddenSizesAreCopied() {
        List<Integer> sizes = new ArrayList<>(List.of(100, 50));
        RbmSettings s = RbmSettings.of(sizes);
        sizes.set(0, 7);
        assertEquals(List.of(100, 50), s.hidden());
        assertEquals(2, s.layers());
    }

    @Test
    void roundTripsThroughJsonWithComponentNames() throws Exception {
        RbmSettings s = new RbmSettings(List.of(500, 250), 5, true, 0.01, 0.9, 2e-4, 64, 2000);
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(s);
        JsonNode tree = mapper.readTree(json);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of("hidden", "k", "persistent", "learningRate", "momentum", "weightDecay", "batchSize",
                "iterationsPerLayer"), names, json);
        assertEquals(s, mapper.readValue(json, RbmSettings.class));
    }
}
