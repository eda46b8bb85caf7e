package org.latentlab.train;

import org.latentlab.engine.NativeBuild;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's thread settings. On small nets ND4J is bound by per-op overhead, and with two OpenMP threads both DL4J and
 * PyTorch ran several times slower here while anything else used the CPU; one thread was fastest for every GAN
 * measured (see {@code bench}). The count comes from {@code -Dlatentlab.threads} or {@code LATENTLAB_THREADS},
 * default 1.
 */
public final class Backend {

    private static volatile int threads = -1;

    /** Applies the configured thread count once; later calls do nothing. Returns the count in force. */
    public static synchronized int init() {
        if (threads < 0) {
            NativeBuild.select();
            configureThreads(requestedThreads());
            NativeBuild.configure();
        }
        return threads;
    }

    /**
     * Loads every native library ND4J will use (its backend, BLAS and LAPACK) now, on the calling thread. The window
     * calls it before the JavaFX toolkit starts: glibc's dynamic loader can deadlock when one thread loads a library
     * whose constructor starts threads (OpenBLAS) while another loads a library of its own (JavaFX's renderer), and
     * a window frozen white at start-up was seen here that way.
     */
    public static synchronized void loadNatives() {
        init();
        try {
            Nd4j.getBlasWrapper().lapack();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // a backend without LAPACK (or one that loads it differently) has nothing more to load here
        }
    }

    public static synchronized void configureThreads(int n) {
        int t = Math.max(1, n);
        Nd4j.getEnvironment().setMaxThreads(t);
        Nd4j.getEnvironment().setMaxMasterThreads(t);
        try {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(t);
            Nd4j.factory().blas().setMaxThreads(t);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // a backend without OpenMP / BLAS thread control (e.g. CUDA) keeps its own setting
        }
        threads = t;
    }

    /**
     * OpenMP's thread count is a per-thread setting: a thread that runs ND4J ops (the training thread) applies it
     * to itself.
     */
    public static void applyToCurrentThread() {
        int t = init();
        try {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(t);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // no OpenMP control on this backend
        }
    }

    public static int requestedThreads() {
        String v = System.getProperty("latentlab.threads", System.getenv("LATENTLAB_THREADS"));
        if (v == null || v.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** E.g. "CpuBackend, 1 thread(s), FLOAT". */
    public static String describe() {
        init(); // the description must never be the first touch of ND4J with the lab's thread settings unset
        int omp;
        try {
            omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            omp = -1;
        }
        return Nd4j.getBackend().getClass().getSimpleName() + " (" + NativeBuild.describe() + "), "
                + Nd4j.getEnvironment().maxMasterThreads()
                + " thread(s)" + (omp > 0 ? ", OpenMP " + omp : "") + ", " + Nd4j.dataType();
    }
}
