/**
 * The lab's own compute engine on ND4J operations, under the trainers and the geometry bench: a network is compiled
 * once into a plan for a fixed batch size and data type, with its flat parameters (in exactly DL4J's layout, so
 * checkpoints and exports read the same vector), activations, gradients and scratch preallocated, and its native
 * ops built once with their outputs preset and re-executed. Besides forward and backward passes the plan runs
 * Pearlmutter's R-operator (Pearlmutter 1994, "Fast exact multiplication by the Hessian"): a forward-mode pass
 * along a parameter direction, an input direction or both, and its backward pass, giving exact Hessian-vector
 * products of a loss of the output ({@link org.latentlab.engine.LossHead}) and exact gradient penalties.
 *
 * <p>The engine runs chains of dense layers ({@link org.latentlab.engine.DenseChain},
 * {@link org.latentlab.engine.DensePlan}) and chains of every layer kind the lab builds: convolutions, transposed
 * convolutions, batch normalisation, activation layers, upsampling, pooling, dropout, minibatch discrimination,
 * virtual batch normalisation and reshapes ({@link org.latentlab.engine.ChainPlan}, one small class per layer kind
 * behind {@link org.latentlab.engine.ChainLayer}, each but virtual batch normalisation with its part of the
 * R-operator); the same chains compiled for
 * inference ({@link org.latentlab.engine.InferenceNetwork}: batch normalisation on its running statistics, dropout
 * as the identity, the input gradient alone) run the latent studio's decoding, inversion and the trainers' views.
 * {@link org.latentlab.engine.ExactCurvature} takes a loss's exact Hessian-vector products over any part of the
 * parameters ({@link org.latentlab.engine.ParameterRuns}): one chain or several joined, a VAE's encoder, sampling
 * block and decoder ({@link org.latentlab.engine.VariationalPasses}), one network on two batches
 * ({@link org.latentlab.engine.BatchPairPasses}). Graphs that are not chains
 * ({@link org.latentlab.engine.GraphPlan} over a {@link org.latentlab.engine.Graph}: several named inputs,
 * concatenation, several output heads) reuse the same layer passes, in DL4J's {@code ComputationGraph} layout.
 * DL4J's {@code MultiLayerNetwork} stays the export format and the test oracle.
 * May import {@code core}, {@code data} and {@code model}; {@code train}, {@code latent}, {@code analysis},
 * {@code experiment}, {@code cli} and {@code ui} may import it. Nothing here assumes the CPU backend.
 */
package org.latentlab.engine;
