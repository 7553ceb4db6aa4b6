package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;

import java.util.Objects;

/**
 * A customer's orders, newest first, optionally only those in {@code status} ({@code null}: all); answers an
 * {@link OrderPage}.
 */
public record FindCustomerOrdersQuery(CustomerId customerId, OrderStatus status, int page, int size) {

    public FindCustomerOrdersQuery {
        Objects.requireNonNull(customerId, "customerId");
        Pages.check(page, size);
    }
}
