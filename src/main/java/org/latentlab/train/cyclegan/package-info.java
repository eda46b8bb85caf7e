/**
 * CycleGAN (Zhu, Park, Isola and Efros 2017): two generators G: A → B and F: B → A and two discriminators D_A, D_B,
 * trained on unpaired examples of two domains with least-squares GAN losses, cycle consistency and an optional
 * identity term.
 */
package org.latentlab.train.cyclegan;
