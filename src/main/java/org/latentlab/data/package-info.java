/**
 * Where real samples come from: {@link org.latentlab.data.DataSource} and its implementations (MNIST and
 * Fashion-MNIST from IDX files, a person's image folder, CSV points, the 2-D toy mixtures of the GAN literature),
 * with content hashes for provenance, and {@link org.latentlab.data.CsvTable}, the CSV files every layer above
 * writes and reads. May import {@code core} only (and ND4J for arrays, Jackson for CSV); nothing here trains.
 */
package org.latentlab.data;
