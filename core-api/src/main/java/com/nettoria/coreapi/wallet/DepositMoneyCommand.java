package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put money into a wallet. Must carry causation metadata (who and why, see
 * {@link com.nettoria.coreapi.common.Causation}).
 *
 * @param transactionId      the movement this request makes; the same id again is the same request
 * @param requestFingerprint a digest of what was asked; the same transaction id with another fingerprint is
 *                           an idempotency key reused for a different request, and is refused
 */
public record DepositMoneyCommand(@TargetAggregateIdentifier WalletId walletId,
                                  TransactionId transactionId,
                                  Money amount,
                                  String description,
                                  String requestFingerprint) {
}
