package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;

/** The VM is running and the customer's; billing starts from this moment. */
public record VmProvisionedEvent(VmId vmId, OrderId orderId, CustomerId customerId, String ipAddress) {
}
