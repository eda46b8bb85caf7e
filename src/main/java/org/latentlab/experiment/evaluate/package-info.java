/**
 * The scores of a saved generative model's samples, offline (the {@code evaluate} command): its samples drawn from the
 * run's checkpoint, the real sets they are compared with, the lab's classifier as the judge, the score card written
 * as JSON and CSV, and the nearest-neighbour gallery as a picture.
 */
package org.latentlab.experiment.evaluate;
