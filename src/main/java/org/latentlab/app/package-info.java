/**
 * The {@code latentlab} command's entry point ({@link org.latentlab.app.Start}): one main class that hands a
 * command line to the command line ({@code cli}) or to the window ({@code ui}). The only package that sees both;
 * nothing depends on it.
 */
package org.latentlab.app;
