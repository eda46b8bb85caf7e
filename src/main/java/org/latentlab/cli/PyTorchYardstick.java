package org.latentlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.latentlab.core.LabException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench/pytorch_yardstick.py} running beside the lab in {@code --serve} mode: one command a line in, one JSON
 * line out, so that the lab can alternate its measured windows with PyTorch's. PyTorch runs with the lab's thread
 * count ({@code torch.set_num_threads}, the OpenMP and BLAS variables) and {@code OMP_WAIT_POLICY=PASSIVE}, so that
 * its idle threads do not spin while the lab measures.
 */
final class PyTorchYardstick implements AutoCloseable {

    /** The script, relative to the lab's folder. */
    static final Path SCRIPT = Path.of("bench", "pytorch_yardstick.py");

    /** The exit code of the script when {@code import torch} fails. */
    static final int NO_TORCH = 3;

    /** Pythons tried in turn when none is named: the one on the PATH, then Debian's (where python3-torch goes). */
    static final List<String> DEFAULT_PYTHONS = List.of("python3", "/usr/bin/python3");

    static final String INSTALL = "install it (Debian: apt-get install python3-torch; elsewhere: pip install torch)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final PrintWriter in;
    private final BufferedReader out;
    private final List<String> errors = new ArrayList<>();
    private final String python;
    private final JsonNode hello;

    private PyTorchYardstick(String python, Process process) {
        this.python = python;
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    synchronized (errors) {
                        errors.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "pytorch-yardstick-stderr");
        drain.setDaemon(true);
        drain.start();
        this.hello = reply("start");
    }

    /**
     * Starts the script with the named python, or with the first of {@link #DEFAULT_PYTHONS} that has PyTorch.
     *
     * @throws LabException with one line that says what is missing and how to install it
     */
    static PyTorchYardstick start(String python, Path script, int threads) {
        List<String> pythons = python != null ? List.of(python) : DEFAULT_PYTHONS;
        LabException last = null;
        for (String p : pythons) {
            try {
                return start1(p, script, threads);
            } catch (LabException e) {
                last = e;
            }
        }
        throw last;
    }

    private static PyTorchYardstick start1(String python, Path script, int threads) {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--serve", "--threads",
                Integer.toString(threads));
        Map<String, String> env = pb.environment();
        env.put("OMP_WAIT_POLICY", "PASSIVE");
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            env.put(v, Integer.toString(threads));
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new LabException("cannot run python '" + python + "' (" + Main.oneLine(e.getMessage())
                    + "): install Python 3 and PyTorch (Debian: apt-get install python3-torch) or give --python PATH");
        }
        try {
            return new PyTorchYardstick(python, process);
        } catch (LabException e) {
            process.destroy();
            throw e;
        }
    }

    /** The PyTorch version. */
    String torchVersion() {
        return hello.path("torch").asText("?");
    }

    /** The BLAS PyTorch loaded, as the script found it. */
    String blas() {
        return hello.path("blas").asText("?");
    }

    /** PyTorch's intra-op thread count. */
    int threads() {
        return hello.path("threads").asInt();
    }

    /**
     * Builds a workload and warms it up.
     *
     * @return empty when ready, else why PyTorch cannot run it (an unknown net, a failure in the script)
     */
    Optional<String> prepare(String name, Map<String, Object> config) {
        String line = "prepare " + name;
        if (!config.isEmpty()) {
            try {
                line += " " + JSON.writeValueAsString(config);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        in.println(line);
        JsonNode r = reply(name);
        return r.has("error") ? Optional.of(r.get("error").asText()) : Optional.empty();
    }

    /** One measured window of a prepared workload: its rate in iterations per second. */
    double window(String name, double seconds) {
        in.println("window " + name + " " + seconds);
        JsonNode r = reply(name);
        if (r.has("error")) {
            throw new LabException("PyTorch failed on " + name + ": " + r.get("error").asText());
        }
        return r.get("rate").asDouble();
    }

    /** Frees a workload's nets and data. */
    void release(String name) {
        in.println("release " + name);
        reply(name);
    }

    private JsonNode reply(String what) {
        String line;
        try {
            line = out.readLine();
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            throw new LabException(stopped());
        }
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new LabException("the PyTorch yardstick answered '" + line + "' to " + what
                    + ": run it with the lab's own bench/pytorch_yardstick.py");
        }
    }

    /** Why the script ended before answering, on one line. */
    private String stopped() {
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        if (code == NO_TORCH) {
            return "python '" + python + "' has no PyTorch: " + INSTALL + ", or give --python a python that has it";
        }
        String last;
        synchronized (errors) {
            last = errors.isEmpty() ? "no message" : errors.get(errors.size() - 1);
        }
        return "the PyTorch yardstick stopped (exit code " + code + ", " + last + "): run 'python3 " + SCRIPT
                + " --nets ring8-nsgan --threads 1' to see why";
    }

    /**
     * The script: the given file, else {@code bench/pytorch_yardstick.py} in the working folder or in a folder
     * above the lab's classes (its checkout).
     */
    static Path locateScript(Path given, Path workingFolder) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new LabException("the PyTorch yardstick " + given + " does not exist: give --yardstick the"
                        + " path of the lab's bench/pytorch_yardstick.py");
            }
            return given;
        }
        List<Path> folders = new ArrayList<>();
        folders.add(workingFolder.toAbsolutePath());
        try {
            Path code = Path.of(PyTorchYardstick.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                folders.add(p);
            }
        } catch (URISyntaxException | SecurityException | NullPointerException ignored) {
            // classes from an unusual place: the working folder only
        }
        for (Path folder : folders) {
            Path candidate = folder.resolve(SCRIPT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new LabException("cannot find " + SCRIPT + " in " + workingFolder.toAbsolutePath()
                + " or above the lab's classes: run from the lab's folder or give --yardstick FILE");
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            in.println("quit");
            in.close();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }
}
