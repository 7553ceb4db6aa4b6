package com.nettoria.command.capacity;

import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.order.OrderUpgradeRefundedEvent;
import com.nettoria.coreapi.order.OrderUpgradedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * Keeps {@link CapacityAllocations}: an order's size counts against its cluster from {@link OrderPlacedEvent} (so
 * orders between placement and their VM's registration are counted) until the order or its VM ends. Keyed by the
 * order, which {@link VmRegisteredEvent} names; a scale-up resizes it ({@link OrderUpgradedEvent}) and its refund
 * sizes it back ({@link OrderUpgradeRefundedEvent}). Idempotent, replayable from zero (a reset forgets everything first).
 */
@ProcessingGroup(CapacityAllocationProjection.PROCESSING_GROUP)
public class CapacityAllocationProjection {

    public static final String PROCESSING_GROUP = "capacity-allocation";

    private final CapacityAllocations allocations;

    public CapacityAllocationProjection(CapacityAllocations allocations) {
        this.allocations = allocations;
    }

    @EventHandler
    void on(OrderPlacedEvent event) {
        allocations.ordered(event.orderId().value(), event.quote().datacenterId(),
                event.quote().placement().datacenter(), event.quote().placement().cluster(), event.quote().spec());
    }

    @EventHandler
    void on(VmRegisteredEvent event) {
        allocations.vmRegistered(allocationId(event.orderId(), event), event.vmId(), event.datacenterId(),
                event.placement().datacenter(), event.placement().cluster(), event.spec());
    }

    @EventHandler
    void on(OrderUpgradedEvent event) {
        allocations.resized(event.orderId().value(), event.quote().spec());
    }

    @EventHandler
    void on(OrderUpgradeRefundedEvent event) {
        allocations.resized(event.orderId().value(), event.restored().spec());
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        allocations.released(event.orderId().value());
    }

    @EventHandler
    void on(OrderExpiredEvent event) {
        allocations.released(event.orderId().value());
    }

    @EventHandler
    void on(OrderFailedEvent event) {
        allocations.released(event.orderId().value());
    }

    @EventHandler
    void on(VmProvisioningFailedEvent event) {
        allocations.vmReleased(event.vmId());
    }

    @EventHandler
    void on(VmDestroyedEvent event) {
        allocations.vmReleased(event.vmId());
    }

    @ResetHandler
    void reset() {
        allocations.clear();
    }

    private static String allocationId(OrderId orderId, VmRegisteredEvent event) {
        return orderId == null ? "vm:" + event.vmId().value() : orderId.value();
    }
}
