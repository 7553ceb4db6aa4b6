package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.Money;

/** The wallet did not pay the order (e.g. {@code wallet.insufficient-funds}); the order waits for payment. */
public record OrderPaymentFailedEvent(OrderId orderId, Money amountDue, String code, String reason) {
}
