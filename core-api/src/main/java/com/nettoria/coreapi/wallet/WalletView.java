package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;

import java.time.Instant;

/** The read model of a wallet. */
public record WalletView(WalletId walletId,
                         CustomerId ownerId,
                         Money balance,
                         long transactionCount,
                         Instant openedAt,
                         Instant updatedAt) {
}
