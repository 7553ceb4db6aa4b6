package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take money out of a wallet; refused when the balance does not cover it. Same idempotency and causation
 * contract as {@link DepositMoneyCommand}.
 */
public record WithdrawMoneyCommand(@TargetAggregateIdentifier WalletId walletId,
                                   TransactionId transactionId,
                                   Money amount,
                                   String description,
                                   String requestFingerprint) {
}
