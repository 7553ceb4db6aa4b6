package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * An order's identifier. Derived from the customer and the caller's idempotency key, so that a repeated
 * {@code POST /api/orders} names the same order and places nothing twice.
 */
public record OrderId(String value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("order id must not be blank");
        }
    }

    public static OrderId forRequest(CustomerId customerId, String idempotencyKey) {
        String name = "order:" + customerId.value() + ":" + idempotencyKey;
        return new OrderId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
