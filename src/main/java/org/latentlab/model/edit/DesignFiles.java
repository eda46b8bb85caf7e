package org.latentlab.model.edit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.InputFiles;
import org.latentlab.core.LabException;
import org.latentlab.model.NetworkSpec;
import org.latentlab.model.Shape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Saves and opens designs and single networks as JSON. A network file is exactly a {@link NetworkSpec} as the
 * experiment files hold it ({@code {"name": "G", "input": [100], "layers": [...]}}); a design file holds its
 * networks in the same form, with their roles and, optionally, where their nodes sit on the canvas:
 *
 * <pre>
 * {"format": "latentlab-design", "version": 1, "name": "dcgan-28", "description": "...", "family": "gan",
 *  "data": [1, 28, 28], "wiring": {"classes": 10},
 *  "networks": [{"role": "generator", "network": {...NetworkSpec...},
 *                "layout": {"input": [0, 0], "layers": {"g_fc": [200, 0], ...}}}, ...]}
 * </pre>
 *
 * Reading never touches an open document: it returns a new design or throws one {@link LabException} naming the
 * source, the place (JSON path and line where Jackson knows it) and what is wrong. Writing is atomic, and refuses a
 * design whose networks cannot be built (a file holds chains of valid layers only).
 */
public final class DesignFiles {

    /** The {@code format} of a design file. */
    public static final String FORMAT = "latentlab-design";
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = org.latentlab.model.LabJson.strictMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DesignFile(String format, Integer version, String name, String description, ModelFamily family,
                      Shape data, Wiring wiring, List<NetworkEntry> networks) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NetworkEntry(Role role, NetworkSpec network, Layout layout) {
    }

    record Layout(Point input, Map<String, Point> layers) {
    }

    private DesignFiles() {
    }

    // ---- designs ----

    public static ModelDesign readDesign(Path file) {
        return parseDesign(readText(file, "design file"), file.toString());
    }

