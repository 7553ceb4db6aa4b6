package com.nettoria.coreapi.wallet;

/** A page of a wallet's movements, newest first; answers a {@link WalletTransactionPage}. */
public record FindWalletTransactionsQuery(WalletId walletId, int page, int size) {

    public FindWalletTransactionsQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be between 1 and 200");
        }
    }
}
