package com.nettoria.coreapi.order;

/**
 * Provisioning failed for good: refund what was paid to the wallet and close the order with the reason (sent by
 * the provisioning saga to the order desk). Repeats are no-ops and never refund twice.
 */
public record FailOrderCommand(OrderId orderId, String code, String reason) {
}
