package org.latentlab.ui.gan;

import org.latentlab.train.GanLoss;

/**
 * What the GAN bench calls D's output. With the minimax and non-saturating losses D's score is a logit and σ(s) is
 * D's belief that a point is real (Goodfellow et al. 2014); with WGAN, WGAN-GP (Arjovsky et al. 2017; Gulrajani et
 * al. 2017), hinge and LSGAN (Mao et al. 2017) it is an unbounded critic score, not a probability, and the heat map
 * shows it scaled to the range seen in the view. With an f-GAN loss (Nowozin et al. 2016) the bench shows the
 * probability that the score implies, r/(1 + r) with r the density ratio p_data/p_G an optimal D would output
 * ({@link GanLoss#displayScore}).
 *
 * @param heatToggle  the heat-map check box
 * @param heatLegend  the legend under the 2-D view
 * @param chartTitle  the title of the chart of D's outputs
 * @param axis        that chart's value axis
 * @param real        its series on real data
 * @param fake        its series on generated data
 */
public record ScoreLabels(String heatToggle, String heatLegend, String chartTitle, String axis, String real,
                          String fake) {

    private static final String DOTS = "green dots: real data   purple dots: G(z)   ";

    /**
     * The labels for an experiment: an energy-based GAN's D gives energies (Zhao et al. 2017), the others a score
     * named for the loss.
     */
    public static ScoreLabels of(org.latentlab.experiment.GanExperiment spec) {
        String dots = spec.infogan() != null
                ? "green dots: real data   other dots: G(z, c), their hue the value of the categorical code c   "
                : spec.conditional() != null ? "green dots: real data   other dots: G(z | y), their hue the label y   "
                : DOTS;
        if (spec.energyBased()) {
            return new ScoreLabels("Heat map: energy E(x)",
                    dots + "background: minus D's energy, −E(x) = −(its mean squared reconstruction error), scaled to"
                            + " this view's range: green = low energy (judged real), purple = high energy (judged"
                            + " fake, pushed up to the margin)",
                    "Energies: mean reconstruction error", "energy E", "mean E(x), real", "mean E(G(z))");
        }
        return of(spec.training().loss(), dots);
    }

    /** The labels for a loss. */
    public static ScoreLabels of(GanLoss loss) {
        return of(loss, DOTS);
    }

    private static ScoreLabels of(GanLoss loss, String dots) {
        if (loss.probabilistic()) {
            return new ScoreLabels("Heat map: D(x)",
                    dots + "background: D(x) = σ(s), D's belief that a point is real (green) or fake (purple)",
                    "Discriminator outputs", "P(real) = σ(s)", "D(x)", "D(G(z))");
        }
        if (loss.fDivergence().isPresent()) {
            return new ScoreLabels("Heat map: implied P(real)",
                    dots + "background: r/(1 + r), the chance that a point is real implied by D's score under the "
                            + loss.fDivergence().get().label() + " f-GAN, r = p_data/p_G as an optimal D would"
                            + " estimate it: green = judged real, purple = judged fake",
                    "Discriminator outputs (implied)", "implied P(real) = r/(1 + r)", "D(x)", "D(G(z))");
        }
        String name = loss == GanLoss.LSGAN ? "D's least-squares score s(x) (targets: real 1, fake 0)"
                : "the critic's score s(x) (" + loss.id() + "; unbounded, not a probability)";
        return new ScoreLabels("Heat map: critic score s(x)",
                dots + "background: " + name + ", scaled to this view's range: high (green) = judged more real,"
                        + " low (purple) = judged more fake",
                loss == GanLoss.LSGAN ? "Discriminator scores" : "Critic scores", "score s", "mean s(x)",
                "mean s(G(z))");
    }
}
