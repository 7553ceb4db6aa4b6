package com.nettoria.coreapi.order;

import com.nettoria.coreapi.vm.VmId;

/** The order's VM is running. */
public record OrderFulfilledEvent(OrderId orderId, VmId vmId) {
}
