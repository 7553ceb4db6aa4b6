package com.nettoria.command.wallet;

import com.nettoria.command.common.MoneyCausation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.TransactionOutcome;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WalletOpenedEvent;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.function.Function;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's money in one currency. Decides deposits and withdrawals; its balance never goes negative,
 * every movement says who caused it and why, and a repeated request moves no money.
 */
@Aggregate
public class Wallet {

    @AggregateIdentifier
    private WalletId walletId;
    private CustomerId ownerId;
    private Balance balance;
    private final HandledRequests handledRequests = new HandledRequests();

    protected Wallet() {
        // for Axon
    }

    /** Opening is idempotent: opening an open wallet again changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WalletId handle(OpenWalletCommand command) {
        if (walletId == null) {
            apply(new WalletOpenedEvent(command.walletId(), command.ownerId(), command.currency()));
        }
        return command.walletId();
    }

    @CommandHandler
    public TransactionOutcome handle(DepositMoneyCommand command, MetaData metaData) {
        return move(command.transactionId(), command.requestFingerprint(), command.amount(), metaData,
                amount -> new MoneyDepositedEvent(walletId, command.transactionId(), amount,
                        balance.credit(amount).amount(), command.description(), command.requestFingerprint()));
    }

    @CommandHandler
    public TransactionOutcome handle(WithdrawMoneyCommand command, MetaData metaData) {
        return move(command.transactionId(), command.requestFingerprint(), command.amount(), metaData,
                amount -> new MoneyWithdrawnEvent(walletId, command.transactionId(), amount,
                        balance.debit(amount).amount(), command.description(), command.requestFingerprint()));
    }

    /** The rules every movement keeps, whatever its direction; {@code event} decides the direction. */
    private TransactionOutcome move(TransactionId transactionId, String fingerprint, Money requested,
                                    MetaData metaData, Function<Money, Object> event) {
        MoneyCausation.require(metaData);
        if (handledRequests.isRepeat(transactionId, fingerprint)) {
            return new TransactionOutcome(walletId, transactionId, true);
        }
        if (!requested.currency().equals(balance.currency())) {
            throw new WalletCurrencyMismatchException(balance.currency(), requested);
        }
        if (!requested.greaterThanZero()) {
            throw new AmountNotPositiveException(requested);
        }
        apply(event.apply(requested));
        return new TransactionOutcome(walletId, transactionId, false);
    }

    @EventSourcingHandler
    void on(WalletOpenedEvent event) {
        walletId = event.walletId();
        ownerId = event.ownerId();
        balance = Balance.empty(event.currency());
    }

    @EventSourcingHandler
    void on(MoneyDepositedEvent event) {
        balance = new Balance(event.balanceAfter());
        handledRequests.record(event.transactionId(), event.requestFingerprint());
    }

    @EventSourcingHandler
    void on(MoneyWithdrawnEvent event) {
        balance = new Balance(event.balanceAfter());
        handledRequests.record(event.transactionId(), event.requestFingerprint());
    }
}
