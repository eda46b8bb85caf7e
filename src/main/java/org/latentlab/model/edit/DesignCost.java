package org.latentlab.model.edit;

import org.latentlab.model.CostEstimate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link CostEstimate} of a network being edited: the layers of a graph whose shapes are known (all of them when
 * it is valid), and each network of a design. The builder's cost table shows these.
 */
public final class DesignCost {

    private DesignCost() {
    }

    /** The cost of the layers of a graph whose input and output shapes are known (all of them when valid). */
    public static CostEstimate.NetworkCost of(NetworkCheck check, int batchSize) {
        return of(check, batchSize, false);
    }

    private static CostEstimate.NetworkCost of(NetworkCheck check, int batchSize, boolean rbm) {
        CostEstimate.checkBatch(batchSize);
        NetworkGraph g = check.graph();
        List<CostEstimate.LayerCost> out = new ArrayList<>();
        for (LayerNode n : g.layers()) {
            if (check.shape(n.id()).isPresent()) {
                out.add(CostEstimate.layer(n.id(), n.layer(), check.inputShape(n.id()).orElseThrow(), batchSize, rbm));
            }
        }
        return new CostEstimate.NetworkCost(out, batchSize, CostEstimate.inputBytes(g.input().shape(), batchSize),
                out.size() == g.layers().size());
    }

    /** The cost of each network of a design; an RBM's layers include their visible biases. */
    public static Map<Role, CostEstimate.NetworkCost> of(DesignCheck check, int batchSize) {
        Map<Role, CostEstimate.NetworkCost> out = new EnumMap<>(Role.class);
        for (Role r : check.design().family().roles()) {
            out.put(r, of(check.network(r), batchSize, r == Role.RBM));
        }
        return out;
    }

}
