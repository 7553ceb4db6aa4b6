package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;

/** Provisioning failed for good at {@code step}; {@code code} is a stable reason code, {@code reason} explains. */
public record VmProvisioningFailedEvent(VmId vmId, OrderId orderId, CustomerId customerId, ProvisioningStep step,
                                        String code, String reason) {
}
