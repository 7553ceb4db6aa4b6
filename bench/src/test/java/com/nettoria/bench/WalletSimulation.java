package com.nettoria.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Drives the running platform's wallet API over HTTP, in three phases one after the other, each with its own
 * virtual users (each user: a dev token for subject {@code bench-<run>-<n>}, a USD wallet, then deposit and
 * withdraw alternately until the phase's time is up):
 * <ol>
 *   <li><b>warmup</b> — like async; lets the JITs of both JVMs and PostgreSQL's caches settle; not reported.</li>
 *   <li><b>async</b> — {@code Prefer: respond-async}: the server answers 202 once the command's event is
 *       committed ("command accepted"). Every {@code lagEvery}-th command of a user is followed by polling
 *       {@code GET /api/wallet/transactions/{id}} (2 ms apart, doubling to 20 ms) until 200: accepted → visible
 *       is the projection lag.</li>
 *   <li><b>sync</b> — no Prefer header: the server answers 200 only once the read model shows the movement.</li>
 * </ol>
 * Command latency and lag are recorded in HdrHistograms (microseconds) and written, with throughput and counts,
 * to {@code bench.resultsFile}; Gatling's own HTML report covers every request as well.
 */
public class WalletSimulation extends Simulation {

    private static final BenchSettings SETTINGS = BenchSettings.load();
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final String MOVE_BODY = "{\"amount\":\"" + SETTINGS.amount() + "\",\"currency\":\""
            + SETTINGS.currency() + "\",\"description\":\"bench\"}";

    private final PhaseStats warmup = new PhaseStats("warmup");
    private final PhaseStats async = new PhaseStats("async");
    private final PhaseStats sync = new PhaseStats("sync");
    private Instant startedAt;

    {
        HttpProtocolBuilder protocol = http.baseUrl(SETTINGS.baseUrl())
                // Gatling would otherwise warm its client up against an outside host
                .warmUp(SETTINGS.baseUrl() + "/actuator/health")
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("nettoria-bench");

        List<PopulationBuilder> phases = new ArrayList<>();
        if (SETTINGS.warmupSeconds() > 0 && SETTINGS.warmupUsers() > 0) {
            phases.add(phase(warmup, true, SETTINGS.warmupUsers(), SETTINGS.warmupSeconds()));
        }
        if (SETTINGS.asyncSeconds() > 0 && SETTINGS.asyncUsers() > 0) {
            phases.add(phase(async, true, SETTINGS.asyncUsers(), SETTINGS.asyncSeconds()));
        }
        if (SETTINGS.syncSeconds() > 0 && SETTINGS.syncUsers() > 0) {
            phases.add(phase(sync, false, SETTINGS.syncUsers(), SETTINGS.syncSeconds()));
        }
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(chain);
        }
        long bound = SETTINGS.warmupSeconds() + SETTINGS.asyncSeconds() + SETTINGS.syncSeconds() + 120L;
        setUp(chain).protocols(protocol).maxDuration(Duration.ofSeconds(bound));
    }

    private PopulationBuilder phase(PhaseStats stats, boolean preferAsync, int users, int seconds) {
        ChainBuilder loop = exec(command(stats, "deposit", preferAsync));
        if (preferAsync) {
            loop = loop.exec(probeLag(stats));
        }
        loop = loop.exec(command(stats, "withdraw", preferAsync));
        if (preferAsync) {
            loop = loop.exec(probeLag(stats));
        }
        ScenarioBuilder scenario = scenario(stats.name)
                .exec(signIn(stats.name))
                // exitASAP = false: finish the iteration under way, so that no answered command goes unrecorded
                .during(Duration.ofSeconds(seconds), false).on(loop);
        return scenario.injectOpen(atOnceUsers(users));
    }

    /** A development token for a fresh subject, and that subject's wallet. */
    private static ChainBuilder signIn(String phase) {
        return exec(session -> session
                .set("subject", "bench-" + SETTINGS.runId() + "-" + USERS.incrementAndGet())
                .set("commands", 0))
                .exec(http(phase + " token").post("/api/dev/tokens")
                        .body(StringBody("{\"subject\":\"#{subject}\",\"roles\":[\"CUSTOMER\"]}"))
                        .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                .exitHereIfFailed()
                .exec(http(phase + " open wallet").post("/api/wallet")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"currency\":\"" + SETTINGS.currency() + "\"}"))
                        .check(status().in(200, 201)))
                .exitHereIfFailed();
    }

    /** One deposit or withdrawal with a fresh Idempotency-Key, timed from just before sending to just after the answer. */
    private static ChainBuilder command(PhaseStats stats, String operation, boolean preferAsync) {
        HttpRequestActionBuilder request = http(stats.name + " " + operation).post("/api/wallet/" + operation)
                .header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", "#{idempotencyKey}")
                .body(StringBody(MOVE_BODY));
        if (preferAsync) {
            request = request.header("Prefer", "respond-async")
                    .check(status().saveAs("status"), bodyString().saveAs("body"), status().is(202),
                            jsonPath("$.transactionId").saveAs("transactionId"));
        } else {
            // 200: the movement is in the read model; 202: committed, but not visible within the server's wait
            request = request.check(status().saveAs("status"), bodyString().saveAs("body"), status().in(200, 202));
        }
        return exec(session -> session.removeAll("status", "body", "transactionId")
                .set("idempotencyKey", UUID.randomUUID().toString())
                .set("sentAt", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    long answeredAt = System.nanoTime();
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    boolean ok = !session.isFailed();
                    stats.command(operation, session.getLong("sentAt"), answeredAt, status, ok,
                            ok ? null : session.getString("body"));
                    if (!preferAsync && status == 202) {
                        stats.syncNotVisible.increment();
                    }
                    int commands = session.getInt("commands") + 1;
                    boolean probe = preferAsync && ok && commands % SETTINGS.lagEvery() == 0;
                    return session.markAsSucceeded()
                            .set("commands", commands)
                            .set("acceptedAt", answeredAt)
                            .set("probe", probe);
                });
    }

    /** After a probed command's 202: ask for its transaction until the read model shows it (200). */
    private static ChainBuilder probeLag(PhaseStats stats) {
        ChainBuilder poll = exec(session -> session.remove("pollStatus").set("polledAt", System.nanoTime()))
                .exec(http(stats.name + " lag poll").get("/api/wallet/transactions/#{transactionId}")
                        .queryParam("currency", SETTINGS.currency())
                        .header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("pollStatus"), status().in(200, 404)))
                .exec(session -> afterPoll(stats, session));
        if (SETTINGS.pollIntervalMillis() > 0) {
            // the pause doubles after each miss, up to pollMaxIntervalMillis: fine resolution for short lags,
            // and long lags do not turn into a flood of polls that would load the platform they measure
            poll = poll.doIf(session -> !session.getBoolean("visible")).then(
                    pause(session -> Duration.ofMillis(session.getLong("pollPause")))
                            .exec(session -> session.set("pollPause",
                                    Math.min(session.getLong("pollPause") * 2, SETTINGS.pollMaxIntervalMillis()))));
        }
        return exec(session -> session.set("visible", !session.getBoolean("probe"))
                .set("pollPause", (long) SETTINGS.pollIntervalMillis()))
                .asLongAs(session -> !session.getBoolean("visible")).on(poll);
    }

    private static Session afterPoll(PhaseStats stats, Session session) {
        long answeredAt = System.nanoTime();
        stats.poll(session.getLong("polledAt"), answeredAt);
        int status = session.contains("pollStatus") ? session.getInt("pollStatus") : 0;
        long acceptedAt = session.getLong("acceptedAt");
        if (status == 200) {
            stats.visible(acceptedAt, answeredAt);
            return session.set("visible", true);
        }
        if (status != 404) {
            stats.outcomes.computeIfAbsent("lag-poll " + status, k -> new java.util.concurrent.atomic.LongAdder())
                    .increment();
        }
        if (answeredAt - acceptedAt > Duration.ofMillis(SETTINGS.lagTimeoutMillis()).toNanos()) {
            stats.lagTimeouts.increment();
            return session.markAsSucceeded().set("visible", true); // give up on this one
        }
        return session.markAsSucceeded();
    }

    @Override
    public void before() {
        startedAt = Instant.now();
        System.out.printf("Nettoria bench %s against %s: warmup %d users × %d s, async %d users × %d s "
                        + "(lag probe every %d commands), sync %d users × %d s%n",
                SETTINGS.runId(), SETTINGS.baseUrl(), SETTINGS.warmupUsers(), SETTINGS.warmupSeconds(),
                SETTINGS.asyncUsers(), SETTINGS.asyncSeconds(), SETTINGS.lagEvery(), SETTINGS.syncUsers(),
                SETTINGS.syncSeconds());
    }

    @Override
    public void after() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("run.id", SETTINGS.runId());
        out.put("run.started", String.valueOf(startedAt));
        out.put("run.finished", Instant.now().toString());
        out.put("settings.baseUrl", SETTINGS.baseUrl());
        out.put("settings.warmup", SETTINGS.warmupUsers() + " users x " + SETTINGS.warmupSeconds() + " s");
        out.put("settings.async", SETTINGS.asyncUsers() + " users x " + SETTINGS.asyncSeconds() + " s");
        out.put("settings.sync", SETTINGS.syncUsers() + " users x " + SETTINGS.syncSeconds() + " s");
        out.put("settings.lagEvery", Integer.toString(SETTINGS.lagEvery()));
        out.put("settings.pollIntervalMillis", SETTINGS.pollIntervalMillis() + " doubling up to "
                + SETTINGS.pollMaxIntervalMillis());
        out.put("settings.amount", SETTINGS.amount() + " " + SETTINGS.currency());
        for (PhaseStats stats : List.of(warmup, async, sync)) {
            out.putAll(stats.figures());
        }
        StringBuilder text = new StringBuilder();
        out.forEach((key, value) -> text.append(key).append('=')
                .append(value.replace('\n', ' ').replace("→", "->")).append('\n'));
        try {
            Files.createDirectories(SETTINGS.resultsFile().toAbsolutePath().getParent());
            Files.writeString(SETTINGS.resultsFile(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.println("Nettoria bench figures (client side, ms) -> " + SETTINGS.resultsFile().toAbsolutePath());
        for (PhaseStats stats : List.of(async, sync)) {
            Map<String, String> f = stats.figures();
            String p = stats.name + ".";
            System.out.printf(Locale.ROOT, "  %-6s %8s ok %5s failed  %8s commands/s  latency p50 %s p95 %s p99 %s"
                            + "  lag p50 %s p95 %s p99 %s (n=%s)%n",
                    stats.name, f.get(p + "commands.ok"), f.get(p + "commands.failed"),
                    f.get(p + "throughput.per.second"), f.get(p + "latency.p50.ms"), f.get(p + "latency.p95.ms"),
                    f.get(p + "latency.p99.ms"), f.get(p + "lag.p50.ms"), f.get(p + "lag.p95.ms"),
                    f.get(p + "lag.p99.ms"), f.get(p + "lag.count"));
            stats.errorSamples.forEach(sample -> System.out.println("    error: " + sample));
        }
    }
}
