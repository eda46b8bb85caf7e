/**
 * The training loops and the thread that owns them. {@link org.latentlab.train.TrainingRun} owns one model
 * on one thread and takes commands from others; a {@link org.latentlab.train.Trainer} is one family's loop
 * ({@link org.latentlab.train.GanTrainer} here, autoencoders and VAEs in {@code train.ae}, RBMs and DBNs in {@code
 * train.rbm}); immutable {@link org.latentlab.train.TrainingStatus} records (one per family, a run's
 * state and the family's own numbers) and view records carry what the screens draw. {@link
 * org.latentlab.train.NativeMemory} keeps ND4J's native memory flat. May import {@code core}, {@code data} and
 * {@code model}; never {@code experiment}, {@code metrics}, {@code cli} or {@code ui}.
 */
package org.latentlab.train;
