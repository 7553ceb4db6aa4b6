package com.nettoria.coreapi.vm;

import com.nettoria.coreapi.order.OrderId;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A virtual machine's identifier. The VM of an order is derived from the order, so a provisioning step repeated
 * after a crash registers the same VM, and its vCenter name ({@link #vcenterName()}) finds what an earlier
 * attempt created.
 */
public record VmId(String value) {

    public VmId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("vm id must not be blank");
        }
    }

    public static VmId forOrder(OrderId orderId) {
        String name = "vm:" + orderId.value();
        return new VmId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The VM's name in vCenter: unique, stable, and recognisably the platform's. */
    public String vcenterName() {
        return VCENTER_NAME_PREFIX + value;
    }

    /** Every VM the platform creates in vCenter is named with this prefix (reconciliation looks for it). */
    public static final String VCENTER_NAME_PREFIX = "nettoria-";

    @Override
    public String toString() {
        return value;
    }
}
