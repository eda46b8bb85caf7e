/**
 * The theory of the GAN game, computed for the lab's 2-D toy data and for any joint gradient field:
 * <ul>
 *   <li>the optimal discriminator D*(x) = p_data(x) / (p_data(x) + p_g(x)) of Goodfellow et al. (2014, "Generative
 *       adversarial nets") on a {@link org.latentlab.analysis.game.ViewGrid}, with p_g a Gaussian kernel density of
 *       the generator's samples ({@link org.latentlab.analysis.game.OptimalDiscriminator}), and its gap to a learned
 *       D;</li>
 *   <li>Jensen-Shannon and both Kullback-Leibler divergences between the two densities on that grid
 *       ({@link org.latentlab.analysis.game.GridDivergences});</li>
 *   <li>the exact Wasserstein-1 distance between two point sets by an assignment solver
 *       ({@link org.latentlab.analysis.game.Wasserstein1}, {@link org.latentlab.analysis.game.HungarianAssignment});</li>
 *   <li>the bilinear game min_x max_y xy under simultaneous and alternating gradient steps
 *       ({@link org.latentlab.analysis.game.BilinearGame});</li>
 *   <li>the top eigenvalues of the Jacobian of a joint gradient field by Arnoldi's method
 *       ({@link org.latentlab.analysis.game.Arnoldi} on a {@link org.latentlab.analysis.game.VectorField}).</li>
 * </ul>
 * Pure mathematics on {@code double[]}: imports only {@code core}, {@code data} and the {@code analysis} root.
 */
package org.latentlab.analysis.game;
