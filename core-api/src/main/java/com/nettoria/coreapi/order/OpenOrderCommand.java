package com.nettoria.coreapi.order;

import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order desk's instruction to create an order at a quoted price (internal; customers send {@link PlaceOrderCommand}). */
public record OpenOrderCommand(@TargetAggregateIdentifier OrderId orderId,
                               CustomerId customerId,
                               OrderQuote quote,
                               String hostname,
                               String sshPublicKey,
                               String sealedRootPassword,
                               String requestFingerprint) {
}
