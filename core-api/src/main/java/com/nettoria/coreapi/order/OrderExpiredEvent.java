package com.nettoria.coreapi.order;

/** The order was not paid before its payment deadline. */
public record OrderExpiredEvent(OrderId orderId) {
}
