package com.nettoria.coreapi.order;

import com.nettoria.coreapi.common.BusinessError;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The wallet refused to pay the order (internal); the order stays unpaid and says why. */
public record RecordOrderPaymentFailureCommand(@TargetAggregateIdentifier OrderId orderId, BusinessError refusal) {
}
