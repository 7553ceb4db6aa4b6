package com.nettoria.coreapi.order;

import java.util.List;

/** A page of orders, newest first. */
public record OrderPage(List<OrderView> items, int page, int size, long totalItems) {

    public OrderPage {
        items = List.copyOf(items);
    }
}
