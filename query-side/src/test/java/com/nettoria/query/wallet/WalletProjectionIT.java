package com.nettoria.query.wallet;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.FindWalletQuery;
import com.nettoria.coreapi.wallet.FindWalletTransactionQuery;
import com.nettoria.coreapi.wallet.FindWalletTransactionsQuery;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import com.nettoria.coreapi.wallet.WalletTransactionPage;
import com.nettoria.coreapi.wallet.WalletTransactionType;
import com.nettoria.coreapi.wallet.WalletTransactionView;
import com.nettoria.coreapi.wallet.WalletView;
import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet projection against a real PostgreSQL with the query side's own Flyway migrations: each test gets a
 * fresh database cloned from the migrated template. The handlers are called directly with real event messages,
 * the way the processor calls them, and the read model is checked with the projection's own query handlers
 * and with SQL.
 */
class WalletProjectionIT {

    private static final DatabasePreparer QUERY_SIDE_SCHEMA = dataSource -> Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/query")
            .load()
            .migrate();

    /** An instance field: a new database, cloned from the migrated template, for every test. */
    @RegisterExtension
    final PreparedDbExtension database = EmbeddedPostgresExtension.preparedDatabase(QUERY_SIDE_SCHEMA);

    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerId OWNER = new CustomerId("customer-projection");
    private static final WalletId WALLET = WalletId.of(OWNER, USD);
    private static final Instant OPENED_AT = Instant.parse("2026-01-02T10:00:00Z");

    private JdbcTemplate jdbc;
    private WalletProjection projection;

    @BeforeEach
    void newProjectionOnAFreshDatabase() {
        jdbc = new JdbcTemplate(database.getTestDatabase());
        projection = new WalletProjection(jdbc);
    }

    @Test
    void openingAWalletShowsItWithAZeroBalanceAndNoMovements() {
        open();

        WalletView wallet = wallet();
        assertThat(wallet.walletId()).isEqualTo(WALLET);
        assertThat(wallet.ownerId()).isEqualTo(OWNER);
        assertThat(wallet.balance()).isEqualTo(Money.zero(USD));
        assertThat(wallet.transactionCount()).isZero();
        assertThat(wallet.openedAt()).isEqualTo(OPENED_AT);
        assertThat(page(0, 20).totalItems()).isZero();
    }

    @Test
    void depositsAndWithdrawalsSetTheBalanceAndEachMovementKeepsTheBalanceAfterIt() {
        open();
        deposit(1, "key-1", "100.00", "100.00");
        withdraw(2, "key-2", "30.25", "69.75");
        deposit(3, "key-3", "0.25", "70.00");

        WalletView wallet = wallet();
        assertThat(wallet.balance()).isEqualTo(usd("70.00"));
        assertThat(wallet.transactionCount()).isEqualTo(3);

        WalletTransactionView withdrawal = transaction("key-2");
        assertThat(withdrawal.type()).isEqualTo(WalletTransactionType.WITHDRAWAL);
        assertThat(withdrawal.amount()).isEqualTo(usd("30.25"));
        assertThat(withdrawal.balanceAfter()).isEqualTo(usd("69.75"));
        assertThat(withdrawal.sequence()).isEqualTo(2);
        assertThat(transaction("key-1").balanceAfter()).isEqualTo(usd("100.00"));
        assertThat(transaction("key-3").balanceAfter()).isEqualTo(usd("70.00"));
        assertThat(page(0, 20).items())
                .extracting(item -> item.type() + " " + item.amount().amount() + " -> " + item.balanceAfter().amount())
                .containsExactly("DEPOSIT 0.25 -> 70.00", "WITHDRAWAL 30.25 -> 69.75", "DEPOSIT 100.00 -> 100.00");
    }

