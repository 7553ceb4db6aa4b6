package com.nettoria.coreapi.wallet;

/**
 * What a deposit or withdrawal command answers.
 *
 * @param replayed true when the request had been handled before and this answer moved no money
 */
public record TransactionOutcome(WalletId walletId, TransactionId transactionId, boolean replayed) {
}
