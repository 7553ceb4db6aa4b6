package com.nettoria.ui.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the replay, concurrency and multi-node tests share: an HTTP client for one node's API, a snapshot of the
 * wallet read model, sums over the event store, running requests truly in parallel, and waiting for a streaming
 * processor to catch up with the event store.
 */
final class ClusterTestSupport {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final String WALLET_PROJECTION = "wallet-projection";

    /** The payload types (class names) of the events that move money, as the event store keeps them. */
    static final List<String> MONEY_EVENT_TYPES =
            List.of(MoneyDepositedEvent.class.getName(), MoneyWithdrawnEvent.class.getName());

    private ClusterTestSupport() {
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    /** One answer of the API: the status, the JSON body (a missing node when there is none) and the headers. */
    record Reply(int status, JsonNode body, Map<String, List<String>> headers) {

        String code() {
            return body.path("code").asText(null);
        }

        BigDecimal decimal(String field) {
            JsonNode value = body.path(field);
            assertThat(value.isNumber()).as("%s is a number in %s", field, body).isTrue();
            return value.decimalValue();
        }

        String text(String field) {
            return body.path(field).asText(null);
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The HTTP API of one running node, spoken to as a customer's client would. */
    static final class NodeApi {

        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final URI base;

        NodeApi(int port) {
            this.base = URI.create("http://localhost:" + port);
        }

        /** A development access token of a customer (the node's dev token endpoint). */
        String customerToken(String subject) {
            Reply reply = send("POST", "/api/dev/tokens", null, Map.of(),
                    Map.of("subject", subject, "roles", List.of("CUSTOMER")));
            assertThat(reply.status()).as("dev token for %s: %s", subject, reply).isEqualTo(200);
            return reply.text("accessToken");
        }

        Reply openWallet(String token, String currency) {
            return send("POST", "/api/wallet", token, Map.of(), Map.of("currency", currency));
        }

        Reply deposit(String token, String idempotencyKey, String amount, String currency) {
            return move("/api/wallet/deposit", token, idempotencyKey, amount, currency);
        }

        Reply withdraw(String token, String idempotencyKey, String amount, String currency) {
            return move("/api/wallet/withdraw", token, idempotencyKey, amount, currency);
        }

        Reply wallet(String token, String currency) {
            return send("GET", "/api/wallet?currency=" + currency, token, Map.of(), null);
        }

        private Reply move(String path, String token, String idempotencyKey, String amount, String currency) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", new BigDecimal(amount));
            body.put("currency", currency);
            body.put("description", "test " + idempotencyKey);
            return send("POST", path, token, Map.of("Idempotency-Key", idempotencyKey), body);
        }

        Reply send(String method, String path, String token, Map<String, String> headers, Object body) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Accept", "application/json, application/problem+json");
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                headers.forEach(request::header);
                if (body == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body() == null || response.body().isBlank()
                        ? MissingNode.getInstance() : JSON.readTree(response.body());
                return new Reply(response.statusCode(), json, response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- parallel requests --------------------------------------------------------------------------------

    /**
     * Runs {@code count} calls at once, each on its own thread, all released together by one gate, and answers
     * their results in call order.
     */
    static <T> List<T> concurrently(int count, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all %d callers ready", count).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("parallel calls failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- read model and event store -----------------------------------------------------------------------

    /** Both tables of the wallet read model, every row and column, in a stable order. */
    record ReadModel(List<Map<String, Object>> wallets, List<Map<String, Object>> transactions) {

        static ReadModel of(JdbcTemplate jdbc) {
            return new ReadModel(jdbc.queryForList("SELECT * FROM wallet ORDER BY wallet_id"),
                    jdbc.queryForList("SELECT * FROM wallet_transaction ORDER BY wallet_id, sequence_no"));
        }
    }

    static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** How many money events (deposits and withdrawals) the event store holds. */
    static long moneyEventsInStore(JdbcTemplate jdbc) {
        return count(jdbc, "SELECT count(*) FROM domainevententry WHERE payloadtype IN (?, ?)",
                MONEY_EVENT_TYPES.get(0), MONEY_EVENT_TYPES.get(1));
    }

    /** Deposits minus withdrawals of one wallet, read from its events in the event store. */
    static BigDecimal netMovementInStore(EventStore eventStore, String walletId) {
        return eventStore.readEvents(walletId).asStream()
                .map(message -> message.getPayload() instanceof MoneyDepositedEvent deposit
                        ? deposit.amount().amount()
                        : message.getPayload() instanceof MoneyWithdrawnEvent withdrawal
                        ? withdrawal.amount().amount().negate()
                        : BigDecimal.ZERO)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Deposits minus withdrawals of one wallet, read from its rows in the read model. */
    static BigDecimal netMovementInReadModel(JdbcTemplate jdbc, String walletId) {
        return jdbc.queryForObject("""
                SELECT coalesce(sum(CASE type WHEN 'DEPOSIT' THEN amount ELSE -amount END), 0)
                  FROM wallet_transaction WHERE wallet_id = ?""", BigDecimal.class, walletId);
    }

    // ---- event processors ---------------------------------------------------------------------------------

    /**
     * Waits until the processor runs in this node with all of {@code segments} claimed, none in error, every one
     * caught up and positioned at the head of the event store. (A replayed segment stays flagged as replaying
     * until it handles an event past its reset position, so the replay flag is no part of being caught up.)
     */
    static void awaitCaughtUp(StreamingEventProcessor processor, EventStore eventStore, int segments) {
        await("processor " + processor.getName() + " caught up at the head of the event store")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    long head = eventStore.createHeadToken().position().orElse(-1);
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    assertThat(processor.isRunning()).isTrue();
                    assertThat(processor.isError()).isFalse();
                    assertThat(status).hasSize(segments);
                    assertThat(status.values()).allSatisfy(segment -> {
                        assertThat(segment.isErrorState()).as("segment %s in error", segment.getSegment()).isFalse();
                        assertThat(segment.isCaughtUp()).as("segment %s caught up", segment.getSegment()).isTrue();
                        assertThat(segment.getCurrentPosition().orElse(-1))
                                .as("position of segment %s", segment.getSegment()).isGreaterThanOrEqualTo(head);
                    });
                });
    }
}
