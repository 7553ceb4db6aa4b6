package com.nettoria.command.vm;

import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.command.order.RootPasswords;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.ClearVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.DeleteVmSnapshotCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RebuildVmCommand;
import com.nettoria.coreapi.vm.RecordVmConfiguredCommand;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RecordVmScaledCommand;
import com.nettoria.coreapi.vm.RecordVmRebuildWipedCommand;
import com.nettoria.coreapi.vm.RecordVmRebuiltCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotDeletedCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotRestoredCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotTakenCommand;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.RenameVmCommand;
import com.nettoria.coreapi.vm.RequestVmPowerCommand;
import com.nettoria.coreapi.vm.RequestVmScaleCommand;
import com.nettoria.coreapi.vm.RestoreVmSnapshotCommand;
import com.nettoria.coreapi.vm.SetVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.TakeScheduledVmSnapshotCommand;
import com.nettoria.coreapi.vm.SuspendVmCommand;
import com.nettoria.coreapi.vm.TakeVmSnapshotCommand;
import com.nettoria.coreapi.vm.UnsuspendVmCommand;
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
import com.nettoria.coreapi.vm.VmRebuildAccepted;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuiltEvent;
import com.nettoria.coreapi.vm.VmHostnames;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotSkippedEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotSchedule;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleSetEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's virtual machine. Records what vCenter did (created, configured, powered, addressed, snapshotted,
 * destroyed) as the provisioning saga and the operations worker report it, and decides what its owner may ask for:
 * actions on a VM that is not active, or not theirs, are refused; it keeps at most {@link VmSnapshots#LIMIT}
 * manual snapshots; its host name may change (never its vCenter name); it only grows ({@link ScaleUp}), one scale
 * at a time, and keeps its size until vCenter ran it at the new one. It may be rebuilt from a template (its
 * snapshots do not survive), and the platform may suspend it, when its owner can do nothing with it (an
 * administrator may still delete it). Every recording command tolerates repeats.
 *
 * <p>Its backup schedule ({@link VmSnapshotSchedule}) runs from the VM's own persistent deadline, one per slot: the
 * deadline carries the slot it is for, and only the slot the VM waits for takes a snapshot (named after the slot),
 * so a deadline fired twice, or a stale one of an earlier schedule, takes nothing. Automatic snapshots have their
 * own limit, the schedule's {@code retain}: once one is taken, the oldest beyond it are deleted; manual ones never.
 */
@Aggregate
public class VirtualMachine {

    /** The deadline of the backup schedule's next slot; its payload is the slot ({@link Instant}). */
    static final String SNAPSHOT_SLOT_DUE = "vm-snapshot-slot-due";

    @AggregateIdentifier
    private VmId vmId;
    private OrderId orderId;
    private CustomerId customerId;
    private String hostname;
    private VmSpec spec;
    private VcenterPlacement placement;
    private DatacenterId datacenterId;
    private OperatingSystemId operatingSystemId;
    private String instanceUuid;
    private String vcenterName;
    private VmStatus status;
    private PowerState powerState;
    private String ipAddress;
    private boolean created;
    private boolean configured;
    private boolean destroyed;
    private boolean deletionRequested;
    private String deletionOperation;
    /** The rebuild under way ({@link VmStatus#REBUILDING}) and the system it installs, or {@code null}. */
    private String rebuildOperation;
    private OperatingSystemId rebuildSystem;
    /** Whether the rebuild under way has its new clone recorded. */
    private boolean rebuildCloned;
    private String suspensionReason;
    /** Whether unsuspending powers the VM back on: it was on when it was suspended. */
    private boolean onBeforeSuspension;
    private final Set<String> operations = new HashSet<>();
    private final Set<String> pendingOperations = new HashSet<>();
    /** The VM's snapshots by platform id: being taken, kept, or being deleted. */
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    /** Pending snapshot operations (take, restore, delete) and the snapshot each is about. */
    private final Map<String, String> snapshotOperations = new HashMap<>();
    /** The backup schedule (or null), the slot it waits for, and the last slot that came due. */
    private VmSnapshotSchedule schedule;
    private Instant nextSlot;
    private Instant lastSlot;
    /** The snapshots the schedule took, oldest first (ids no longer in {@link #snapshots} are ignored). */
    private final Set<String> automaticSnapshots = new LinkedHashSet<>();
    private PlanId planId;
    /** The datastore vCenter placed the VM's disk on: where a bigger disk needs room. */
    private String datastore;
    /** The last scale asked for; it is under way while its operation is pending. */
    private String scaleOperation;
    /** The size the last scale asked for, until vCenter ran the VM at it. */
    private Size pendingSize;

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
        if (status == VmStatus.PROVISIONING || status == VmStatus.REBUILDING) {
            throw VmRefusal.illegalState(vmId, status, "delete while " + status.name().toLowerCase());
        }
        if (status == VmStatus.SUSPENDED && command.customerId() != null) {
            // terminating a suspended VM is the platform's decision (billing, an administrator), not its owner's
            throw VmRefusal.suspended(vmId, suspensionReason, "delete");
        }
        apply(new VmDeletionRequestedEvent(vmId, command.operationId(), command.reason(), placement.datacenter(),
                vcenterName));
    }

    @CommandHandler
    public void handle(RequestVmScaleCommand command) {
        if (operations.contains(command.operationId())) {
            return;
        }
        requireOwner(command.customerId());
        requireScalable();
        ScaleUp.require(vmId, spec, command.spec(), command.planId() != null);
        apply(new VmScaleRequestedEvent(vmId, command.operationId(), orderId, planId, spec, command.planId(),
                command.spec(), placement.datacenter(), vcenterName));
    }

    @CommandHandler
    public void handle(RecordVmScaledCommand command) {
        if (pendingSize != null && command.operationId().equals(scaleOperation) && !destroyed) {
            apply(new VmScaledEvent(vmId, command.operationId(), planId, spec, pendingSize.planId(),
                    pendingSize.spec()));
        }
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
        if (snapshots.size() - automaticSnapshots().size() >= VmSnapshots.LIMIT) {
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
            if (automaticSnapshots.contains(command.snapshotId())) {
                retainNewestAutomaticSnapshots();
            }
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

    /** The same schedule again changes nothing; a new one replaces the old and waits for its own first slot. */
    @CommandHandler
    public void handle(SetVmSnapshotScheduleCommand command, DeadlineManager deadlines) {
        requireOwner(command.customerId());
        requireActive("set a backup schedule");
        VmSnapshotSchedule wanted = command.schedule();
        if (wanted == null) {
            throw VmRefusal.invalidSnapshotSchedule("frequency", "a backup schedule is required");
        }
        wanted.violation().ifPresent(violation -> {
            throw VmRefusal.invalidSnapshotSchedule(violation.field(), violation.message());
        });
        if (wanted.equals(schedule)) {
            return;
        }
        // never a slot that came due already: each slot takes its snapshot once, whatever the schedules
        Instant now = GenericEventMessage.clock.instant();
        Instant first = wanted.slotAfter(lastSlot != null && lastSlot.isAfter(now) ? lastSlot : now);
        apply(new VmSnapshotScheduleSetEvent(vmId, wanted.frequency(), wanted.timeOfDay(), wanted.dayOfWeek(),
                wanted.retain(), first));
        deadlines.cancelAllWithinScope(SNAPSHOT_SLOT_DUE);
        deadlines.schedule(first, SNAPSHOT_SLOT_DUE, first);
    }

    @CommandHandler
    public void handle(ClearVmSnapshotScheduleCommand command, DeadlineManager deadlines) {
        requireOwner(command.customerId());
        if (schedule != null) {
            apply(new VmSnapshotScheduleClearedEvent(vmId, VmSnapshotScheduleClearedEvent.BY_OWNER));
            deadlines.cancelAllWithinScope(SNAPSHOT_SLOT_DUE);
        }
    }

    /** Runs the due slot at once; the deadline still waiting for it is cancelled (it would change nothing). */
    @CommandHandler
    public void handle(TakeScheduledVmSnapshotCommand command, DeadlineManager deadlines) {
        runSlot(command.slot(), deadlines, true);
    }

    @DeadlineHandler(deadlineName = SNAPSHOT_SLOT_DUE)
    void snapshotSlotDue(Instant slot, DeadlineManager deadlines) {
        runSlot(slot, deadlines, false);
    }

    @CommandHandler
    public void handle(RenameVmCommand command) {
        requireOwner(command.customerId());
        if (destroyed || deletionRequested) {
            // a failed VM cleaned up in vCenter stays FAILED; any other destroyed VM is DELETED
            throw VmRefusal.illegalState(vmId, destroyed ? status : VmStatus.DELETED, "rename");
        }
        if (status == VmStatus.SUSPENDED && command.customerId() != null) {
            throw VmRefusal.suspended(vmId, suspensionReason, "rename");
        }
        if (status == VmStatus.REBUILDING) {
            throw VmRefusal.illegalState(vmId, status, "rename");
        }
        if (!VmHostnames.valid(command.hostname())) {
            throw VmRefusal.invalidHostname();
        }
        if (!command.hostname().equals(hostname)) {
            apply(new VmRenamedEvent(vmId, hostname, command.hostname()));
        }
    }

    /**
     * A rebuild replaces the VM in vCenter, so it waits for every other operation to end; the operating system is the
     * VM's own unless another is named, and the catalogue must offer it in the VM's datacenter. Without an SSH key
     * a root password is generated and answered this once (the event keeps it sealed).
     */
    @CommandHandler
    public VmRebuildAccepted handle(RebuildVmCommand command, PriceList catalogue, SecretCodes secrets,
                                    RootPasswords rootPasswords) {
        requireOwner(command.customerId());
        if (operations.contains(command.operationId())) {
            return new VmRebuildAccepted(command.operationId(), null);
        }
        requireActive("rebuild");
        if (!pendingOperations.isEmpty()) {
            throw VmRefusal.operationPending(vmId, "rebuild");
        }
        OperatingSystemId system = command.operatingSystemId() == null
                ? operatingSystemId : command.operatingSystemId();
        String template = catalogue.template(datacenterId, system);
        String rootPassword = command.sshPublicKey() == null ? rootPasswords.get() : null;
        apply(new VmRebuildRequestedEvent(vmId, command.operationId(), system, template, command.sshPublicKey(),
                rootPassword == null ? null : secrets.seal(rootPassword), spec, placement, vcenterName,
                instanceUuid));
        return new VmRebuildAccepted(command.operationId(), rootPassword);
    }

    /** The old VM is gone from vCenter: so are its snapshots, and it is off. */
    @CommandHandler
    public void handle(RecordVmRebuildWipedCommand command) {
        if (destroyed || !command.operationId().equals(rebuildOperation)) {
            return;
        }
        for (String snapshotId : List.copyOf(snapshots.keySet())) {
            apply(new VmSnapshotDeletedEvent(vmId, snapshotId));
        }
        if (powerState != PowerState.OFF) {
            apply(new VmPowerStateChangedEvent(vmId, powerState, PowerState.OFF, "rebuild"));
        }
    }

    @CommandHandler
    public void handle(RecordVmRebuiltCommand command) {
        if (!destroyed && command.operationId().equals(rebuildOperation) && !rebuildCloned) {
            apply(new VmRebuiltEvent(vmId, command.operationId(), rebuildSystem, command.vcenterRef(),
                    command.instanceUuid(), command.datastore()));
        }
    }

    @CommandHandler
    public void handle(SuspendVmCommand command) {
        if (operations.contains(command.operationId())) {
            return;
        }
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 255) {
            throw VmRefusal.reasonRequired();
        }
        if (status != VmStatus.ACTIVE || deletionRequested) {
            throw VmRefusal.illegalState(vmId, deletionRequested ? VmStatus.DELETED : status, "suspend");
        }
        apply(new VmSuspendedEvent(vmId, command.operationId(), command.reason().strip(), powerState,
                placement.datacenter(), vcenterName));
    }

    @CommandHandler
    public void handle(UnsuspendVmCommand command) {
        if (operations.contains(command.operationId())) {
            return;
        }
        if (status != VmStatus.SUSPENDED || deletionRequested) {
            throw VmRefusal.illegalState(vmId, deletionRequested ? VmStatus.DELETED : status, "unsuspend");
        }
        apply(new VmUnsuspendedEvent(vmId, command.operationId(), onBeforeSuspension, placement.datacenter(),
                vcenterName));
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

    /**
     * What the scale desk needs to price a scale of this VM; someone else's VM is not found. Reads state; changes
     * nothing.
     */
    public Scaling scalingFor(CustomerId requester) {
        requireOwner(requester);
        return new Scaling(vmId, orderId, planId, spec, datacenterId, placement, datastore);
    }

    /** Whether an operation of this id was asked for already (of any kind). Reads state; changes nothing. */
    public boolean knows(String operationId) {
        return operations.contains(operationId);
    }

    /**
     * Refuses a scale now, as {@link RequestVmScaleCommand} would: a VM that is not active, or is being scaled,
     * cannot grow. Reads state; changes nothing.
     */
    public void requireScalable() {
        requireActive("scale");
        if (scaleOperation != null && pendingOperations.contains(scaleOperation)) {
            throw VmRefusal.scaleInProgress(vmId, scaleOperation);
        }
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

    /**
     * Takes the slot's snapshot if it is the slot the schedule waits for, or records why not, and waits for the
     * next slot: the first after the later of this slot and now, so slots missed while the platform was down are
     * not taken all at once. A destroyed VM's schedule ends instead.
     */
    private void runSlot(Instant slot, DeadlineManager deadlines, boolean cancelWaiting) {
        if (schedule == null || !slot.equals(nextSlot)) {
            return;
        }
        if (cancelWaiting) {
            deadlines.cancelAllWithinScope(SNAPSHOT_SLOT_DUE);
        }
        if (destroyed) {
            apply(new VmSnapshotScheduleClearedEvent(vmId, VmSnapshotScheduleClearedEvent.VM_DELETED));
            return;
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant next = schedule.slotAfter(now.isAfter(slot) ? now : slot);
        String skipped = skipReason();
        if (skipped == null) {
            String operationId = VmSnapshotSchedule.operationId(slot);
            String snapshotId = VmSnapshots.idFor(vmId, operationId);
            apply(new VmScheduledSnapshotRequestedEvent(vmId, operationId, snapshotId,
                    VmSnapshotSchedule.snapshotName(slot), slot, next, placement.datacenter(), vcenterName,
                    VmSnapshots.vcenterName(snapshotId)));
        } else {
            apply(new VmScheduledSnapshotSkippedEvent(vmId, slot, next,
                    deletionRequested ? VmStatus.DELETED : status, skipped));
            retainNewestAutomaticSnapshots();
        }
        deadlines.schedule(next, SNAPSHOT_SLOT_DUE, next);
    }

    /**
     * Why the due slot takes no snapshot, or null when it takes one: the VM is not active (powered off is fine),
     * or automatic snapshots are still being deleted, or it holds more than {@link VmSnapshotSchedule#MAX_RETAIN}
     * (their deletion failed): so a VM never holds more than {@code retain + 1} of them for long.
     */
    private String skipReason() {
        if (deletionRequested) {
            return "the VM is being deleted";
        }
        if (status != VmStatus.ACTIVE) {
            return "the VM is " + status;
        }
        List<String> automatic = automaticSnapshots();
        if (automatic.stream().anyMatch(id -> snapshots.get(id).deleting())) {
            return "older automatic snapshots are still being deleted";
        }
        if (automatic.size() > VmSnapshotSchedule.MAX_RETAIN) {
            return "the VM holds " + automatic.size() + " automatic snapshots: the oldest could not be deleted yet";
        }
        return null;
    }

    /**
     * Asks to delete, through the owner's own delete path, the oldest automatic snapshots beyond the schedule's
     * {@code retain} (counting those being taken, never those being deleted). Manual snapshots are never touched;
     * without a schedule, or from a VM that is not active (as its owner could not either), nothing is deleted.
     */
    private void retainNewestAutomaticSnapshots() {
        if (schedule == null || status != VmStatus.ACTIVE || deletionRequested) {
            return;
        }
        List<String> kept = automaticSnapshots().stream().filter(id -> !snapshots.get(id).deleting()).toList();
        int excess = kept.size() - schedule.retain();
        for (String snapshotId : kept) {
            Snapshot snapshot = snapshots.get(snapshotId);
            String operationId = VmSnapshotSchedule.retentionOperationId(lastSlot, snapshotId);
            if (excess <= 0) {
                return;
            }
            if (snapshot.taken() && !operations.contains(operationId)) {
                apply(new VmSnapshotDeletionRequestedEvent(vmId, operationId, snapshotId, placement.datacenter(),
                        vcenterName, snapshot.vcenterName()));
                excess--;
            }
        }
    }

    /** The automatic snapshots the VM holds (being taken, kept or being deleted), oldest first. */
    private List<String> automaticSnapshots() {
        return automaticSnapshots.stream().filter(snapshots::containsKey).toList();
    }

    private void requireActive(String action) {
        if (status == VmStatus.SUSPENDED && !deletionRequested) {
            throw VmRefusal.suspended(vmId, suspensionReason, action);
        }
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
        planId = event.planId();
        datacenterId = event.datacenterId();
        spec = event.spec();
        placement = event.placement();
        operatingSystemId = event.operatingSystemId();
        vcenterName = event.vcenterName();
        status = VmStatus.PROVISIONING;
        powerState = PowerState.UNKNOWN;
    }

    @EventSourcingHandler
    void on(VmCreatedEvent event) {
        created = true;
        datastore = event.datastore();
        instanceUuid = event.instanceUuid();
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
    void on(VmScaleRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        scaleOperation = event.operationId();
        pendingSize = new Size(event.planId(), event.spec());
    }

    @EventSourcingHandler
    void on(VmScaledEvent event) {
        planId = event.planId();
        spec = event.spec();
        pendingSize = null;
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
    void on(VmSnapshotScheduleSetEvent event) {
        schedule = new VmSnapshotSchedule(event.frequency(), event.timeOfDay(), event.dayOfWeek(), event.retain());
        nextSlot = event.nextSlot();
    }

    @EventSourcingHandler
    void on(VmSnapshotScheduleClearedEvent event) {
        schedule = null;
        nextSlot = null;
    }

    @EventSourcingHandler
    void on(VmScheduledSnapshotRequestedEvent event) {
        lastSlot = event.slot();
        nextSlot = event.nextSlot();
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        snapshotOperations.put(event.operationId(), event.snapshotId());
        snapshots.put(event.snapshotId(), new Snapshot(event.name(), null, event.vcenterSnapshotName(), false, false));
        automaticSnapshots.retainAll(snapshots.keySet());
        automaticSnapshots.add(event.snapshotId());
    }

    @EventSourcingHandler
    void on(VmScheduledSnapshotSkippedEvent event) {
        lastSlot = event.slot();
        nextSlot = event.nextSlot();
    }

    @EventSourcingHandler
    void on(VmRenamedEvent event) {
        hostname = event.hostname();
    }

    @EventSourcingHandler
    void on(VmRebuildRequestedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        rebuildOperation = event.operationId();
        rebuildSystem = event.operatingSystemId();
        rebuildCloned = false;
        status = VmStatus.REBUILDING;
    }

    @EventSourcingHandler
    void on(VmRebuiltEvent event) {
        rebuildCloned = true;
        instanceUuid = event.instanceUuid();
        operatingSystemId = event.operatingSystemId();
        datastore = event.datastore();
    }

    @EventSourcingHandler
    void on(VmSuspendedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        status = VmStatus.SUSPENDED;
        suspensionReason = event.reason();
        onBeforeSuspension = event.powerStateBefore() == PowerState.ON;
    }

    @EventSourcingHandler
    void on(VmUnsuspendedEvent event) {
        operations.add(event.operationId());
        pendingOperations.add(event.operationId());
        status = VmStatus.ACTIVE;
        suspensionReason = null;
    }

    @EventSourcingHandler
    void on(VmOperationSucceededEvent event) {
        pendingOperations.remove(event.operationId());
        endRebuild(event.operationId());
        snapshotOperations.remove(event.operationId());
    }

    @EventSourcingHandler
    void on(VmOperationFailedEvent event) {
        pendingOperations.remove(event.operationId());
        endRebuild(event.operationId());
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

    /** What a scale of the VM starts from, for the order desk. */
    public record Scaling(VmId vmId, OrderId orderId, PlanId planId, VmSpec spec, DatacenterId datacenterId,
                          VcenterPlacement placement, String datastore) {
    }

    /** A size a scale asked for. */
    private record Size(PlanId planId, VmSpec spec) {
    }

    /** A rebuild that ended, well or not, leaves the VM active: its owner may use it, or rebuild it again. */
    private void endRebuild(String operationId) {
        if (operationId.equals(rebuildOperation)) {
            rebuildOperation = null;
            rebuildSystem = null;
            if (status == VmStatus.REBUILDING) {
                status = VmStatus.ACTIVE;
            }
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
