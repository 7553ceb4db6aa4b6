package com.nettoria.coreapi.order;

/**
 * vCenter could not grow the VM for good: pay back what the upgrade charged and bill the order at its previous
 * size again (sent by the VM operations worker to the order desk). Repeats are no-ops and never refund twice.
 */
public record RefundOrderUpgradeCommand(OrderId orderId, String upgradeId, String code, String reason) {
}