    @Test
    void theHistoryIsPagedNewestFirstWithTheTotalCount() {
        open();
        for (int sequence = 1; sequence <= 5; sequence++) {
            deposit(sequence, "key-" + sequence, "1.00", sequence + ".00");
        }

        WalletTransactionPage first = page(0, 2);
        WalletTransactionPage second = page(1, 2);
        WalletTransactionPage last = page(2, 2);
        WalletTransactionPage beyond = page(3, 2);

        assertThat(first.items()).extracting(WalletTransactionView::sequence).containsExactly(5L, 4L);
        assertThat(second.items()).extracting(WalletTransactionView::sequence).containsExactly(3L, 2L);
        assertThat(last.items()).extracting(WalletTransactionView::sequence).containsExactly(1L);
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.totalItems()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void eachMovementRecordsWhoCausedItWhyAndWhen() {
        open();
        Instant occurredAt = Instant.parse("2026-01-03T08:30:00.123Z");
        MetaData metaData = MetaData.with(Causation.ACTOR_ID, "admin-7")
                .and(Causation.CAUSE_TYPE, Causation.CauseType.ADMIN_ADJUSTMENT)
                .and(Causation.CAUSE_ID, "ticket-42");
        DomainEventMessage<MoneyDepositedEvent> message = message(1,
                new MoneyDepositedEvent(WALLET, tx("key-1"), usd("12.00"), usd("12.00"), "goodwill credit", "fp"),
                metaData, occurredAt);

        projection.on(message.getPayload(), message, 1);

        WalletTransactionView view = transaction("key-1");
        assertThat(view.actorId()).isEqualTo("admin-7");
        assertThat(view.causeType()).isEqualTo(Causation.CauseType.ADMIN_ADJUSTMENT);
        assertThat(view.causeId()).isEqualTo("ticket-42");
        assertThat(view.description()).isEqualTo("goodwill credit");
        assertThat(view.occurredAt()).isEqualTo(occurredAt);
        assertThat(jdbc.queryForObject("SELECT event_id FROM wallet_transaction WHERE transaction_id = ?",
                String.class, tx("key-1").value())).isEqualTo(message.getIdentifier());
        assertThat(wallet().updatedAt()).isEqualTo(occurredAt);
    }

    @Test
    void aMovementWithoutCausationMetadataIsStillRecordedWithEmptyCausation() {
        open();
        DomainEventMessage<MoneyDepositedEvent> message = message(1,
                new MoneyDepositedEvent(WALLET, tx("key-1"), usd("5.00"), usd("5.00"), null, "fp"),
                MetaData.emptyInstance(), OPENED_AT.plusSeconds(1));

        projection.on(message.getPayload(), message, 1);

        WalletTransactionView view = transaction("key-1");
        assertThat(view.actorId()).isNull();
        assertThat(view.causeType()).isNull();
        assertThat(view.causeId()).isNull();
        assertThat(view.description()).isNull();
        assertThat(wallet().balance()).isEqualTo(usd("5.00"));
    }

    @Test
    void theSameEventHandledTwiceChangesNothing() {
        open();
        DomainEventMessage<MoneyDepositedEvent> deposit = deposit(1, "key-1", "40.00", "40.00");
        DomainEventMessage<MoneyWithdrawnEvent> withdrawal = withdraw(2, "key-2", "15.00", "25.00");
        List<Map<String, Object>> walletsBefore = rows("SELECT * FROM wallet ORDER BY wallet_id");
        List<Map<String, Object>> transactionsBefore = rows("SELECT * FROM wallet_transaction ORDER BY transaction_id");

        handle(deposit);
        handle(withdrawal);
        handle(deposit);
        projection.on(new WalletOpenedEvent(WALLET, OWNER, USD), 0, OPENED_AT.plusSeconds(60));

        assertThat(rows("SELECT * FROM wallet ORDER BY wallet_id")).isEqualTo(walletsBefore);
        assertThat(rows("SELECT * FROM wallet_transaction ORDER BY transaction_id")).isEqualTo(transactionsBefore);
        assertThat(wallet().balance()).isEqualTo(usd("25.00"));
        assertThat(wallet().transactionCount()).isEqualTo(2);
        assertThat(count("wallet_transaction")).isEqualTo(2);
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameReadModel() {
        open();
        List<DomainEventMessage<?>> stream = List.of(
                deposit(1, "key-1", "10.00", "10.00"),
                withdraw(2, "key-2", "4.00", "6.00"),
                deposit(3, "key-3", "1.50", "7.50"));
        List<Map<String, Object>> wallets = rows("SELECT * FROM wallet ORDER BY wallet_id");
        List<Map<String, Object>> transactions = rows("SELECT * FROM wallet_transaction ORDER BY transaction_id");

        projection.onReset();
        assertThat(count("wallet_transaction")).isZero();
        open();
        stream.forEach(this::handle);

        assertThat(rows("SELECT * FROM wallet ORDER BY wallet_id")).isEqualTo(wallets);
        assertThat(rows("SELECT * FROM wallet_transaction ORDER BY transaction_id")).isEqualTo(transactions);
    }

    @Test
    void theResetHandlerEmptiesBothTablesForAReplay() {
        open();
        deposit(1, "key-1", "10.00", "10.00");
        WalletId other = WalletId.of(new CustomerId("someone-else"), USD);
        projection.on(new WalletOpenedEvent(other, new CustomerId("someone-else"), USD), 0, OPENED_AT);
        assertThat(count("wallet")).isEqualTo(2);
        assertThat(count("wallet_transaction")).isEqualTo(1);

        projection.onReset();

        assertThat(count("wallet")).isZero();
        assertThat(count("wallet_transaction")).isZero();
        assertThat(projection.handle(new FindWalletQuery(WALLET))).isEmpty();
    }

    @Test
    void anOlderEventArrivingAfterANewerOneDoesNotMoveTheBalanceBack() {
        open();
        DomainEventMessage<MoneyDepositedEvent> older = message(1,
                new MoneyDepositedEvent(WALLET, tx("key-1"), usd("100.00"), usd("100.00"), "first", "fp-1"),
                MetaData.emptyInstance(), OPENED_AT.plusSeconds(1));
        DomainEventMessage<MoneyDepositedEvent> newer = message(2,
                new MoneyDepositedEvent(WALLET, tx("key-2"), usd("50.00"), usd("150.00"), "second", "fp-2"),
                MetaData.emptyInstance(), OPENED_AT.plusSeconds(2));

        projection.on(newer.getPayload(), newer, 2);
        projection.on(older.getPayload(), older, 1);

        WalletView wallet = wallet();
        assertThat(wallet.balance()).isEqualTo(usd("150.00"));
        assertThat(wallet.updatedAt()).isEqualTo(OPENED_AT.plusSeconds(2));
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM wallet WHERE wallet_id = ?", Long.class,
                WALLET.value())).isEqualTo(2);
        assertThat(transaction("key-1").balanceAfter()).isEqualTo(usd("100.00"));
        assertThat(transaction("key-2").balanceAfter()).isEqualTo(usd("150.00"));
    }

