package com.nettoria.ui.platform;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import com.nettoria.query.monitoring.EventProcessorStatus;
import com.nettoria.query.wallet.WalletProjection;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Currency;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a projection cannot store (here: a description longer than its column) is parked in the
 * dead-letter queue of its processing group; the processor keeps going for every other wallet and stays
 * healthy. Without a savepoint per handler, PostgreSQL's aborted transaction would stop the segment instead.
 */
@SpringBootTest
class DeadLetterIT {

    private static final Currency USD = Currency.getInstance("USD");

    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessorStatus processors;

    @Test
    void aPoisonEventIsDeadLetteredAndOtherWalletsKeepProjecting() {
        WalletId poisoned = new WalletId(UUID.randomUUID().toString());
        eventStore.publish(
                new GenericDomainEventMessage<>("Wallet", poisoned.value(), 0,
                        new WalletOpenedEvent(poisoned, new CustomerId("mallory"), USD)),
                new GenericDomainEventMessage<>("Wallet", poisoned.value(), 1,
                        new MoneyDepositedEvent(poisoned, new TransactionId(UUID.randomUUID().toString()),
                                Money.of("1.00", "USD"), Money.of("1.00", "USD"), "x".repeat(600), "fp"),
                        MetaData.with(Causation.ACTOR_ID, "mallory").and(Causation.CAUSE_TYPE, "customer-request")));

        CustomerId healthyOwner = new CustomerId("henry-" + UUID.randomUUID());
        WalletId healthy = WalletId.of(healthyOwner, USD);
        MetaData causation = MetaData.with(Causation.ACTOR_ID, healthyOwner.value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST);
        commands.sendAndWait(new OpenWalletCommand(healthy, healthyOwner, USD));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DepositMoneyCommand(healthy,
                TransactionId.forRequest(healthy, "k1"), Money.of("5.00", "USD"), "fine", "fp-k1"))
                .withMetaData(causation));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("""
                    select count(*) from deadletterentry
                     where processinggroup = ? and sequenceidentifier = ?""", Long.class,
                    WalletProjection.PROCESSING_GROUP, poisoned.value())).isEqualTo(1L);
            assertThat(jdbc.queryForList("select balance from wallet where wallet_id = ?",
                    java.math.BigDecimal.class, healthy.value()))
                    .singleElement().satisfies(balance -> assertThat(balance).isEqualByComparingTo("5.00"));
        });
        assertThat(jdbc.queryForObject("select count(*) from wallet_transaction where wallet_id = ?", Long.class,
                poisoned.value())).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EventProcessorStatus.Snapshot projection = processors.snapshots().get(WalletProjection.PROCESSING_GROUP);
            assertThat(projection.running()).isTrue();
            assertThat(projection.error()).isFalse();
            assertThat(projection.unclaimedSegments()).isZero();
            assertThat(projection.caughtUp()).isTrue();
        });
    }
}
