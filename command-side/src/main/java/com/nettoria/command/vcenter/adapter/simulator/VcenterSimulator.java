package com.nettoria.command.vcenter.adapter.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops nettoria-vcsim, the launcher of VMware's vCenter simulator (command-side/src/vcsim, built by the
 * command-side Maven build into {@code command-side/target/vcsim/nettoria-vcsim}), for the tests of every module and
 * the standalone demo. The process listens on a free loopback port with its own test certificate, which it writes
 * to {@link #certificate()} so that a client can trust it for its own connection only.
 *
 * <pre>{@code
 * try (VcenterSimulator vcsim = VcenterSimulator.start(workDir, VcenterSimulator.Options.defaults())) {
 *     VCenterProperties vcenter = VCenterProperties.of(vcsim.url(), vcsim.user(), vcsim.password())
 *             .withTrustStore(vcsim.certificate().toString(), null);
 * }
 * }</pre>
 *
 * It is stopped by {@link #stop()}/{@link #close()}, or at the latest when the JVM exits.
 */
public final class VcenterSimulator implements AutoCloseable {

    /** The binary, relative to the repository's root. */
    public static final String BINARY = "command-side/target/vcsim/nettoria-vcsim";
    /** The API-version data, relative to the repository's root. */
    public static final String SINCE_JSON = "command-side/src/vcsim/vim25-since.json";
    /** System property or environment variable naming the binary elsewhere. */
    public static final String BINARY_OVERRIDE = "NETTORIA_VCSIM_BINARY";
    /** System property or environment variable naming the API-version data elsewhere. */
    public static final String SINCE_JSON_OVERRIDE = "NETTORIA_VCSIM_SINCE";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How the simulator behaves.
     *
     * @param user               the only user name that logs in
     * @param password           its password (any other is refused with InvalidLogin)
     * @param guestIpDelay       how long after power-on VMware Tools run and the guest has an IP (zero: at once)
     * @param datastoreFreeGib   free space every datastore reports, or null for the simulator's own figure
     * @param taskDelay          how long every task started through the API reports "running" (zero: none)
     * @param callDelay          how late every SOAP call is answered (zero: at once)
     * @param templates          the templates made in every datacenter
     */
    public record Options(String user, String password, Duration guestIpDelay, Long datastoreFreeGib,
                          Duration taskDelay, Duration callDelay, List<String> templates) {

        public Options {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            guestIpDelay = guestIpDelay == null ? Duration.ZERO : guestIpDelay;
            taskDelay = taskDelay == null ? Duration.ZERO : taskDelay;
            callDelay = callDelay == null ? Duration.ZERO : callDelay;
            templates = templates == null ? List.of() : List.copyOf(templates);
            if (templates.stream().anyMatch(t -> t.isBlank() || t.contains(","))) {
                throw new IllegalArgumentException("template names must be non-blank and without commas: " + templates);
            }
        }

        /** User nettoria, a random password, the guest IP after 2 s, two templates (debian-12, ubuntu-24-04). */
        public static Options defaults() {
            return new Options("nettoria", "vcsim-" + UUID.randomUUID(),
                    Duration.ofSeconds(2), null, Duration.ZERO, Duration.ZERO, List.of("debian-12", "ubuntu-24-04"));
        }

        public Options withCredentials(String user, String password) {
            return new Options(user, password, guestIpDelay, datastoreFreeGib, taskDelay, callDelay, templates);
        }

        public Options withGuestIpDelay(Duration delay) {
            return new Options(user, password, delay, datastoreFreeGib, taskDelay, callDelay, templates);
        }

        public Options withDatastoreFreeGib(Long gib) {
            return new Options(user, password, guestIpDelay, gib, taskDelay, callDelay, templates);
        }

        public Options withTaskDelay(Duration delay) {
            return new Options(user, password, guestIpDelay, datastoreFreeGib, delay, callDelay, templates);
        }

        public Options withCallDelay(Duration delay) {
            return new Options(user, password, guestIpDelay, datastoreFreeGib, taskDelay, delay, templates);
        }

        public Options withTemplates(List<String> templates) {
            return new Options(user, password, guestIpDelay, datastoreFreeGib, taskDelay, callDelay, templates);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Options[user=" + user + ", guestIpDelay=" + guestIpDelay + ", datastoreFreeGib=" + datastoreFreeGib
                    + ", taskDelay=" + taskDelay + ", callDelay=" + callDelay + ", templates=" + templates + "]";
        }
    }

    private final Process process;
    private final Options options;
    private final URI url;
    private final String host;
    private final List<String> templates;
    private final Path certificate;
    private final Path log;
    private final Thread shutdownHook;

    private VcenterSimulator(Process process, Options options, URI url, String host, List<String> templates,
                             Path certificate, Path log) {
        this.process = process;
        this.options = options;
        this.url = url;
        this.host = host;
        this.templates = templates;
        this.certificate = certificate;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "vcsim-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the binary {@link #locate() found} in this checkout, with the API-version data beside its sources. */
    public static VcenterSimulator start(Path workDir, Options options) {
        return start(locate(), locateSinceJson(), workDir, options);
    }

    /**
     * Starts the simulator and waits (60 s at most) until it says it is ready.
     *
     * @param binary    nettoria-vcsim
     * @param sinceJson vim25-since.json (the API-version data that lets vijava log in)
     * @param workDir   where its certificate, log and datastore folders go (created if missing)
     * @throws IllegalStateException when it does not start, with what it printed
     */
    public static VcenterSimulator start(Path binary, Path sinceJson, Path workDir, Options options) {
        try {
            Files.createDirectories(workDir);
            Path certificate = workDir.resolve("vcsim.pem");
            Path log = workDir.resolve("vcsim.log");
            Files.deleteIfExists(certificate);
            List<String> command = new ArrayList<>(List.of(binary.toAbsolutePath().toString(),
                    "-listen", "127.0.0.1:0",
                    "-user", options.user(),
                    "-pass", options.password(),
                    "-since", sinceJson.toAbsolutePath().toString(),
                    "-cert-out", certificate.toAbsolutePath().toString(),
                    "-guest-ip-delay", goDuration(options.guestIpDelay()),
                    "-task-delay", goDuration(options.taskDelay()),
                    "-call-delay", goDuration(options.callDelay()),
                    "-templates", String.join(",", options.templates())));
            if (options.datastoreFreeGib() != null) {
                command.addAll(List.of("-datastore-free-gib", Long.toString(options.datastoreFreeGib())));
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            environment.put("TMPDIR", workDir.toAbsolutePath().toString()); // its datastore folders
            Process process = builder.start();
            return awaitReady(process, options, certificate, log);
        } catch (IOException e) {
            throw new IllegalStateException("the vCenter simulator " + binary + " did not start: " + e.getMessage(), e);
        }
    }

    private static VcenterSimulator awaitReady(Process process, Options options, Path certificate, Path log)
            throws IOException {
        List<String> output = new ArrayList<>();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Writer logFile = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> pump(process, output, ready, logFile), "vcsim-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the vCenter simulator did not say VCSIM_READY within "
                    + STARTUP_TIMEOUT.toSeconds() + " s; it printed:\n" + printed(output), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the vCenter simulator", e);
        }
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        URI url = URI.create(stripCredentials(value(lines, "VCSIM_URL").orElseThrow()));
        String host = value(lines, "VCSIM_HOST").orElse(url.getAuthority());
        List<String> templates = lines.stream().filter(l -> l.startsWith("VCSIM_TEMPLATE="))
                .map(l -> l.substring("VCSIM_TEMPLATE=".length())).toList();
        return new VcenterSimulator(process, options, url, host, templates, certificate, log);
    }

    private static void pump(Process process, List<String> output, CompletableFuture<Void> ready, Writer logFile) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = logFile) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (!ready.isDone()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.equals("VCSIM_READY")) {
                        ready.complete(null);
                    }
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
            return;
        }
        ready.completeExceptionally(new IllegalStateException("the simulator ended before it was ready"));
    }

    private static String printed(List<String> output) {
        synchronized (output) {
            return output.isEmpty() ? "(nothing)" : String.join("\n", output);
        }
    }

    private static Optional<String> value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1)).findFirst();
    }

    private static String stripCredentials(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getRawPath();
    }

    /** 1500 ms as Go's duration syntax, "1500ms". */
    private static String goDuration(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /**
     * The binary of this checkout: the system property or environment variable {@value #BINARY_OVERRIDE}, else
     * {@value #BINARY} under the current directory or its parent (tests of a module run in the module's directory).
     *
     * @throws IllegalStateException when there is none, saying how to build it
     */
    public static Path locate() {
        return find(BINARY_OVERRIDE, BINARY, "build it with ./mvnw -pl command-side generate-resources "
                + "(or command-side/src/vcsim/build.sh); it needs Debian's golang-go and golang-github-vmware-govmomi-dev");
    }

    /** The API-version data of this checkout, like {@link #locate()} ({@value #SINCE_JSON_OVERRIDE}, {@value #SINCE_JSON}). */
    public static Path locateSinceJson() {
        return find(SINCE_JSON_OVERRIDE, SINCE_JSON, "it is part of the repository");
    }

    private static Path find(String override, String relative, String hint) {
        String configured = Optional.ofNullable(System.getProperty(override)).orElse(System.getenv(override));
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(override + "=" + configured + " is not a file");
            }
            return path;
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null && dir.getNameCount() >= here.getNameCount() - 1; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + relative + " under " + here + " or its parent (or set " + override
                + "): " + hint);
    }

    /** The SDK endpoint, {@code https://127.0.0.1:PORT/sdk} (without credentials). */
    public String url() {
        return url.toString();
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return host;
    }

    public String user() {
        return options.user();
    }

    public String password() {
        return options.password();
    }

    public Options options() {
        return options;
    }

    /** The templates' inventory paths, e.g. {@code /DC0/vm/debian-12}. */
    public List<String> templates() {
        return templates;
    }

    /** The simulator's certificate (PEM), for a per-connection trust store. */
    public Path certificate() {
        return certificate;
    }

    /** What the process printed. */
    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the process: SIGTERM (it then removes its datastore folders), and a kill after 5 s. Repeatable. */
    public void stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "VcenterSimulator[" + url + ", pid " + process.pid() + (process.isAlive() ? "" : ", stopped") + "]";
    }
}
