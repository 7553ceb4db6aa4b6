package com.nettoria.command.vm;

import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.DeleteVmSnapshotCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmConfiguredCommand;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotDeletedCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotRestoredCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotTakenCommand;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.RenameVmCommand;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.RestoreVmSnapshotCommand;
import com.nettoria.coreapi.vm.TakeVmSnapshotCommand;
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
import com.nettoria.coreapi.vm.VmHostnames;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's virtual machine. Records what vCenter did (created, configured, powered, addressed, snapshotted,
 * destroyed) as the provisioning saga and the operations worker report it, and decides what its owner may ask for:
 * actions on a VM that is not active, or not theirs, are refused; it keeps at most {@link VmSnapshots#LIMIT}
 * snapshots; its host name may change (never its vCenter name). Every recording command tolerates repeats.
 */
@Aggregate
public class VirtualMachine {

    @AggregateIdentifier
    private VmId vmId;
    private OrderId orderId;
    private CustomerId customerId;
    private String hostname;
    private VmSpec spec;
    private VcenterPlacement placement;
    private String vcenterName;
    private VmStatus status;
    private PowerState powerState;
    private String ipAddress;
    private boolean created;
    private boolean configured;
    private boolean destroyed;
    private boolean deletionRequested;
    private String deletionOperation;
    private final Set<String> operations = new HashSet<>();
    private final Set<String> pendingOperations = new HashSet<>();
    /** The VM's snapshots by platform id: being taken, kept, or being deleted. */
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    /** Pending snapshot operations (take, restore, delete) and the snapshot each is about. */
    private final Map<String, String> snapshotOperations = new HashMap<>();

    protected VirtualMachine() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VmId handle(RegisterVmCommand command) {
        if (vmId == null) {
            apply(new VmRegisteredEvent(command.vmId(), command.orderId(), command.customerId(), command.hostname(),
                    command.planId(), command.spec(), command.period(), command.datacenterId(),
                    command.operatingSystemId(), command.placement(), command.template(),
                    command.vmId().vcenterName()));
        }
        return command.vmId();
    }

    @CommandHandler
    public void handle(RecordVmCreatedCommand command) {
        if (!created && !destroyed) {
            apply(new VmCreatedEvent(vmId, command.vcenterRef(), command.instanceUuid(), command.datastore()));
        }
    }

    @CommandHandler
    public void handle(RecordVmConfiguredCommand command) {
        if (!configured && !destroyed) {
            apply(new VmConfiguredEvent(vmId, spec, command.network()));
        }
    }

    @CommandHandler
    public void handle(RecordVmPowerStateCommand command) {
        if (!destroyed && command.state() != powerState) {
            apply(new VmPowerStateChangedEvent(vmId, powerState, command.state(), command.cause()));
        }
    }

    @CommandHandler
    public void handle(RecordVmIpAddressCommand command) {
        if (!destroyed && !Objects.equals(command.ipAddress(), ipAddress)) {
            apply(new VmIpAddressAssignedEvent(vmId, command.ipAddress()));
        }
    }

    @CommandHandler
    public void handle(CompleteVmProvisioningCommand command) {
        if (status == VmStatus.ACTIVE) {
            return;
        }
        if (status != VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "complete provisioning");
        }
        apply(new VmProvisionedEvent(vmId, orderId, customerId, ipAddress));
    }

    @CommandHandler
    public void handle(FailVmProvisioningCommand command) {
        if (status == VmStatus.FAILED) {
            return;
        }
        if (status != VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "fail provisioning");
        }
        apply(new VmProvisioningFailedEvent(vmId, orderId, customerId, command.step(), command.code(),
                command.reason()));
    }

    @CommandHandler
    public void handle(RecordVmDestroyedCommand command) {
        if (!destroyed) {
            apply(new VmDestroyedEvent(vmId, command.cause()));
        }
    }

    @CommandHandler
    public void handle(RequestVmPowerCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return;
        }
        requireActive("change power (" + command.action().name().toLowerCase() + ")");
        apply(new VmPowerRequestedEvent(vmId, command.operationId(), command.action(), placement.datacenter(),
                vcenterName));
    }

    @CommandHandler
    public void handle(DeleteVmCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId()) || deletionRequested || destroyed) {
            return;
        }
        if (status == VmStatus.PROVISIONING) {
            throw VmRefusal.illegalState(vmId, status, "delete while provisioning");
        }
        apply(new VmDeletionRequestedEvent(vmId, command.operationId(), command.reason(), placement.datacenter(),
                vcenterName));
    }

    @CommandHandler
    public void handle(TakeVmSnapshotCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return;
        }
        requireActive("take a snapshot");
        if (!VmSnapshots.validName(command.name())) {
            throw VmRefusal.invalidSnapshot("name", "a snapshot name is 1 to " + VmSnapshots.NAME_MAX_LENGTH
                    + " characters, not only blanks, without control characters");
        }
        if (!VmSnapshots.validDescription(command.description())) {
            throw VmRefusal.invalidSnapshot("description", "a snapshot description is at most "
                    + VmSnapshots.DESCRIPTION_MAX_LENGTH + " characters without control characters");
        }
        if (snapshots.size() >= VmSnapshots.LIMIT) {
            throw VmRefusal.snapshotLimit(vmId, VmSnapshots.LIMIT);
        }
        String snapshotId = VmSnapshots.idFor(vmId, command.operationId());
        apply(new VmSnapshotRequestedEvent(vmId, command.operationId(), snapshotId, command.name(),
                command.description(), placement.datacenter(), vcenterName, VmSnapshots.vcenterName(snapshotId)));
    }

    @CommandHandler
    public void handle(RecordVmSnapshotTakenCommand command) {
        Snapshot snapshot = snapshots.get(command.snapshotId());
        if (snapshot != null && !snapshot.taken() && !destroyed) {
            apply(new VmSnapshotTakenEvent(vmId, command.snapshotId(), snapshot.name(), snapshot.description(),
                    command.vcenterSnapshotRef()));
        }
    }

    @CommandHandler
    public void handle(RestoreVmSnapshotCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return;
        }
        requireActive("restore a snapshot");
        String vcenterSnapshotName = usableSnapshot(command.snapshotId()).vcenterName();
        apply(new VmSnapshotRestoreRequestedEvent(vmId, command.operationId(), command.snapshotId(),
                placement.datacenter(), vcenterName, vcenterSnapshotName));
    }

    @CommandHandler
    public void handle(RecordVmSnapshotRestoredCommand command) {
        if (pendingOperations.contains(command.operationId())
                && command.snapshotId().equals(snapshotOperations.get(command.operationId()))) {
            apply(new VmSnapshotRestoredEvent(vmId, command.operationId(), command.snapshotId()));
        }
    }

    @CommandHandler
    public void handle(DeleteVmSnapshotCommand command) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return;
        }
        requireActive("delete a snapshot");
        String vcenterSnapshotName = usableSnapshot(command.snapshotId()).vcenterName();
        apply(new VmSnapshotDeletionRequestedEvent(vmId, command.operationId(), command.snapshotId(),
                placement.datacenter(), vcenterName, vcenterSnapshotName));
    }

    @CommandHandler
    public void handle(RecordVmSnapshotDeletedCommand command) {
        if (snapshots.containsKey(command.snapshotId())) {
            apply(new VmSnapshotDeletedEvent(vmId, command.snapshotId()));
        }
    }

    @CommandHandler
    public void handle(RenameVmCommand command) {
        requireOwner(command.customerId());
        if (destroyed || deletionRequested) {
            // a failed VM cleaned up in vCenter stays FAILED; any other destroyed VM is DELETED
            throw VmRefusal.illegalState(vmId, destroyed ? status : VmStatus.DELETED, "rename");
        }
        if (!VmHostnames.valid(command.hostname())) {
            throw VmRefusal.invalidHostname();
        }
        if (!command.hostname().equals(hostname)) {
            apply(new VmRenamedEvent(vmId, hostname, command.hostname()));
        }
    }

    @CommandHandler
    public void handle(RecordVmOperationResultCommand command) {
        if (!pendingOperations.contains(command.operationId())) {
            return;
        }
        apply(command.succeeded()
                ? new VmOperationSucceededEvent(vmId, command.operationId())
                : new VmOperationFailedEvent(vmId, command.operationId(), command.code(), command.reason()));
    }

    /** Whose the VM is (for the notices sent about it). Reads state; changes nothing. */
    public CustomerId owner() {
        return customerId;
    }

    /** The name its owner gave it when ordering (for the notices sent about it). Reads state; changes nothing. */
    public String hostname() {
        return hostname;
    }

    private void requireOwner(CustomerId requester) {
        if (requester != null && !customerId.equals(requester)) {
            throw VmRefusal.notFound(vmId);
        }
    }

    /** A snapshot vCenter holds and nobody is deleting: the only kind that can be restored or deleted. */
    private Snapshot usableSnapshot(String snapshotId) {
        Snapshot snapshot = snapshotId == null ? null : snapshots.get(snapshotId);
        if (snapshot == null || !snapshot.taken() || snapshot.deleting()) {
            throw VmRefusal.snapshotNotFound(vmId, snapshotId);
        }
        return snapshot;
    }

    private void requireActive(String action) {
        if (status != VmStatus.ACTIVE || deletionRequested) {
            throw VmRefusal.illegalState(vmId, deletionRequested ? VmStatus.DELETED : status, action);
        }
    }

    @EventSourcingHandler
    void on(VmRegisteredEvent event) {
        vmId = event.vmId();
        orderId = event.orderId();
        customerId = event.customerId();
        hostname = event.hostname();
        spec = event.spec();
        placement = event.placement();
        vcenterName = event.vcenterName();
        status = VmStatus.PROVISIONING;
        powerState = PowerState.UNKNOWN;
    }

    @EventSourcingHandler
    void on(VmCreatedEvent event) {
        created = true;
    }

    @EventSourcingHandler
    void on(VmConfiguredEvent event) {
        configured = true;
    }

    @EventSourcingHandler
    void on(VmPowerStateChangedEvent event) {
        powerState = event.current();
    }

    @EventSourcingHandler
    void on(VmIpAddressAssignedEvent event) {
        ipAddress = event.ipAddress();
    }

    @EventSourcingHandler
    void on(VmProvisionedEvent event) {
        status = VmStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(VmProvisioningFailedEvent event) {
        status = VmStatus.FAILED;
    }

    @EventSourcingHandler
    void on(VmDestroyedEvent event) {
        destroyed = true;
        powerState = PowerState.OFF;
        snapshots.clear();
        if (status != VmStatus.FAILED) {
            status = VmStatus.DELETED;
        }
    }

    @EventSourcingHandler
    void on(VmPowerRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
    }

    @EventSourcingHandler
    void on(VmDeletionRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        deletionRequested = true;
        deletionOperation = event.operationId();
    }

    @EventSourcingHandler
    void on(VmSnapshotRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        snapshotOperations.put(event.operationId(), event.snapshotId());
        snapshots.put(event.snapshotId(), new Snapshot(event.name(), event.description(),
                event.vcenterSnapshotName(), false, false));
    }

    @EventSourcingHandler
    void on(VmSnapshotTakenEvent event) {
        snapshots.computeIfPresent(event.snapshotId(), (id, snapshot) -> snapshot.asTaken());
    }

    @EventSourcingHandler
    void on(VmSnapshotRestoreRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        snapshotOperations.put(event.operationId(), event.snapshotId());
    }

    @EventSourcingHandler
    void on(VmSnapshotRestoredEvent event) {
        snapshotOperations.remove(event.operationId());
    }

    @EventSourcingHandler
    void on(VmSnapshotDeletionRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        snapshotOperations.put(event.operationId(), event.snapshotId());
        snapshots.computeIfPresent(event.snapshotId(), (id, snapshot) -> snapshot.deleting(true));
    }

    @EventSourcingHandler
    void on(VmSnapshotDeletedEvent event) {
        snapshots.remove(event.snapshotId());
    }

    @EventSourcingHandler
    void on(VmRenamedEvent event) {
        hostname = event.hostname();
    }

    @EventSourcingHandler
    void on(VmOperationSucceededEvent event) {
        pendingOperations.remove(event.operationId());
        snapshotOperations.remove(event.operationId());
    }

    @EventSourcingHandler
    void on(VmOperationFailedEvent event) {
        pendingOperations.remove(event.operationId());
        // a snapshot that could not be taken is no snapshot; one that could not be deleted is kept
        String snapshotId = snapshotOperations.remove(event.operationId());
        Snapshot snapshot = snapshotId == null ? null : snapshots.get(snapshotId);
        if (snapshot != null && !snapshot.taken()) {
            snapshots.remove(snapshotId);
        } else if (snapshot != null && snapshot.deleting()) {
            snapshots.put(snapshotId, snapshot.deleting(false));
        }
        // a failed deletion leaves the VM as it was; the owner may ask again
        if (event.operationId().equals(deletionOperation) && !destroyed) {
            deletionRequested = false;
            deletionOperation = null;
        }
    }

    /** A snapshot as the VM knows it: its owner's name for it, its vCenter name, and where it is. */
    private record Snapshot(String name, String description, String vcenterName, boolean taken, boolean deleting) {

        Snapshot asTaken() {
            return new Snapshot(name, description, vcenterName, true, deleting);
        }

        Snapshot deleting(boolean value) {
            return new Snapshot(name, description, vcenterName, taken, value);
        }
    }
}
