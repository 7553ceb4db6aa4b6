package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.common.CustomerId;

/**
 * Order a VM and pay for it from the customer's wallet in the catalogue's currency, in one step. Handled by the
 * order desk: the price comes from the catalogue, never from the request. Must carry causation metadata.
 *
 * @param hostname           the VM's host name (RFC 1123 label)
 * @param sshPublicKey       an OpenSSH public key for root, or {@code null} to have a root password generated
 *                           (answered once, kept sealed)
 * @param requestFingerprint a digest of what was asked: the same order id with another fingerprint is an
 *                           idempotency key reused for a different order, and is refused
 */
public record PlaceOrderCommand(OrderId orderId,
                                CustomerId customerId,
                                QuoteRequest request,
                                String hostname,
                                String sshPublicKey,
                                String requestFingerprint) {
}
