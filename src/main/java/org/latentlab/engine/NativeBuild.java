package org.latentlab.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Which build of ND4J's native CPU library the lab runs on, and where its oneDNN kernels are used.
 *
 * <p>The lab ships the {@code linux-x86_64-onednn} build of {@code nd4j-native}: libnd4j's convolution ops
 * ({@code conv2d}, {@code deconv2d} and their backward passes) run on oneDNN there, 20-40x faster than the build
 * without it on the DCGAN's layers, while its oneDNN matrix products were slower than OpenBLAS's for the lab's
 * dense layers (a VAE trained at 29 instead of 77 iterations a second). So oneDNN ("platform helpers" in libnd4j's
 * words) is switched off for everything ({@link #configure}) and on only around the engine's convolution kernels
 * ({@link Kernel}). The switch is one process-wide flag: two convolutional trainings at once may each run a few
 * dense ops on oneDNN, which changes their results in the last bits, not their correctness.
 *
 * <p>JavaCPP finds a build's libraries under a platform "extension" ({@code -onednn}) that must be named before ND4J
 * loads: {@link #select} names the one on the classpath.
 */
public final class NativeBuild {

    private static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** The builds of nd4j-native 1.0.0-M2.1 for x86-64, best first. */
    private static final String[] EXTENSIONS = {"-onednn-avx512", "-onednn", "-avx512", "-avx2", ""};

    private NativeBuild() {
    }

    /**
     * Names the nd4j-native build on the classpath to JavaCPP (unless a system property already does); call before
     * anything touches ND4J. Returns the extension in force ("" for the plain build or another backend).
     */
    public static synchronized String select() {
        String set = System.getProperty(EXTENSION_PROPERTY);
        if (set != null) {
            return set;
        }
        String platform = platform();
        for (String extension : EXTENSIONS) {
            String probe = "META-INF/native-image/" + platform + extension + "/jnind4jcpu/reflect-config.json";
            if (NativeBuild.class.getClassLoader().getResource(probe) != null) {
                if (!extension.isEmpty()) {
                    System.setProperty(EXTENSION_PROPERTY, extension);
                }
                return extension;
            }
        }
        return "";
    }

    /** After ND4J is loaded: oneDNN off except around the engine's convolution kernels. */
    public static void configure() {
        try {
            Nd4j.getEnvironment().allowHelpers(false);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // a backend without platform helpers has nothing to switch
        }
    }

    /** The build's name for messages, e.g. {@code linux-x86_64-onednn}. */
    public static String describe() {
        return platform() + select();
    }

    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        String o = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "arm64" : arch;
        return o + "-" + a;
    }
}
