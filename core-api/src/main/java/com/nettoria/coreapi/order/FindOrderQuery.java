package com.nettoria.coreapi.order;

/** One order; answers an {@code Optional<OrderView>}. */
public record FindOrderQuery(OrderId orderId) {
}
