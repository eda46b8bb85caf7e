package org.latentlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.latentlab.core.LabException;

/**
 * The 2-D toy distributions of the GAN literature, each known by a short name:
 * <ul>
 *   <li>{@code ring8}: mixture of 8 isotropic Gaussians with equal weights, means on the circle of radius 2 at
 *       angles 2&pi;k/8, &sigma; = 0.02 (VEEGAN, Srivastava et al. 2017; Unrolled GAN, Metz et al. 2017).</li>
 *   <li>{@code ring8-pacgan}: the same ring on the unit circle with &sigma; = 0.01 (PacGAN, Lin et al. 2018).</li>
 *   <li>{@code grid25}: mixture of 25 isotropic Gaussians with equal weights, means on the grid {-4,-2,0,2,4}&sup2;,
 *       &sigma; = 0.05 (VEEGAN, PacGAN).</li>
 *   <li>{@code spiral}: t ~ U(0,1), radius r = 0.5 + 3.5t, angle &theta; = 4&pi;t (two turns),
 *       point (r cos &theta;, r sin &theta;) + N(0, 0.05&sup2; I). It spans about [-4, 4]&sup2;.</li>
 *   <li>{@code two-moons}: scikit-learn's {@code make_moons(noise=0.05)} with t ~ U(0,&pi;) and a fair coin for the
 *       moon: outer (cos t, sin t), inner (1 - cos t, 0.5 - sin t), noise N(0, 0.05&sup2; I) added; the result is
 *       centred at (0.5, 0.25) and scaled by 2, so it spans about [-3, 3] x [-1.5, 1.5].</li>
 *   <li>{@code swiss-roll-2d}: the (x, z) projection of scikit-learn's {@code make_swiss_roll}: t = 1.5&pi;(1 + 2u),
 *       u ~ U(0,1), point (t cos t, t sin t) / 7 + N(0, 0.05&sup2; I); it spans about [-1.4, 1.8] x [-1.6, 2.1].</li>
 *   <li>{@code circle}: the unit circle, t ~ U(0, 2&pi;), point (cos t, sin t) + N(0, 0.05&sup2; I): a 1-D curve in the
 *       plane, on which a denoising autoencoder's field r(x) &minus; x points back to the curve.</li>
 * </ul>
 * Only the three mixtures have {@link #modes()} and {@link #sigma()}, which the mode-coverage metric needs.
 * Sampling draws every random number from the given {@link Random}, so a seed reproduces the samples exactly.
 */
public final class ToyDistribution implements DataSource {

    private static final List<String> NAMES =
            List.of("ring8", "ring8-pacgan", "grid25", "spiral", "two-moons", "swiss-roll-2d",
                    "circle");

    private static final double CURVE_NOISE = 0.05;

    /** Draws one point into {@code out[offset]}, {@code out[offset + 1]}. */
    @FunctionalInterface
    private interface PointSampler {
        void draw(Random rng, float[] out, int offset);
    }

    private final String name;
    private final String definition;
    private final List<double[]> modes;
    private final double sigma;
    private final double[] viewBounds;
    private final PointSampler sampler;

    private ToyDistribution(String name, String definition, List<double[]> modes, double sigma,
                            double[] viewBounds, PointSampler sampler) {
        this.name = name;
        this.definition = definition;
        this.modes = modes;
        this.sigma = sigma;
        this.viewBounds = viewBounds;
        this.sampler = sampler;
    }

    /** The valid names for {@link #named(String)}. */
    public static List<String> names() {
        return NAMES;
    }

    /** The distribution with this exact name; an unknown name gives a {@link LabException} listing the valid ones. */
    public static ToyDistribution named(String name) {
        if (name == null) {
            throw unknown(null);
        }
        return switch (name) {
            case "ring8" -> mixture(name, ring(8, 2.0), 0.02, 3.0);
            case "ring8-pacgan" -> mixture(name, ring(8, 1.0), 0.01, 1.5);
            case "grid25" -> mixture(name, grid(-4, 2, 5), 0.05, 5.5);
            case "spiral" -> new ToyDistribution(name,
                    "spiral: t~U(0,1), r=0.5+3.5t, theta=4pi*t, noise sigma=" + CURVE_NOISE,
                    List.of(), 0, new double[] {-4.5, 4.5, -4.5, 4.5}, ToyDistribution::spiralPoint);
            case "two-moons" -> new ToyDistribution(name,
                    "two-moons: sklearn make_moons, t~U(0,pi), noise sigma=" + CURVE_NOISE
                            + ", centred at (0.5,0.25), scaled by 2",
                    List.of(), 0, new double[] {-3.5, 3.5, -2.5, 2.5}, ToyDistribution::moonsPoint);
            case "swiss-roll-2d" -> new ToyDistribution(name,
                    "swiss-roll-2d: sklearn make_swiss_roll (x,z), t=1.5pi(1+2u), scaled by 1/7, noise sigma="
                            + CURVE_NOISE,
                    List.of(), 0, new double[] {-2.5, 2.5, -2.5, 2.5}, ToyDistribution::swissRollPoint);
            case "circle" -> new ToyDistribution(name,
                    "circle: t~U(0,2pi), (cos t, sin t), noise sigma=" + CURVE_NOISE,
                    List.of(), 0, new double[] {-2, 2, -2, 2}, ToyDistribution::circlePoint);
            default -> throw unknown(name);
        };
    }

    private static void circlePoint(Random rng, float[] out, int offset) {
        double t = 2 * Math.PI * rng.nextDouble();
        out[offset] = (float) (Math.cos(t) + CURVE_NOISE * rng.nextGaussian());
        out[offset + 1] = (float) (Math.sin(t) + CURVE_NOISE * rng.nextGaussian());
    }

