package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Money;

/**
 * What placing or paying an order came to.
 *
 * @param paymentRefusal why the wallet did not pay, or {@code null} when it did (or nothing was due)
 * @param rootPassword   the generated root password, answered only by the request that placed the order
 * @param replayed       whether this answers a repeat of an earlier request (nothing happened again)
 */
public record OrderOutcome(OrderId orderId,
                           OrderStatus status,
                           Money amountDue,
                           BusinessError paymentRefusal,
                           String rootPassword,
                           boolean replayed) {
}
