package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;

/**
 * Provisioning failed for good and the money went back: names the refund's wallet movement (or {@code null}
 * fields when nothing had been paid) and why the order failed.
 */
public record OrderFailedEvent(OrderId orderId,
                               String code,
                               String reason,
                               WalletId refundWalletId,
                               TransactionId refundTransactionId,
                               Money refunded) {
}
