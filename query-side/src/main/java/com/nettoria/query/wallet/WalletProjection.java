package com.nettoria.query.wallet;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Currencies;
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
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The wallet read model: balance and transaction history with who caused each movement and why.
 * Idempotent (every write is guarded by the event's identity or sequence), so it can be replayed from zero.
 */
@Component
@ProcessingGroup(WalletProjection.PROCESSING_GROUP)
public class WalletProjection {

    public static final String PROCESSING_GROUP = "wallet-projection";

    private final JdbcTemplate jdbc;

    public WalletProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WalletOpenedEvent event, @SequenceNumber long sequence, @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                INSERT INTO wallet (wallet_id, owner_id, currency, balance, transaction_count, last_sequence,
                                    opened_at, updated_at)
                VALUES (?, ?, ?, 0, 0, ?, ?, ?)
                ON CONFLICT (wallet_id) DO NOTHING""",
                event.walletId().value(), event.ownerId().value(), event.currency().getCurrencyCode(),
                sequence, Timestamp.from(occurredAt), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(MoneyDepositedEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(message, sequence, event.walletId(), event.transactionId(), WalletTransactionType.DEPOSIT,
                event.amount(), event.balanceAfter(), event.description());
    }

    @EventHandler
    void on(MoneyWithdrawnEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(message, sequence, event.walletId(), event.transactionId(), WalletTransactionType.WITHDRAWAL,
                event.amount(), event.balanceAfter(), event.description());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM wallet_transaction");
        jdbc.update("DELETE FROM wallet");
    }

    private void record(EventMessage<?> message, long sequence, WalletId walletId, TransactionId transactionId,
                        WalletTransactionType type, Money amount, Money balanceAfter, String description) {
        MetaData metaData = message.getMetaData();
        Timestamp occurredAt = Timestamp.from(message.getTimestamp());
        int inserted = jdbc.update("""
                INSERT INTO wallet_transaction (transaction_id, wallet_id, sequence_no, type, amount, balance_after,
                                                currency, description, actor_id, cause_type, cause_id, event_id,
                                                occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""",
                transactionId.value(), walletId.value(), sequence, type.name(), amount.amount(),
                balanceAfter.amount(), amount.currency().getCurrencyCode(), description,
                text(metaData, Causation.ACTOR_ID), text(metaData, Causation.CAUSE_TYPE),
                text(metaData, Causation.CAUSE_ID), message.getIdentifier(), occurredAt);
        if (inserted == 1) {
            // every new movement counts; only a newer one than the last applied sets the balance
            jdbc.update("""
                    UPDATE wallet
                       SET balance = CASE WHEN last_sequence < ? THEN ? ELSE balance END,
                           updated_at = CASE WHEN last_sequence < ? THEN ? ELSE updated_at END,
                           last_sequence = GREATEST(last_sequence, ?),
                           transaction_count = transaction_count + 1
                     WHERE wallet_id = ?""",
                    sequence, balanceAfter.amount(), sequence, occurredAt, sequence, walletId.value());
        }
    }

    @QueryHandler
    public Optional<WalletView> handle(FindWalletQuery query) {
        return jdbc.query("SELECT * FROM wallet WHERE wallet_id = ?", WALLET, query.walletId().value())
                .stream().findFirst();
    }

    @QueryHandler
    public Optional<WalletTransactionView> handle(FindWalletTransactionQuery query) {
        return jdbc.query("SELECT * FROM wallet_transaction WHERE wallet_id = ? AND transaction_id = ?",
                TRANSACTION, query.walletId().value(), query.transactionId().value()).stream().findFirst();
    }

    @QueryHandler
    public WalletTransactionPage handle(FindWalletTransactionsQuery query) {
        List<WalletTransactionView> items = jdbc.query("""
                        SELECT * FROM wallet_transaction WHERE wallet_id = ?
                         ORDER BY sequence_no DESC LIMIT ? OFFSET ?""",
                TRANSACTION, query.walletId().value(), query.size(), (long) query.page() * query.size());
        Long total = jdbc.queryForObject("SELECT count(*) FROM wallet_transaction WHERE wallet_id = ?",
                Long.class, query.walletId().value());
        return new WalletTransactionPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, Currencies.parse(currency));
    }

    private static final RowMapper<WalletView> WALLET = (rs, row) -> new WalletView(
            new WalletId(rs.getString("wallet_id")),
            new CustomerId(rs.getString("owner_id")),
            money(rs.getBigDecimal("balance"), rs.getString("currency")),
            rs.getLong("transaction_count"),
            rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private static final RowMapper<WalletTransactionView> TRANSACTION = (rs, row) -> new WalletTransactionView(
            new TransactionId(rs.getString("transaction_id")),
            new WalletId(rs.getString("wallet_id")),
            rs.getLong("sequence_no"),
            WalletTransactionType.valueOf(rs.getString("type")),
            money(rs.getBigDecimal("amount"), rs.getString("currency")),
            money(rs.getBigDecimal("balance_after"), rs.getString("currency")),
            rs.getString("description"),
            rs.getString("actor_id"),
            rs.getString("cause_type"),
            rs.getString("cause_id"),
            rs.getTimestamp("occurred_at").toInstant());
}
