package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.CustomerId;

import java.util.Currency;

/** A wallet was opened for a customer; it holds money of one currency and starts at zero. */
public record WalletOpenedEvent(WalletId walletId, CustomerId ownerId, Currency currency) {
}
