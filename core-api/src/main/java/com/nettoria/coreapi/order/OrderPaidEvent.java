package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;

/** The wallet paid the order; provisioning starts. Names the wallet movement that paid it. */
public record OrderPaidEvent(OrderId orderId,
                             CustomerId customerId,
                             WalletId walletId,
                             TransactionId transactionId,
                             Money amount) {
}