    /** Parses a design file's text; {@code source} names it in messages. */
    public static ModelDesign parseDesign(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new LabException(source + ": the file is empty");
        }
        DesignFile f;
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root != null && root.isObject() && !root.has("format")) {
                if (root.has("layers")) {
                    throw new LabException(source + ": this is a single network file, not a design: open it as a"
                            + " network");
                }
                if (root.has("dataset")) {
                    throw new LabException(source + ": this is an experiment file, not a design: its networks"
                            + " open in the builder from the experiment");
                }
            }
            f = MAPPER.readValue(json, DesignFile.class);
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
        if (f == null) {
            throw new LabException(source + ": the file is empty");
        }
        if (!FORMAT.equals(f.format())) {
            throw new LabException(source + ": at format: not a design file (\"format\" must be \"" + FORMAT
                    + "\", not " + (f.format() == null ? "missing" : "\"" + f.format() + "\"") + ")");
        }
        if (f.version() == null || f.version() != VERSION) {
            throw new LabException(source + ": at version: this lab reads design files of version " + VERSION
                    + ", not " + f.version());
        }
        if (f.family() == null) {
            throw new LabException(source + ": at family: missing (one of " + Arrays.stream(ModelFamily.values())
                    .map(ModelFamily::id).collect(Collectors.joining(", ")) + ")");
        }
        List<NetworkEntry> entries = f.networks() == null ? List.of() : f.networks();
        Map<Role, NetworkGraph> graphs = new EnumMap<>(Role.class);
        for (int i = 0; i < entries.size(); i++) {
            NetworkEntry e = entries.get(i);
            String at = source + ": at networks[" + i + "]";
            if (e == null || e.role() == null || e.network() == null) {
                throw new LabException(at + ": each network needs a \"role\" and a \"network\"");
            }
            if (!f.family().roles().contains(e.role())) {
                throw new LabException(at + ".role: a " + f.family().id() + " design has no " + e.role().id()
                        + " (its networks: " + roles(f.family()) + ")");
            }
            if (graphs.containsKey(e.role())) {
                throw new LabException(at + ".role: a second " + e.role().id() + " network");
            }
            Point origin = new Point(0, f.family().roles().indexOf(e.role()) * AutoLayout.ROW);
            NetworkGraph g = NetworkGraph.fromSpec(e.network(), e.role().id(), e.layout() != null
                    && e.layout().input() != null ? e.layout().input() : origin);
            graphs.put(e.role(), placed(g, e, at));
        }
        for (Role r : f.family().roles()) {
            if (!graphs.containsKey(r)) {
                throw new LabException(source + ": at networks: the " + r.id() + " network is missing (a "
                        + f.family().id() + " design has " + roles(f.family()) + ")");
            }
        }
        try {
            return new ModelDesign(f.name(), f.description(), f.family(), f.data(), graphs, f.wiring());
        } catch (IllegalArgumentException e) {
            throw new LabException(source + ": " + e.getMessage(), e);
        }
    }

    /** The design as JSON; a {@link LabException} if one of its networks cannot be built. */
    public static String toJson(ModelDesign design) {
        List<NetworkEntry> entries = new ArrayList<>();
        for (Map.Entry<Role, NetworkGraph> e : design.networks().entrySet()) {
            NetworkGraph g = e.getValue();
            NetworkSpec spec;
            try {
                spec = g.toSpec();
            } catch (LabException ex) {
                throw new LabException("cannot save design '" + design.name() + "': " + ex.getMessage(), ex);
            }
            Map<String, Point> layers = new LinkedHashMap<>();
            g.layers().forEach(n -> layers.put(n.name(), n.position()));
            entries.add(new NetworkEntry(e.getKey(), spec, new Layout(g.input().position(), layers)));
        }
        return write(new DesignFile(FORMAT, VERSION, design.name(), design.description(), design.family(),
                design.data(), design.wiring().equals(Wiring.NONE) ? null : design.wiring(), entries),
                "design '" + design.name() + "'");
    }

    public static void writeDesign(ModelDesign design, Path file) {
        writeAtomically(file, toJson(design));
    }

    // ---- single networks ----

    public static NetworkSpec readNetwork(Path file) {
        return parseNetwork(readText(file, "network file"), file.toString());
    }

    /** Parses a network file's text (a {@link NetworkSpec}); {@code source} names it in messages. */
    public static NetworkSpec parseNetwork(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new LabException(source + ": the file is empty");
        }
        try {
            NetworkSpec spec = MAPPER.readValue(json, NetworkSpec.class);
            if (spec == null) {
                throw new LabException(source + ": the file is empty");
            }
            return spec;
        } catch (JsonProcessingException e) {
            throw new LabException(source + ": " + describe(e), e);
        }
    }

    public static String toJson(NetworkSpec spec) {
        return write(spec, "network '" + spec.name() + "'");
    }

    public static void writeNetwork(NetworkSpec spec, Path file) {
        writeAtomically(file, toJson(spec));
    }

    // ---- helpers ----

    /** The graph with the file's positions; a layout naming a layer the network does not have is an error. */
    private static NetworkGraph placed(NetworkGraph g, NetworkEntry e, String at) {
        if (e.layout() == null || e.layout().layers() == null) {
            return g;
        }
        Map<String, Point> positions = new HashMap<>();
        for (Map.Entry<String, Point> p : e.layout().layers().entrySet()) {
            LayerNode n = g.layerNamed(p.getKey()).orElseThrow(() -> new LabException(at + ".layout.layers."
                    + p.getKey() + ": network " + NetworkCheck.q(g.name()) + " has no layer named "
                    + NetworkCheck.q(p.getKey())));
            if (p.getValue() == null) {
                throw new LabException(at + ".layout.layers." + p.getKey() + ": a position is [x, y], not null");
            }
            positions.put(n.id(), p.getValue());
        }
        return g.withPositions(positions);
    }

    private static String write(Object value, String what) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new LabException("cannot write " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Bounded ({@link InputFiles}): a huge file or a device is refused with its name and size. */
    private static String readText(Path file, String what) {
        return InputFiles.readJson(file, what);
    }

    private static void writeAtomically(Path target, String text) {
        org.latentlab.core.AtomicFiles.writeString(target, text);
    }

    private static String roles(ModelFamily f) {
        return f.roles().stream().map(Role::id).collect(Collectors.joining(" and "));
    }

    /** {@code at networks[0].network.layers[1] (line 12, column 9): dense layer 'g2' needs units >= 1, not 0}. */
    static String describe(JsonProcessingException e) {
        return org.latentlab.model.JsonErrors.describe(e);
    }
}
