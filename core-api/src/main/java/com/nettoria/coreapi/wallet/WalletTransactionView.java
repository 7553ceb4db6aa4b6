package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.Money;

import java.time.Instant;

/**
 * One money movement as the read model keeps it, with who caused it and why.
 *
 * @param sequence the wallet's event sequence number of this movement: a total order within the wallet
 */
public record WalletTransactionView(TransactionId transactionId,
                                    WalletId walletId,
                                    long sequence,
                                    WalletTransactionType type,
                                    Money amount,
                                    Money balanceAfter,
                                    String description,
                                    String actorId,
                                    String causeType,
                                    String causeId,
                                    Instant occurredAt) {
}
