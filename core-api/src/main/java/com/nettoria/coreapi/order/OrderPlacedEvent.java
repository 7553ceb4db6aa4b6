package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.common.CustomerId;

import java.time.Instant;

/**
 * A customer ordered a VM at a quoted price. The quote (size, prices, placement, template) is kept as it was,
 * whatever the catalogue says later.
 *
 * @param sealedRootPassword the generated root password sealed with the platform's secret key, or {@code null}
 *                           when an SSH key was given
 * @param paymentDueBy       when the order expires if it is still unpaid
 */
public record OrderPlacedEvent(OrderId orderId,
                               CustomerId customerId,
                               OrderQuote quote,
                               String hostname,
                               String sshPublicKey,
                               String sealedRootPassword,
                               Instant paymentDueBy,
                               String requestFingerprint) {
}
