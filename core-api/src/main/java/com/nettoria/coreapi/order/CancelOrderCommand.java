package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancel an order that is still awaiting payment. {@code customerId} is the owner, checked by the order. */
public record CancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, CustomerId customerId, String reason) {
}
