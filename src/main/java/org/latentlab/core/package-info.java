/**
 * The bottom layer: what every other package may use and which uses no other lab package. {@link
 * org.latentlab.core.LabException}, the one exception a person sees; {@link org.latentlab.core.InputFiles}, bounded
 * reading of the files a person hands the lab; {@link org.latentlab.core.AtomicFiles}, writes that are complete or
 * absent; {@link org.latentlab.core.Monitor}, progress and cancellation of long computations; seeds and enum ids.
 * Imports only the JDK.
 */
package org.latentlab.core;
