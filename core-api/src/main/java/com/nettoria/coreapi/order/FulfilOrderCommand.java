package com.nettoria.coreapi.order;

import com.nettoria.coreapi.vm.VmId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's VM is running (sent by the provisioning saga). Repeats are no-ops. */
public record FulfilOrderCommand(@TargetAggregateIdentifier OrderId orderId, VmId vmId) {
}