    @Test
    void walletsAreKeptApart() {
        open();
        CustomerId otherOwner = new CustomerId("customer-other");
        WalletId other = WalletId.of(otherOwner, USD);
        projection.on(new WalletOpenedEvent(other, otherOwner, USD), 0, OPENED_AT);
        deposit(1, "key-1", "9.00", "9.00");
        DomainEventMessage<MoneyDepositedEvent> otherDeposit = message(other, 1,
                new MoneyDepositedEvent(other, TransactionId.forRequest(other, "key-1"), usd("1.00"), usd("1.00"),
                        null, "fp"), MetaData.emptyInstance(), OPENED_AT.plusSeconds(5));
        projection.on(otherDeposit.getPayload(), otherDeposit, 1);

        assertThat(wallet().balance()).isEqualTo(usd("9.00"));
        assertThat(projection.handle(new FindWalletQuery(other))).get()
                .extracting(WalletView::balance).isEqualTo(usd("1.00"));
        assertThat(page(0, 20).items()).extracting(WalletTransactionView::walletId).containsOnly(WALLET);
        assertThat(projection.handle(new FindWalletTransactionQuery(other, tx("key-1")))).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private void open() {
        projection.on(new WalletOpenedEvent(WALLET, OWNER, USD), 0, OPENED_AT);
    }

    private DomainEventMessage<MoneyDepositedEvent> deposit(long sequence, String key, String amount,
                                                            String balanceAfter) {
        DomainEventMessage<MoneyDepositedEvent> message = message(sequence,
                new MoneyDepositedEvent(WALLET, tx(key), usd(amount), usd(balanceAfter), "top-up " + key, "fp-" + key),
                customerRequest(key), OPENED_AT.plusSeconds(sequence));
        projection.on(message.getPayload(), message, sequence);
        return message;
    }

    private DomainEventMessage<MoneyWithdrawnEvent> withdraw(long sequence, String key, String amount,
                                                             String balanceAfter) {
        DomainEventMessage<MoneyWithdrawnEvent> message = message(sequence,
                new MoneyWithdrawnEvent(WALLET, tx(key), usd(amount), usd(balanceAfter), "pay " + key, "fp-" + key),
                customerRequest(key), OPENED_AT.plusSeconds(sequence));
        projection.on(message.getPayload(), message, sequence);
        return message;
    }

    /** Hands a recorded event to the projection again, as a replaying processor would. */
    private void handle(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof MoneyDepositedEvent deposited) {
            projection.on(deposited, message, message.getSequenceNumber());
        } else if (message.getPayload() instanceof MoneyWithdrawnEvent withdrawn) {
            projection.on(withdrawn, message, message.getSequenceNumber());
        } else {
            throw new IllegalArgumentException("not a money event: " + message.getPayloadType());
        }
    }

    private static MetaData customerRequest(String key) {
        return MetaData.with(Causation.ACTOR_ID, OWNER.value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST)
                .and(Causation.CAUSE_ID, key);
    }

    private static <T> DomainEventMessage<T> message(long sequence, T payload, MetaData metaData, Instant timestamp) {
        return message(WALLET, sequence, payload, metaData, timestamp);
    }

    /** An event as the event store hands it to the processor: its own identifier, the wallet's sequence, a time. */
    private static <T> DomainEventMessage<T> message(WalletId wallet, long sequence, T payload, MetaData metaData,
                                                     Instant timestamp) {
        return new GenericDomainEventMessage<>("Wallet", wallet.value(), sequence, payload, metaData,
                UUID.randomUUID().toString(), timestamp);
    }

    private WalletView wallet() {
        return projection.handle(new FindWalletQuery(WALLET)).orElseThrow();
    }

    private WalletTransactionView transaction(String key) {
        return projection.handle(new FindWalletTransactionQuery(WALLET, tx(key))).orElseThrow();
    }

    private WalletTransactionPage page(int page, int size) {
        return projection.handle(new FindWalletTransactionsQuery(WALLET, page, size));
    }

    private List<Map<String, Object>> rows(String sql) {
        return jdbc.queryForList(sql);
    }

    private long count(String table) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    private static TransactionId tx(String key) {
        return TransactionId.forRequest(WALLET, key);
    }

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), USD);
    }
}
