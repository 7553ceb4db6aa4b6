package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;

/**
 * Administrators' order list, newest first: filtered by {@code status} and by {@code customerId} when they are
 * not {@code null}; answers an {@link OrderPage}.
 */
public record FindOrdersQuery(OrderStatus status, CustomerId customerId, int page, int size) {

    public FindOrdersQuery {
        Pages.check(page, size);
    }
}
