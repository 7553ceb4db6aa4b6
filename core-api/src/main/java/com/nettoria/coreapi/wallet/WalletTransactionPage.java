package com.nettoria.coreapi.wallet;

import java.util.List;

/** A page of a wallet's movements, newest first. */
public record WalletTransactionPage(List<WalletTransactionView> items, int page, int size, long totalItems) {

    public WalletTransactionPage {
        items = List.copyOf(items);
    }
}
