package com.nettoria.coreapi.wallet;

/** The wallet's current balance; answers an {@code Optional<WalletView>}. */
public record FindWalletQuery(WalletId walletId) {
}
