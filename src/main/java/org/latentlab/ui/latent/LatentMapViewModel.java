package org.latentlab.ui.latent;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.core.LabException;
import org.latentlab.latent.ImageShape;
import org.latentlab.latent.LatentMap;
import org.latentlab.latent.ModelKind;

import java.util.Locale;

/**
 * The latent map: a grid of codes over two code dimensions (the others held at the current code) or over the
 * principal plane of the encoded examples, decoded into a grid of images; clicking a cell loads its code.
 */
public final class LatentMapViewModel {

    /** How a map is laid out: the plane, the two dimensions, cells per side and the range of each axis. */
    public record MapSpec(boolean principalPlane, int dimX, int dimY, int cells, boolean quantiles, double low,
                          double high) {
    }

    /** A decoded latent map. */
    public record MapResult(LatentMap map, float[][] display, ImageShape shape) {
    }

    private final StudioSession session;
    private final ObjectProperty<MapResult> map = new SimpleObjectProperty<>();

    LatentMapViewModel(StudioSession session) {
        this.session = session;
        session.whenOpened(l -> {
            map.set(null);
            compute(defaultMap(l), false);
        });
    }

    /**
     * The default map, 20 x 20: the principal plane when the code has more than 2 dimensions and an encoder, an
     * InfoGAN's first two continuous codes c1 × c2 (the code's last values) when it has two, else z0 × z1.
     */
    public MapSpec defaultMap(LoadedModel l) {
        boolean principal = l.codeSize() > 2 && l.pca() != null;
        int first = l.continuousCodes() >= 2 ? l.codeSize() - l.continuousCodes() : 0;
        return new MapSpec(principal, first, Math.min(first + 1, l.codeSize() - 1), 20,
                l.kind() == ModelKind.VAE_DECODER, -2, 2);
    }

    /** Decodes the map {@code spec} describes; a spec that cannot be drawn is said in the status line. */
    public void computeMap(MapSpec spec) {
        compute(spec, true);
    }

    private void compute(MapSpec spec, boolean announce) {
        LoadedModel l = session.loadedProperty().get();
        if (l == null) {
            return;
        }
        LatentMap m;
        try {
            m = layout(l, spec, session.code());
        } catch (IllegalArgumentException | LabException e) {
            session.fail(e.getMessage());
            return;
        }
        double[][] codes = m.codes();
        session.onModel("decoding the latent map", model -> new MapResult(m, StudioSession.display(model,
                model.decode(codes)), model.shape()), r -> {
                    map.set(r);
                    if (announce) {
                        session.info("map " + r.map());
                    }
                });
    }

    private static LatentMap layout(LoadedModel l, MapSpec spec, double[] code) {
        if (spec.cells() < 2 || spec.cells() > 40) {
            throw new IllegalArgumentException("a map has 2 to 40 cells per side, not " + spec.cells());
        }
        if (!spec.quantiles() && !(spec.high() > spec.low())) {
            throw new IllegalArgumentException("the range's high end must be above its low end");
        }
        double[] unit = spec.quantiles() ? LatentMap.gaussianQuantiles(spec.cells(), 0.05, 0.95)
                : LatentMap.linear(spec.cells(), spec.low(), spec.high());
        if (spec.principalPlane()) {
            if (l.pca() == null) {
                throw new LabException(l.hasEncoder() ? "the principal plane needs a code of at least 2 dimensions"
                        : "the principal plane is that of encoded data: a GAN has no encoder; map two code"
                        + " dimensions instead");
            }
            return LatentMap.overPrincipalPlane(l.pca(), unit, unit);
        }
        if (l.codeSize() < 2) {
            throw new LabException("a map needs a code of at least 2 dimensions");
        }
        if (spec.dimX() < 0 || spec.dimX() >= l.codeSize() || spec.dimY() < 0 || spec.dimY() >= l.codeSize()) {
            throw new IllegalArgumentException("map dimensions are 0 to " + (l.codeSize() - 1));
        }
        double[] sd = l.prior().marginalStd();
        double[] mean = l.prior().mean();
        return LatentMap.overDimensions(code, spec.dimX(), spec.dimY(),
                LatentMap.scaled(unit, sd[spec.dimX()], mean[spec.dimX()]),
                LatentMap.scaled(unit, sd[spec.dimY()], mean[spec.dimY()]));
    }

    /** Loads the code of a cell of the map shown. */
    public void pickCell(int row, int col) {
        MapResult r = map.get();
        if (r != null && row >= 0 && row < r.map().rows() && col >= 0 && col < r.map().columns()) {
            session.load(r.map().code(row, col));
            session.info(String.format(Locale.ROOT, "map cell (%d, %d): x %.3g, y %.3g", row, col,
                    r.map().xs()[col], r.map().ys()[row]));
        }
    }

    public ReadOnlyObjectProperty<MapResult> mapProperty() {
        return map;
    }
}
