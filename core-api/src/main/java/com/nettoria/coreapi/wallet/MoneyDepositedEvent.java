package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.Money;

/**
 * Money went into a wallet. Kept forever: who caused it and why travel in the event's metadata
 * ({@link com.nettoria.coreapi.common.Causation}).
 *
 * @param balanceAfter       the wallet's balance right after this movement
 * @param requestFingerprint the digest of the request, so a replayed request is recognised after a restart
 */
public record MoneyDepositedEvent(WalletId walletId,
                                  TransactionId transactionId,
                                  Money amount,
                                  Money balanceAfter,
                                  String description,
                                  String requestFingerprint) {
}