    private static LabException unknown(String name) {
        return new LabException("Unknown toy distribution '" + name + "'; valid names: " + String.join(", ", NAMES));
    }

    private static ToyDistribution mixture(String name, List<double[]> means, double sigma, double halfWidth) {
        StringBuilder def = new StringBuilder(name).append(": mixture of ").append(means.size())
                .append(" isotropic Gaussians, equal weights, sigma=").append(sigma).append(", means=");
        for (double[] m : means) {
            def.append('(').append(m[0]).append(',').append(m[1]).append(')');
        }
        PointSampler sampler = (rng, out, offset) -> {
            double[] m = means.get(rng.nextInt(means.size()));
            out[offset] = (float) (m[0] + sigma * rng.nextGaussian());
            out[offset + 1] = (float) (m[1] + sigma * rng.nextGaussian());
        };
        return new ToyDistribution(name, def.toString(), List.copyOf(means), sigma,
                new double[] {-halfWidth, halfWidth, -halfWidth, halfWidth}, sampler);
    }

    private static List<double[]> ring(int count, double radius) {
        List<double[]> means = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double angle = 2 * Math.PI * k / count;
            means.add(new double[] {radius * Math.cos(angle), radius * Math.sin(angle)});
        }
        return means;
    }

    private static List<double[]> grid(double start, double step, int perSide) {
        List<double[]> means = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
            for (int j = 0; j < perSide; j++) {
                means.add(new double[] {start + step * i, start + step * j});
            }
        }
        return means;
    }

    private static void spiralPoint(Random rng, float[] out, int offset) {
        double t = rng.nextDouble();
        double r = 0.5 + 3.5 * t;
        double theta = 4 * Math.PI * t;
        out[offset] = (float) (r * Math.cos(theta) + CURVE_NOISE * rng.nextGaussian());
        out[offset + 1] = (float) (r * Math.sin(theta) + CURVE_NOISE * rng.nextGaussian());
    }

    private static void moonsPoint(Random rng, float[] out, int offset) {
        double t = Math.PI * rng.nextDouble();
        boolean outer = rng.nextBoolean();
        double x = outer ? Math.cos(t) : 1 - Math.cos(t);
        double y = outer ? Math.sin(t) : 0.5 - Math.sin(t);
        x += CURVE_NOISE * rng.nextGaussian();
        y += CURVE_NOISE * rng.nextGaussian();
        out[offset] = (float) (2 * (x - 0.5));
        out[offset + 1] = (float) (2 * (y - 0.25));
    }

    private static void swissRollPoint(Random rng, float[] out, int offset) {
        double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
        out[offset] = (float) (t * Math.cos(t) / 7 + CURVE_NOISE * rng.nextGaussian());
        out[offset + 1] = (float) (t * Math.sin(t) / 7 + CURVE_NOISE * rng.nextGaussian());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return new int[] {2};
    }

    @Override
    public void sample(int n, Random rng, float[] out) {
        if (n < 0 || out.length < 2L * n) {
            throw new IllegalArgumentException("need room for " + n + " points (" + 2L * n + " floats), got "
                    + out.length);
        }
        for (int i = 0; i < n; i++) {
            sampler.draw(rng, out, 2 * i);
        }
    }

    /**
     * A mixture's points with the index of the component each was drawn from, the same draws as {@link #sample}: a
     * uniform component, then its two Gaussian coordinates.
     *
     * @throws IllegalStateException for a distribution that is not a mixture
     */
    public void sampleWithModes(int n, Random rng, float[] out, int[] modeOut) {
        if (!isMixture()) {
            throw new IllegalStateException(name + " is not a mixture: its points have no component");
        }
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(modes.size());
            double[] m = modes.get(k);
            out[2 * i] = (float) (m[0] + sigma * rng.nextGaussian());
            out[2 * i + 1] = (float) (m[1] + sigma * rng.nextGaussian());
            modeOut[i] = k;
        }
    }

    /** SHA-256 (hex) of {@link #definition()}. */
    @Override
    public String contentHash() {
        return Sha256.hex(definition);
    }

    /** The definition (name and every parameter) that {@link #contentHash()} hashes. */
    public String definition() {
        return definition;
    }

    /** Whether this is a Gaussian mixture with known {@link #modes()} and {@link #sigma()}. */
    public boolean isMixture() {
        return !modes.isEmpty();
    }

    /** The mixture means as {x, y} (copies); empty for the non-mixtures. */
    public List<double[]> modes() {
        return modes.stream().map(double[]::clone).toList();
    }

    /** The standard deviation of every mixture component; 0 for the non-mixtures. */
    public double sigma() {
        return sigma;
    }

    /**
     * The exact density at (x, y) of a mixture: (1/K) Σ_k N((x, y); μ_k, σ² I). The other toy distributions have
     * no closed-form density ({@link #isMixture()} is false) and throw {@link IllegalStateException}.
     */
    public double density(double x, double y) {
        if (!isMixture()) {
            throw new IllegalStateException("'" + name + "' has no closed-form density; only the Gaussian mixtures do");
        }
        double sum = 0;
        for (double[] m : modes) {
            double dx = x - m[0];
            double dy = y - m[1];
            sum += Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
        }
        return sum / (modes.size() * 2 * Math.PI * sigma * sigma);
    }

    /** {xmin, xmax, ymin, ymax}: the support with a margin, for plotting. */
    public double[] viewBounds() {
        return viewBounds.clone();
    }

    @Override
    public String toString() {
        return isMixture()
                ? String.format(Locale.ROOT, "%s (%d Gaussians, sigma %s)", name, modes.size(), sigma)
                : name;
    }
}
