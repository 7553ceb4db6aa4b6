package com.nettoria.ui.cluster;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import com.nettoria.ui.NettoriaApplication;
import com.nettoria.ui.cluster.ClusterTestSupport.NodeApi;
import com.nettoria.ui.cluster.ClusterTestSupport.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.nettoria.ui.cluster.ClusterTestSupport.WALLET_PROJECTION;
import static com.nettoria.ui.cluster.ClusterTestSupport.concurrently;
import static com.nettoria.ui.cluster.ClusterTestSupport.count;
import static com.nettoria.ui.cluster.ClusterTestSupport.moneyEventsInStore;
import static com.nettoria.ui.cluster.ClusterTestSupport.netMovementInReadModel;
import static com.nettoria.ui.cluster.ClusterTestSupport.netMovementInStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Nettoria nodes (two application contexts of {@link NettoriaApplication}, each with its own HTTP port) on
 * one shared PostgreSQL, as in a several-nodes deployment: commands go to either node, the segments of the
 * projections are claimed between the nodes through {@code TokenEntry}, every event is projected exactly once,
 * concurrent withdrawals through both nodes never overdraw a wallet, and when a node stops the other takes over
 * its segments and goes on projecting.
 *
 * <p>Besides the wallet projection each node runs a test-only probe projection ({@link ExactlyOnceProbe}, its own
 * pooled processor with the same four segments) that counts every delivery of every event in its own table, so a
 * duplicate delivery shows as a count of 2 instead of being absorbed, as the idempotent wallet projection would.
 *
 * <p>The tests share the two nodes and run in order: the last one stops the first node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final String PROBE = "exactly-once-probe";
    private static final String NODE_1 = "node-1";
    private static final String NODE_2 = "node-2";
    private static final Currency IRR = Currency.getInstance("IRR");
    private static final int SEGMENTS = 4;
    private static final List<Segment> SEGMENT_LAYOUT = Segment.splitBalanced(Segment.ROOT_SEGMENT, SEGMENTS - 1);
    /** Which node holds which segment after {@link #startTheSharedDatabaseAndTwoNodes()}. */
    private static final Map<Integer, String> SHARED_OWNERSHIP = Map.of(0, NODE_1, 1, NODE_1, 2, NODE_2, 3, NODE_2);

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private static Node node1;
    private static Node node2;
    /** One customer whose wallet falls in each of the four segments. */
    private static List<Customer> customers;

    @BeforeAll
    static void startTheSharedDatabaseAndTwoNodes() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("CREATE SCHEMA exactly_once_probe");
        jdbc.execute("""
                CREATE TABLE exactly_once_probe.delivery (
                    event_id     VARCHAR(255) NOT NULL PRIMARY KEY,
                    aggregate_id VARCHAR(255) NOT NULL,
                    nodes        TEXT         NOT NULL,
                    deliveries   INTEGER      NOT NULL
                )""");

        node1 = Node.start(NODE_1, postgres);
        for (String processor : List.of(WALLET_PROJECTION, PROBE)) {
            awaitSegments(node1, processor, Set.of(0, 1, 2, 3));
        }
        node2 = Node.start(NODE_2, postgres);
        for (String processor : List.of(WALLET_PROJECTION, PROBE)) {
            node1.processor(processor).releaseSegment(2, 10, TimeUnit.MINUTES);
            node1.processor(processor).releaseSegment(3, 10, TimeUnit.MINUTES);
            awaitSegments(node1, processor, Set.of(0, 1));
            awaitSegments(node2, processor, Set.of(2, 3));
        }
        customers = customersCoveringEverySegment();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Node node : new Node[]{node2, node1}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void theSegmentsAreSharedBetweenTheNodesAndEveryEventIsProjectedExactlyOnce() {
        assertThat(tokenOwners(WALLET_PROJECTION)).isEqualTo(SHARED_OWNERSHIP);
        assertThat(tokenOwners(PROBE)).isEqualTo(SHARED_OWNERSHIP);

        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            Node first = i % 2 == 0 ? node1 : node2;
            Node second = i % 2 == 0 ? node2 : node1;
            assertThat(first.api().openWallet(customer.token(first), "IRR").status()).isEqualTo(201);
            expect(first.api().deposit(customer.token(first), "d-1", "50.00", "IRR"), 200);
            expect(second.api().deposit(customer.token(second), "d-2", (i + 1) + ".25", "IRR"), 200);
            expect(first.api().withdraw(customer.token(first), "w-1", "20.00", "IRR"), 200);
            expect(second.api().withdraw(customer.token(second), "w-2", "1000.00", "IRR"), 422);
            expect(second.api().deposit(customer.token(second), "d-1", "50.00", "IRR"), 200); // a repeat
        }

        awaitEveryEventProjected();
        assertTheReadModelMatchesTheEventStore(node2);
        assertThat(count(jdbc, "SELECT count(*) FROM wallet_transaction")).isEqualTo(3L * customers.size());
        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            BigDecimal expected = new BigDecimal("31.25").add(BigDecimal.valueOf(i));
            assertThat(node1.api().wallet(customer.token(node1), "IRR").decimal("balance"))
                    .isEqualByComparingTo(expected);
            assertThat(node2.api().wallet(customer.token(node2), "IRR").decimal("balance"))
                    .isEqualByComparingTo(expected);
        }

        Map<String, Set<String>> nodesByWallet = new TreeMap<>();
        jdbc.query("SELECT aggregate_id, nodes FROM exactly_once_probe.delivery", rs -> {
            nodesByWallet.computeIfAbsent(rs.getString("aggregate_id"), wallet -> new TreeSet<>())
                    .add(rs.getString("nodes"));
        });
        assertThat(nodesByWallet.keySet()).as("wallets whose events the probe saw")
                .containsExactlyInAnyOrderElementsOf(customers.stream().map(Customer::walletId).toList());
        customers.forEach(customer -> assertThat(nodesByWallet.get(customer.walletId()))
                .as("nodes that handled the events of the wallet in segment %d", customer.segment())
                .containsExactly(SHARED_OWNERSHIP.get(customer.segment())));
        assertThat(tokenOwners(WALLET_PROJECTION)).isEqualTo(SHARED_OWNERSHIP);
    }

    @Test
    @Order(2)
    void concurrentWithdrawalsOnOneWalletThroughBothNodesNeverOverdrawIt() {
        Customer customer = customer("both-nodes-race");
        assertThat(node1.api().openWallet(customer.token(node1), "IRR").status()).isEqualTo(201);
        expect(node2.api().deposit(customer.token(node2), "top-up", "20.00", "IRR"), 200);

        List<Reply> replies = concurrently(30, i -> {
            Node node = i % 2 == 0 ? node1 : node2;
            return node.api().withdraw(customer.token(node), "withdrawal-" + i, "1.00", "IRR");
        });

        Map<Integer, Long> byStatus = replies.stream()
                .collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(byStatus).as("statuses of %s", replies).isEqualTo(Map.of(200, 20L, 422, 10L));
        assertThat(replies).filteredOn(reply -> reply.status() == 422).extracting(Reply::code)
                .containsOnly("wallet.insufficient-funds");
        EventStore eventStore = node1.bean(EventStore.class);
        assertThat(netMovementInStore(eventStore, customer.walletId())).isEqualByComparingTo("0");
        assertThat(eventStore.readEvents(customer.walletId()).asStream()
                .filter(event -> event.getPayload() instanceof MoneyWithdrawnEvent)).hasSize(20);
        awaitEveryEventProjected();
        assertThat(node1.api().wallet(customer.token(node1), "IRR").decimal("balance")).isEqualByComparingTo("0");
        assertThat(node2.api().wallet(customer.token(node2), "IRR").decimal("balance")).isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject("SELECT min(balance_after) FROM wallet_transaction WHERE wallet_id = ?",
                BigDecimal.class, customer.walletId())).isEqualByComparingTo("0");
        assertTheReadModelMatchesTheEventStore(node1);
    }

    @Test
    @Order(3)
    void theSameIdempotencyKeySentThroughBothNodesAtOnceMovesMoneyOnce() {
        Customer customer = customer("both-nodes-same-key");
        assertThat(node2.api().openWallet(customer.token(node2), "IRR").status()).isEqualTo(201);

        List<Reply> replies = concurrently(10, i -> {
            Node node = i % 2 == 0 ? node1 : node2;
            return node.api().deposit(customer.token(node), "same-key", "7.00", "IRR");
        });

        assertThat(replies).as("%s", replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(reply -> reply.text("transactionId")).containsOnly(
                TransactionId.forRequest(new WalletId(customer.walletId()), "same-key").value());
        assertThat(replies).extracting(reply -> reply.header("Idempotent-Replayed").orElseThrow())
                .containsOnlyOnce("false").containsOnly("false", "true");
        assertThat(node1.bean(EventStore.class).readEvents(customer.walletId()).asStream()
                .filter(event -> event.getPayload() instanceof MoneyDepositedEvent)).hasSize(1);
        awaitEveryEventProjected();
        assertThat(node1.api().wallet(customer.token(node1), "IRR").decimal("balance")).isEqualByComparingTo("7.00");
        assertTheReadModelMatchesTheEventStore(node2);
    }

    @Test
    @Order(4)
    void whenTheFirstNodeStopsTheSecondTakesOverEverySegmentAndGoesOnProjectingExactlyOnce() {
        awaitEveryEventProjected();
        long lastIndexBeforeStop = count(jdbc, "SELECT coalesce(max(globalindex), 0) FROM domainevententry");

        node1.close();

        Map<Integer, String> allOnNode2 = Map.of(0, NODE_2, 1, NODE_2, 2, NODE_2, 3, NODE_2);
        for (String processor : List.of(WALLET_PROJECTION, PROBE)) {
            awaitSegments(node2, processor, Set.of(0, 1, 2, 3));
            await("every " + processor + " token owned by " + NODE_2).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(tokenOwners(processor)).isEqualTo(allOnNode2));
        }

        List<Customer> known = customers.stream()
                .filter(customer -> node2.api().wallet(customer.token(node2), "IRR").status() == 200).toList();
        assertThat(known).as("wallets opened by the first test").hasSize(customers.size());
        for (Customer customer : known) {
            BigDecimal before = node2.api().wallet(customer.token(node2), "IRR").decimal("balance");
            Reply deposit = node2.api().deposit(customer.token(node2), "after-failover", "5.00", "IRR");
            expect(deposit, 200);
            assertThat(deposit.decimal("balanceAfter")).isEqualByComparingTo(before.add(new BigDecimal("5.00")));
            assertThat(node2.api().wallet(customer.token(node2), "IRR").decimal("balance"))
                    .isEqualByComparingTo(before.add(new BigDecimal("5.00")));
        }

        awaitEveryEventProjected();
        assertTheReadModelMatchesTheEventStore(node2);
        List<String> handledAfterStop = jdbc.queryForList("""
                SELECT p.nodes FROM exactly_once_probe.delivery p
                  JOIN domainevententry e ON e.eventidentifier = p.event_id
                 WHERE e.globalindex > ?""", String.class, lastIndexBeforeStop);
        assertThat(handledAfterStop).hasSize(customers.size()).containsOnly(NODE_2);
    }

    // ---- checks -------------------------------------------------------------------------------------------

    /** Waits until both projections have handled every event in the store (the wallet one: every money event). */
    private static void awaitEveryEventProjected() {
        await("every event projected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(count(jdbc, "SELECT count(*) FROM wallet_transaction"))
                            .isEqualTo(moneyEventsInStore(jdbc));
                    assertThat(count(jdbc, "SELECT count(*) FROM exactly_once_probe.delivery"))
                            .isEqualTo(count(jdbc, "SELECT count(*) FROM domainevententry"));
                    assertThat(count(jdbc, "SELECT count(*) FROM wallet"))
                            .isEqualTo(count(jdbc, "SELECT count(*) FROM domainevententry WHERE payloadtype = ?",
                                    WalletOpenedEvent.class.getName()));
                });
    }

    /**
     * Every event was delivered once, every money event has exactly its one row, and every wallet's balance is the
     * sum of its movements in the read model and in the event store.
     */
    private static void assertTheReadModelMatchesTheEventStore(Node node) {
        assertThat(count(jdbc, "SELECT count(*) FROM exactly_once_probe.delivery WHERE deliveries <> 1"))
                .as("events delivered more than once").isZero();
        assertThat(count(jdbc, """
                SELECT count(*) FROM domainevententry e
                 WHERE e.payloadtype IN (?, ?)
                   AND NOT EXISTS (SELECT 1 FROM wallet_transaction t WHERE t.event_id = e.eventidentifier)""",
                MoneyDepositedEvent.class.getName(), MoneyWithdrawnEvent.class.getName()))
                .as("money events without their row").isZero();
        assertThat(count(jdbc, """
                SELECT count(*) FROM wallet_transaction t
                 WHERE NOT EXISTS (SELECT 1 FROM domainevententry e WHERE e.eventidentifier = t.event_id)"""))
                .as("rows without their event").isZero();
        EventStore eventStore = node.bean(EventStore.class);
        List<Map<String, Object>> wallets = jdbc.queryForList(
                "SELECT wallet_id, balance, transaction_count FROM wallet ORDER BY wallet_id");
        assertThat(wallets).isNotEmpty().allSatisfy(wallet -> {
            String walletId = (String) wallet.get("wallet_id");
            BigDecimal balance = (BigDecimal) wallet.get("balance");
            assertThat(netMovementInReadModel(jdbc, walletId)).as("movements of %s", walletId)
                    .isEqualByComparingTo(balance);
            assertThat(netMovementInStore(eventStore, walletId)).as("events of %s", walletId)
                    .isEqualByComparingTo(balance);
            assertThat(count(jdbc, "SELECT count(*) FROM wallet_transaction WHERE wallet_id = ?", walletId))
                    .isEqualTo(((Number) wallet.get("transaction_count")).longValue());
        });
    }

    private static Map<Integer, String> tokenOwners(String processor) {
        Map<Integer, String> owners = new TreeMap<>();
        jdbc.query("SELECT segment, owner FROM tokenentry WHERE processorname = ?",
                rs -> {
                    owners.put(rs.getInt("segment"), rs.getString("owner"));
                }, processor);
        return owners;
    }

    private static void awaitSegments(Node node, String processor, Set<Integer> segments) {
        await(node.name() + " holds segments " + segments + " of " + processor)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(node.processor(processor).processingStatus().keySet())
                        .isEqualTo(segments));
    }

    private static void expect(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    }

    // ---- customers ----------------------------------------------------------------------------------------

    /** A customer with a token from each node and the segment the events of their IRR wallet fall in. */
    record Customer(String subject, String walletId, int segment, Map<String, String> tokens) {

        String token(Node node) {
            return tokens.get(node.name());
        }
    }

    private static Customer customer(String subject) {
        String walletId = WalletId.of(new CustomerId(subject), IRR).value();
        return new Customer(subject, walletId, segmentOf(subject), Map.of(
                NODE_1, node1.api().customerToken(subject), NODE_2, node2.api().customerToken(subject)));
    }

    /** One customer per segment, so that both nodes have work and the failover moves work that exists. */
    private static List<Customer> customersCoveringEverySegment() {
        Map<Integer, Customer> bySegment = new TreeMap<>();
        for (int i = 0; bySegment.size() < SEGMENTS; i++) {
            String subject = "multi-node-customer-" + i;
            if (!bySegment.containsKey(segmentOf(subject))) {
                bySegment.put(segmentOf(subject), customer(subject));
            }
        }
        return List.copyOf(bySegment.values());
    }

    /** The segment the events of the customer's IRR wallet fall in (sequenced per aggregate, hashed on its id). */
    private static int segmentOf(String subject) {
        String walletId = WalletId.of(new CustomerId(subject), IRR).value();
        return SEGMENT_LAYOUT.stream().filter(segment -> segment.matches(walletId)).findFirst().orElseThrow()
                .getSegmentId();
    }

    // ---- nodes --------------------------------------------------------------------------------------------

    /** One running Nettoria node. */
    record Node(String name, ConfigurableApplicationContext context, NodeApi api) {

        static Node start(String name, EmbeddedPostgres postgres) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(NettoriaApplication.class,
                    NodeTestConfiguration.class)
                    .run("--server.port=0",
                            "--nettoria.database.embedded.enabled=false",
                            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.datasource.hikari.maximum-pool-size=10",
                            "--nettoria.test.node-id=" + name,
                            "--nettoria.api.read-your-writes-timeout=30s",
                            "--management.metrics.use-global-registry=false",
                            "--axon.eventhandling.processors.wallet-projection.token-claim-interval=200",
                            "--axon.eventhandling.processors." + PROBE + ".mode=pooled",
                            "--axon.eventhandling.processors." + PROBE + ".initial-segment-count=" + SEGMENTS,
                            "--axon.eventhandling.processors." + PROBE + ".token-claim-interval=200");
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            return new Node(name, context, new NodeApi(port));
        }

        StreamingEventProcessor processor(String processorName) {
            return bean(EventProcessingConfiguration.class)
                    .eventProcessor(processorName, StreamingEventProcessor.class).orElseThrow();
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        void close() {
            if (context.isActive()) {
                context.close();
            }
        }
    }

    /**
     * Test-only beans of each node, registered as a source of its application (deliberately without
     * {@code @Configuration}, so that no component scan picks it up for other tests).
     */
    static class NodeTestConfiguration {

        /**
         * Axon's JDBC token store names its node by the JVM ({@code pid@host}); both nodes of this test share one
         * JVM, so each gets its own name, as separate processes would have.
         */
        @Bean
        TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                              ObjectProvider<TokenSchema> tokenSchema, Environment environment) {
            return JdbcTokenStore.builder()
                    .connectionProvider(connectionProvider)
                    .serializer(serializer)
                    .schema(tokenSchema.getIfAvailable(() -> TokenSchema.builder().build()))
                    .claimTimeout(Duration.ofSeconds(10))
                    .nodeId(environment.getRequiredProperty("nettoria.test.node-id"))
                    .build();
        }

        @Bean
        ExactlyOnceProbe exactlyOnceProbe(JdbcTemplate jdbcTemplate, Environment environment) {
            return new ExactlyOnceProbe(jdbcTemplate, environment.getRequiredProperty("nettoria.test.node-id"));
        }
    }

    /**
     * Counts each delivery of each event in its own table, inside the processor's transaction (so a delivery
     * whose batch rolled back is not counted). A duplicate delivery makes {@code deliveries} 2, and the node
     * names list who delivered it.
     */
    @ProcessingGroup(PROBE)
    static class ExactlyOnceProbe {

        private final JdbcTemplate jdbc;
        private final String node;

        ExactlyOnceProbe(JdbcTemplate jdbc, String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @EventHandler
        void on(WalletOpenedEvent event, DomainEventMessage<?> message) {
            record(message);
        }

        @EventHandler
        void on(MoneyDepositedEvent event, DomainEventMessage<?> message) {
            record(message);
        }

        @EventHandler
        void on(MoneyWithdrawnEvent event, DomainEventMessage<?> message) {
            record(message);
        }

        private void record(DomainEventMessage<?> message) {
            jdbc.update("""
                    INSERT INTO exactly_once_probe.delivery (event_id, aggregate_id, nodes, deliveries)
                    VALUES (?, ?, ?, 1)
                    ON CONFLICT (event_id) DO UPDATE
                       SET deliveries = delivery.deliveries + 1, nodes = delivery.nodes || ',' || EXCLUDED.nodes""",
                    message.getIdentifier(), message.getAggregateIdentifier(), node);
        }
    }
}
