package com.nettoria.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark's knobs. Each one is read from a system property ({@code -Dbench.asyncUsers=16}) or else from
 * an environment variable ({@code BENCH_ASYNC_USERS=16}, which is how bench/run.sh passes them through the
 * forked Gatling JVM), or else takes its default.
 */
record BenchSettings(
        String baseUrl,
        String runId,
        int warmupUsers,
        int warmupSeconds,
        int asyncUsers,
        int asyncSeconds,
        int syncUsers,
        int syncSeconds,
        int lagEvery,
        int pollIntervalMillis,
        int pollMaxIntervalMillis,
        int lagTimeoutMillis,
        String amount,
        String currency,
        Path resultsFile) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    static BenchSettings load() {
        String baseUrl = text("baseUrl", "http://127.0.0.1:18080");
        URI uri = URI.create(baseUrl);
        if (uri.getHost() == null || !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("bench.baseUrl must point at this machine (127.0.0.1), not " + baseUrl);
        }
        String runId = text("runId", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        BenchSettings settings = new BenchSettings(
                baseUrl.replaceAll("/+$", ""),
                runId,
                number("warmupUsers", number("asyncUsers", 16)),
                number("warmupSeconds", 15),
                number("asyncUsers", 16),
                number("asyncSeconds", 60),
                number("syncUsers", 16),
                number("syncSeconds", 30),
                Math.max(1, number("lagEvery", 10)),
                number("pollIntervalMillis", 2),
                number("pollMaxIntervalMillis", 20),
                number("lagTimeoutMillis", 30_000),
                text("amount", "1.00"),
                text("currency", "USD"),
                Path.of(text("resultsFile", "results/" + runId + "/simulation.properties")));
        if (settings.asyncUsers() < 1 && settings.syncUsers() < 1) {
            throw new IllegalArgumentException("nothing to run: bench.asyncUsers and bench.syncUsers are both 0");
        }
        return settings;
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty("bench." + name);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(name));
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    /** {@code asyncUsers} → {@code BENCH_ASYNC_USERS}. */
    static String environmentName(String name) {
        return "BENCH_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
