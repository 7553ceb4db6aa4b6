package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.Money;

/** Money went out of a wallet. Same shape and metadata contract as {@link MoneyDepositedEvent}. */
public record MoneyWithdrawnEvent(WalletId walletId,
                                  TransactionId transactionId,
                                  Money amount,
                                  Money balanceAfter,
                                  String description,
                                  String requestFingerprint) {
}
