package com.nettoria.coreapi.wallet;

/** One movement of a wallet; answers an {@code Optional<WalletTransactionView>}. */
public record FindWalletTransactionQuery(WalletId walletId, TransactionId transactionId) {
}
