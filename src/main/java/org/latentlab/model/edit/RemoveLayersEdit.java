package org.latentlab.model.edit;

import org.latentlab.core.LabException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Deletes layer nodes (from any of the design's networks) with every connection touching them. */
public final class RemoveLayersEdit extends DesignEdit {

    private final Set<String> ids;

    public RemoveLayersEdit(DesignDocument document, java.util.Collection<String> ids) {
        super(document);
        this.ids = new LinkedHashSet<>(ids);
        if (this.ids.isEmpty()) {
            throw new IllegalArgumentException("nothing to delete");
        }
    }

    @Override
    protected ModelDesign apply(ModelDesign current) {
        Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
        for (String id : ids) {
            Role r = roleOf(current, id);
            if (current.graph(r).input().id().equals(id)) {
                throw new LabException("the input of " + NetworkCheck.q(current.graph(r).name())
                        + " cannot be deleted: change its shape instead");
            }
            byRole.computeIfAbsent(r, x -> new ArrayList<>()).add(id);
        }
        ModelDesign next = current;
        for (Map.Entry<Role, List<String>> e : byRole.entrySet()) {
            next = next.with(e.getKey(), next.graph(e.getKey()).withoutLayers(e.getValue()));
        }
        return next;
    }

    @Override
    protected String describe(ModelDesign current) {
        return ids.size() == 1 ? "Delete " + ConnectEdit.label(current, ids.iterator().next())
                : "Delete " + ids.size() + " layers";
    }
}
