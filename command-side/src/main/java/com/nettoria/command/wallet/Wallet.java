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
        MoneyCausation.require(metaData);
        if (handledRequests.isRepeat(command.transactionId(), command.requestFingerprint())) {
            return replayed(command.transactionId());
        }
        Money amount = requireMovableAmount(command.amount());
        apply(new MoneyDepositedEvent(walletId, command.transactionId(), amount,
                balance.credit(amount).amount(), command.description(), command.requestFingerprint()));
        return new TransactionOutcome(walletId, command.transactionId(), false);
    }

    @CommandHandler
    public TransactionOutcome handle(WithdrawMoneyCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        if (handledRequests.isRepeat(command.transactionId(), command.requestFingerprint())) {
            return replayed(command.transactionId());
        }
        Money amount = requireMovableAmount(command.amount());
        apply(new MoneyWithdrawnEvent(walletId, command.transactionId(), amount,
                balance.debit(amount).amount(), command.description(), command.requestFingerprint()));
        return new TransactionOutcome(walletId, command.transactionId(), false);
    }

    private Money requireMovableAmount(Money amount) {
        if (!amount.currency().equals(balance.currency())) {
            throw new WalletCurrencyMismatchException(balance.currency(), amount);
        }
        if (!amount.greaterThanZero()) {
            throw new AmountNotPositiveException(amount);
        }
        return amount;
    }

    private TransactionOutcome replayed(TransactionId transactionId) {
        return new TransactionOutcome(walletId, transactionId, true);
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
