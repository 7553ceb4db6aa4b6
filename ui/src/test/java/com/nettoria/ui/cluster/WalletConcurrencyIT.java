package com.nettoria.ui.cluster;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.ui.cluster.ClusterTestSupport.NodeApi;
import com.nettoria.ui.cluster.ClusterTestSupport.Reply;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.nettoria.ui.cluster.ClusterTestSupport.concurrently;
import static com.nettoria.ui.cluster.ClusterTestSupport.count;
import static com.nettoria.ui.cluster.ClusterTestSupport.netMovementInReadModel;
import static com.nettoria.ui.cluster.ClusterTestSupport.netMovementInStore;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money requests racing each other through the HTTP API: the wallet never goes below zero, every accepted
 * movement is in the event store and the read model, and one idempotency key moves money once however many
 * copies of the request arrive at the same moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "nettoria.api.read-your-writes-timeout=30s")
class WalletConcurrencyIT {

    private static final Currency IRR = Currency.getInstance("IRR");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void fortyParallelWithdrawalsOfOneAgainstABalanceOfTwentyFiveNeverOverdrawTheWallet() {
        NodeApi api = new NodeApi(port);
        String customer = "race-" + UUID.randomUUID();
        String token = api.customerToken(customer);
        String walletId = WalletId.of(new CustomerId(customer), IRR).value();
        assertThat(api.openWallet(token, "IRR").status()).isEqualTo(201);
        assertThat(api.deposit(token, "top-up", "25.00", "IRR").status()).isEqualTo(200);

        List<Reply> replies = concurrently(40, i -> api.withdraw(token, "withdrawal-" + i, "1.00", "IRR"));

        Map<Integer, Long> byStatus = replies.stream()
                .collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
        assertThat(byStatus).as("statuses of %s", replies).containsOnlyKeys(200, 422);
        assertThat(byStatus.get(200)).isEqualTo(25);
        assertThat(byStatus.get(422)).isEqualTo(15);
        assertThat(replies).filteredOn(reply -> reply.status() == 422)
                .extracting(Reply::code).containsOnly("wallet.insufficient-funds");
        assertThat(replies).filteredOn(reply -> reply.status() == 200)
                .allSatisfy(reply -> assertThat(reply.decimal("balanceAfter")).isNotNegative())
                .extracting(reply -> reply.decimal("balanceAfter").stripTrailingZeros().toPlainString())
                .as("each accepted withdrawal left a different balance, 24 down to 0")
                .doesNotHaveDuplicates();

        Reply wallet = api.wallet(token, "IRR");
        assertThat(wallet.decimal("balance")).isEqualByComparingTo("0");
        assertThat(wallet.body().path("transactionCount").asLong()).isEqualTo(26);
        assertThat(netMovementInStore(eventStore, walletId)).isEqualByComparingTo("0");
        assertThat(eventStore.readEvents(walletId).asStream()
                .filter(event -> event.getPayload() instanceof MoneyWithdrawnEvent)).hasSize(25);
        assertThat(netMovementInReadModel(jdbc, walletId)).isEqualByComparingTo(wallet.decimal("balance"));
        assertThat(jdbc.queryForObject("SELECT min(balance_after) FROM wallet_transaction WHERE wallet_id = ?",
                BigDecimal.class, walletId)).isEqualByComparingTo("0");
    }

    @Test
    void theSameIdempotencyKeySentFromTwentyThreadsAtOnceMovesMoneyExactlyOnce() {
        NodeApi api = new NodeApi(port);
        String customer = "same-key-" + UUID.randomUUID();
        String token = api.customerToken(customer);
        WalletId walletId = WalletId.of(new CustomerId(customer), IRR);
        assertThat(api.openWallet(token, "IRR").status()).isEqualTo(201);
        assertThat(api.deposit(token, "top-up", "10.00", "IRR").status()).isEqualTo(200);
        TransactionId expectedTransaction = TransactionId.forRequest(walletId, "pay-once");

        List<Reply> replies = concurrently(20, i -> api.withdraw(token, "pay-once", "3.00", "IRR"));

        assertThat(replies).as("%s", replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(reply -> reply.text("transactionId"))
                .containsOnly(expectedTransaction.value());
        Map<String, Long> replayedHeaders = replies.stream()
                .collect(Collectors.groupingBy(reply -> reply.header("Idempotent-Replayed").orElse("absent"),
                        Collectors.counting()));
        assertThat(replayedHeaders).containsExactlyInAnyOrderEntriesOf(Map.of("false", 1L, "true", 19L));

        assertThat(api.wallet(token, "IRR").decimal("balance")).isEqualByComparingTo("7.00");
        assertThat(eventStore.readEvents(walletId.value()).asStream()
                .map(event -> event.getPayload() instanceof MoneyWithdrawnEvent withdrawn
                        ? withdrawn.transactionId() : null)
                .filter(expectedTransaction::equals)).hasSize(1);
        assertThat(netMovementInStore(eventStore, walletId.value())).isEqualByComparingTo("7.00");
        assertThat(count(jdbc, "SELECT count(*) FROM wallet_transaction WHERE wallet_id = ?", walletId.value()))
                .isEqualTo(2);
        assertThat(netMovementInReadModel(jdbc, walletId.value())).isEqualByComparingTo("7.00");
    }
}
