package com.nettoria.ui.cluster;

import com.nettoria.query.monitoring.EventProcessorStatus;
import com.nettoria.ui.cluster.ClusterTestSupport.NodeApi;
import com.nettoria.ui.cluster.ClusterTestSupport.ReadModel;
import com.nettoria.ui.cluster.ClusterTestSupport.Reply;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.nettoria.ui.cluster.ClusterTestSupport.WALLET_PROJECTION;
import static com.nettoria.ui.cluster.ClusterTestSupport.awaitCaughtUp;
import static com.nettoria.ui.cluster.ClusterTestSupport.count;
import static com.nettoria.ui.cluster.ClusterTestSupport.moneyEventsInStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wallet read model is disposable: replaying the "wallet-projection" processor from the first event rebuilds
 * exactly the same rows, column for column, from the event store alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nettoria.api.read-your-writes-timeout=30s")
class WalletReplayIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessorStatus processorStatus;

    @Test
    void replayingTheWalletProjectionFromTheFirstEventRebuildsAnIdenticalReadModel() {
        NodeApi api = new NodeApi(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> customers = List.of("replay-alice-" + run, "replay-bob-" + run, "replay-carol-" + run);
        for (int c = 0; c < customers.size(); c++) {
            String token = api.customerToken(customers.get(c));
            assertThat(api.openWallet(token, "IRR").status()).isEqualTo(201);
            expectStatus(api.deposit(token, "d1", (100 + c) + ".00", "IRR"), 200);
            expectStatus(api.withdraw(token, "w1", "12.34", "IRR"), 200);
            expectStatus(api.deposit(token, "d2", "0.66", "IRR"), 200);
            expectStatus(api.withdraw(token, "w2", "1000.00", "IRR"), 422);
            expectStatus(api.deposit(token, "d1", (100 + c) + ".00", "IRR"), 200); // a repeat moves nothing
        }
        String usdToken = api.customerToken(customers.get(0));
        assertThat(api.openWallet(usdToken, "USD").status()).isEqualTo(201);
        expectStatus(api.deposit(usdToken, "usd-1", "5.25", "USD"), 200);

        StreamingEventProcessor processor = processing
                .eventProcessor(WALLET_PROJECTION, StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor, eventStore, 4);
        ReadModel before = ReadModel.of(jdbc);
        assertThat(before.wallets()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(before.transactions()).hasSizeGreaterThanOrEqualTo(10).hasSize((int) moneyEventsInStore(jdbc));
        assertThat(api.wallet(api.customerToken(customers.get(2)), "IRR").decimal("balance"))
                .isEqualByComparingTo(new BigDecimal("90.32"));

        processor.shutDown();
        processor.resetTokens();
        assertThat(count(jdbc, "SELECT count(*) FROM wallet")).as("wallets right after the reset").isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM wallet_transaction")).as("movements right after the reset")
                .isZero();
        processor.start();
        awaitCaughtUp(processor, eventStore, 4);

        ReadModel after = ReadModel.of(jdbc);
        assertThat(after.wallets()).isEqualTo(before.wallets());
        assertThat(after.transactions()).isEqualTo(before.transactions());
        EventProcessorStatus.Snapshot status = processorStatus.snapshots().get(WALLET_PROJECTION);
        assertThat(status.running()).isTrue();
        assertThat(status.error()).isFalse();
        assertThat(status.claimedSegments()).isEqualTo(4);
        assertThat(status.caughtUp()).isTrue();
        assertThat(status.lag()).hasValue(0);

        String carol = api.customerToken(customers.get(2));
        expectStatus(api.deposit(carol, "after-replay", "9.68", "IRR"), 200);
        assertThat(api.wallet(carol, "IRR").decimal("balance")).isEqualByComparingTo(new BigDecimal("100.00"));
        await("the processor leaves replay mode once it handles an event past its reset position")
                .atMost(Duration.ofSeconds(30)).until(() -> !processor.isReplaying());
    }

    private static void expectStatus(Reply reply, int status) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    }
}
