package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;

/** Try again to pay an order that is awaiting payment (e.g. after a top-up). Answers an {@link OrderOutcome}. */
public record PayOrderCommand(OrderId orderId, CustomerId customerId) {
}
