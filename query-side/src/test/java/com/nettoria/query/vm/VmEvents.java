package com.nettoria.query.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.VmConfiguredEvent;
import com.nettoria.coreapi.vm.VmCreatedEvent;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmIpAddressAssignedEvent;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.query.support.EventStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test data of the VM read models: one VM's events as its aggregate records them, each with its own identifier,
 * the VM's next sequence number and a time one second after the previous event.
 */
final class VmEvents {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final VmSpec BASIC_2 = new VmSpec(2, 4096, 50, 1000);
    static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC-Tehran", "Cluster-1", null, "customers",
            List.of("ds-1"), List.of("VM Network"));

    private final VmId vmId;
    private final OrderId orderId;
    private final CustomerId customerId;
    private final EventStream stream;

    VmEvents(CustomerId customerId, String idempotencyKey, Instant start) {
        this.customerId = customerId;
        this.orderId = OrderId.forRequest(customerId, idempotencyKey);
        this.vmId = VmId.forOrder(orderId);
        this.stream = new EventStream("VirtualMachine", vmId.value(), start);
    }

    static VmEvents of(String customer, String idempotencyKey) {
        return new VmEvents(new CustomerId(customer), idempotencyKey, START);
    }

    VmId vmId() {
        return vmId;
    }

    OrderId orderId() {
        return orderId;
    }

    CustomerId customerId() {
        return customerId;
    }

    /** The time of the last event made. */
    Instant lastTime() {
        return stream.lastTime();
    }

    <T> DomainEventMessage<T> next(T payload) {
        return stream.next(payload);
    }

    <T> DomainEventMessage<T> next(T payload, MetaData metaData) {
        return stream.next(payload, metaData);
    }

    <T> DomainEventMessage<T> after(Duration pause, T payload, MetaData metaData) {
        return stream.after(pause, payload, metaData);
    }

    // ---- events -------------------------------------------------------------------------------------------

    VmRegisteredEvent registered(String hostname) {
        return new VmRegisteredEvent(vmId, orderId, customerId, hostname, new PlanId("basic-2"), BASIC_2,
                BillingPeriod.MONTHLY, new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"), PLACEMENT,
                "tpl-debian-12", vmId.vcenterName());
    }

    VmCreatedEvent created() {
        return new VmCreatedEvent(vmId, "vm-1042", UUID.randomUUID().toString(), "ds-1");
    }

    VmConfiguredEvent configured() {
        return new VmConfiguredEvent(vmId, BASIC_2, "VM Network");
    }

    VmPowerStateChangedEvent power(PowerState previous, PowerState current, String cause) {
        return new VmPowerStateChangedEvent(vmId, previous, current, cause);
    }

    VmIpAddressAssignedEvent ip(String address) {
        return new VmIpAddressAssignedEvent(vmId, address);
    }

    VmProvisionedEvent provisioned(String address) {
        return new VmProvisionedEvent(vmId, orderId, customerId, address);
    }

    VmProvisioningFailedEvent failed(ProvisioningStep step) {
        return new VmProvisioningFailedEvent(vmId, orderId, customerId, step, "vcenter.timeout",
                "the guest reported no IP address within 10 minutes");
    }

    VmPowerRequestedEvent powerRequested(String operationId, PowerAction action) {
        return new VmPowerRequestedEvent(vmId, operationId, action, "DC-Tehran", vmId.vcenterName());
    }

    VmDeletionRequestedEvent deletionRequested(String operationId) {
        return new VmDeletionRequestedEvent(vmId, operationId, "no longer needed", "DC-Tehran", vmId.vcenterName());
    }

    VmOperationSucceededEvent succeeded(String operationId) {
        return new VmOperationSucceededEvent(vmId, operationId);
    }

    VmOperationFailedEvent operationFailed(String operationId) {
        return new VmOperationFailedEvent(vmId, operationId, "vcenter.task-failed", "the host is in maintenance mode");
    }

    VmDestroyedEvent destroyed(String cause) {
        return new VmDestroyedEvent(vmId, cause);
    }

    VmSnapshotRequestedEvent snapshotRequested(String operationId, String snapshotId, String name) {
        return new VmSnapshotRequestedEvent(vmId, operationId, snapshotId, name, "before " + name, "DC-Tehran",
                vmId.vcenterName(), "nettoria-" + snapshotId);
    }

    VmSnapshotTakenEvent snapshotTaken(String snapshotId, String name) {
        return new VmSnapshotTakenEvent(vmId, snapshotId, name, "before " + name, "snapshot-" + snapshotId);
    }

    VmSnapshotRestoreRequestedEvent restoreRequested(String operationId, String snapshotId) {
        return new VmSnapshotRestoreRequestedEvent(vmId, operationId, snapshotId, "DC-Tehran", vmId.vcenterName(),
                "nettoria-" + snapshotId);
    }

    VmSnapshotRestoredEvent restored(String operationId, String snapshotId) {
        return new VmSnapshotRestoredEvent(vmId, operationId, snapshotId);
    }

    VmSnapshotDeletionRequestedEvent snapshotDeletionRequested(String operationId, String snapshotId) {
        return new VmSnapshotDeletionRequestedEvent(vmId, operationId, snapshotId, "DC-Tehran", vmId.vcenterName(),
                "nettoria-" + snapshotId);
    }

    VmSnapshotDeletedEvent snapshotDeleted(String snapshotId) {
        return new VmSnapshotDeletedEvent(vmId, snapshotId);
    }

    VmRenamedEvent renamed(String previous, String hostname) {
        return new VmRenamedEvent(vmId, previous, hostname);
    }

    /** The events of a provisioning that went well, up to a running VM at {@code address}. */
    List<DomainEventMessage<?>> provisioning(String hostname, String address) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(next(registered(hostname)));
        events.add(next(created()));
        events.add(next(configured()));
        events.add(next(power(PowerState.UNKNOWN, PowerState.ON, "provisioning")));
        events.add(next(ip(address)));
        events.add(next(provisioned(address)));
        return events;
    }

    /** The metadata of a request a person made. */
    static MetaData request(String actorId, String causeType) {
        return MetaData.with(Causation.ACTOR_ID, actorId)
                .and(Causation.CAUSE_TYPE, causeType)
                .and(Causation.REQUEST_ID, UUID.randomUUID().toString());
    }
}
