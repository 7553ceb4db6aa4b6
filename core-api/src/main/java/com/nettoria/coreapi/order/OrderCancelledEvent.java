package com.nettoria.coreapi.order;

/** The order was cancelled before it was paid. */
public record OrderCancelledEvent(OrderId orderId, String reason) {
}
