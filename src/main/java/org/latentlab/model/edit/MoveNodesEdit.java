package org.latentlab.model.edit;

import org.latentlab.core.LabException;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Moves nodes (input or layers, in any network): to given positions, by an offset from where they are when the edit
 * is executed (a drag), or to where {@link AutoLayout} puts them.
 */
public final class MoveNodesEdit extends DesignEdit {

    private final Function<ModelDesign, Map<String, Point>> targets;
    private final Function<ModelDesign, String> describe;

    private MoveNodesEdit(DesignDocument document, Function<ModelDesign, Map<String, Point>> targets,
                          Function<ModelDesign, String> describe) {
        super(document);
        this.targets = targets;
        this.describe = describe;
    }

    /** Moves each node to its target position. */
    public MoveNodesEdit(DesignDocument document, Map<String, Point> targets) {
        this(document, d -> targets, d -> describeMove(d, List.copyOf(targets.keySet())));
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("nothing to move");
        }
    }

    /** Moves the nodes by (dx, dy) from where they are when the edit is executed. */
    public static MoveNodesEdit by(DesignDocument document, Collection<String> ids, double dx, double dy) {
        List<String> list = List.copyOf(ids);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("nothing to move");
        }
        return new MoveNodesEdit(document, d -> {
            Map<String, Point> to = new LinkedHashMap<>();
            for (String id : list) {
                to.put(id, d.graph(roleOf(d, id)).position(id).plus(dx, dy));
            }
            return to;
        }, d -> describeMove(d, list));
    }

    /** Lays one network out again with {@link AutoLayout}, its input node staying where it is. */
    public static MoveNodesEdit arrange(DesignDocument document, Role role) {
        return new MoveNodesEdit(document, d -> AutoLayout.arrange(d.graph(role), d.graph(role).input().position()),
                d -> "Arrange " + NetworkCheck.q(d.graph(role).name()));
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        Map<Role, Map<String, Point>> byRole = new EnumMap<>(Role.class);
        for (Map.Entry<String, Point> e : targets.apply(current).entrySet()) {
            Role r = current.roleOf(e.getKey())
                    .orElseThrow(() -> new LabException("the design has no node '" + e.getKey() + "'"));
            byRole.computeIfAbsent(r, x -> new HashMap<>()).put(e.getKey(), e.getValue());
        }
        ModelDesign next = current;
        for (Map.Entry<Role, Map<String, Point>> e : byRole.entrySet()) {
            next = next.with(e.getKey(), next.graph(e.getKey()).withPositions(e.getValue()));
        }
        return next;
    }

    @Override
    protected String describe(ModelDesign current) {
        return describe.apply(current);
    }

    private static String describeMove(ModelDesign d, List<String> ids) {
        return ids.size() == 1 ? "Move " + ConnectEdit.label(d, ids.get(0)) : "Move " + ids.size() + " nodes";
    }
}
