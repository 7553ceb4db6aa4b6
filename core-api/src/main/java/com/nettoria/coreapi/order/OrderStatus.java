package com.nettoria.coreapi.order;

/** Where an order is in its life. */
public enum OrderStatus {
    /** Placed, not paid yet (the wallet did not cover it); expires unless paid in time. */
    AWAITING_PAYMENT,
    /** Paid; its VM is being provisioned. */
    PROVISIONING,
    /** Its VM is running. */
    ACTIVE,
    /** Provisioning failed for good; the money went back to the wallet. */
    FAILED,
    /** Never paid before its payment deadline. */
    EXPIRED,
    /** Cancelled by the customer or an administrator before it was paid. */
    CANCELLED
}
