package com.nettoria.command.vm;

import com.nettoria.command.order.OrderTestData;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.DeleteVmCommand;
import com.nettoria.coreapi.vm.DeleteVmSnapshotCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
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
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.nettoria.command.order.OrderTestData.DATACENTER;
import static com.nettoria.command.order.OrderTestData.HOSTNAME;
import static com.nettoria.command.order.OrderTestData.OPERATING_SYSTEM;
import static com.nettoria.command.order.OrderTestData.ORDER;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.PLACEMENT;
import static com.nettoria.command.order.OrderTestData.PLAN;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.TEMPLATE;

/**
 * Shared test data for VMs: the VM of the order in {@link com.nettoria.command.order.OrderTestData}, the commands
 * the provisioning saga, the operations worker and its owner send, and the events of its life.
 */
public final class VmTestData {

    public static final VmId VM = OrderTestData.VM;
    /** The VM's name in vCenter, spelled out (not computed) so that a change of the naming rule shows. */
    public static final String VCENTER_NAME = "nettoria-" + VM.value();
    /** The vCenter datacenter of the VM's placement. */
    public static final String VCENTER_DATACENTER = "DC-Tehran";
    public static final String VCENTER_REF = "vm-1042";
    public static final String INSTANCE_UUID = "502e8a7c-1f3b-4d5e-9a6b-7c8d9e0f1a2b";
    public static final String DATASTORE = "ds-ssd-2";
    public static final String NETWORK = "vlan-public";
    public static final String IP = "185.120.4.17";
    public static final String PROVISIONING = "provisioning";

    private VmTestData() {
    }

    public static RegisterVmCommand register() {
        return new RegisterVmCommand(VM, ORDER, OWNER, HOSTNAME, PLAN, SPEC, BillingPeriod.QUARTERLY, DATACENTER,
                OPERATING_SYSTEM, PLACEMENT, TEMPLATE);
    }

    public static VmRegisteredEvent registered() {
        return new VmRegisteredEvent(VM, ORDER, OWNER, HOSTNAME, PLAN, SPEC, BillingPeriod.QUARTERLY, DATACENTER,
                OPERATING_SYSTEM, PLACEMENT, TEMPLATE, VCENTER_NAME);
    }

    public static RecordVmCreatedCommand recordCreated() {
        return new RecordVmCreatedCommand(VM, VCENTER_REF, INSTANCE_UUID, DATASTORE);
    }

    public static VmCreatedEvent created() {
        return new VmCreatedEvent(VM, VCENTER_REF, INSTANCE_UUID, DATASTORE);
    }

    public static RecordVmConfiguredCommand recordConfigured() {
        return new RecordVmConfiguredCommand(VM, NETWORK);
    }

    public static VmConfiguredEvent configured() {
        return new VmConfiguredEvent(VM, SPEC, NETWORK);
    }

    public static RecordVmPowerStateCommand recordPowerState(PowerState state, String cause) {
        return new RecordVmPowerStateCommand(VM, state, cause);
    }

    public static VmPowerStateChangedEvent powerChanged(PowerState previous, PowerState current, String cause) {
        return new VmPowerStateChangedEvent(VM, previous, current, cause);
    }

    public static RecordVmIpAddressCommand recordIp(String ip) {
        return new RecordVmIpAddressCommand(VM, ip);
    }

    public static VmIpAddressAssignedEvent ipAssigned(String ip) {
        return new VmIpAddressAssignedEvent(VM, ip);
    }

    public static CompleteVmProvisioningCommand complete() {
        return new CompleteVmProvisioningCommand(VM);
    }

    public static VmProvisionedEvent provisioned() {
        return new VmProvisionedEvent(VM, ORDER, OWNER, IP);
    }

    public static FailVmProvisioningCommand failProvisioning() {
        return new FailVmProvisioningCommand(VM, ProvisioningStep.CONFIGURE, "vcenter.rejected",
                "vCenter refused: disk cannot shrink");
    }

    public static VmProvisioningFailedEvent provisioningFailed() {
        return new VmProvisioningFailedEvent(VM, ORDER, OWNER, ProvisioningStep.CONFIGURE, "vcenter.rejected",
                "vCenter refused: disk cannot shrink");
    }

    /** Registered, created and configured in vCenter: provisioning is under way. */
    public static List<Object> provisioning(Object... more) {
        return history(List.of(registered(), created(), configured()), more);
    }

    /** Powered on with its IP address and handed over to its owner. */
    public static List<Object> active(Object... more) {
        return history(List.of(registered(), created(), configured(),
                powerChanged(PowerState.UNKNOWN, PowerState.ON, PROVISIONING), ipAssigned(IP), provisioned()), more);
    }

    /** Provisioning failed at configuration; the clean-up has not run yet. */
    public static List<Object> failed(Object... more) {
        return history(List.of(registered(), created(), provisioningFailed()), more);
    }

    public static RequestVmPowerCommand power(CustomerId by, String operationId, PowerAction action) {
        return new RequestVmPowerCommand(VM, by, operationId, action);
    }

    public static VmPowerRequestedEvent powerRequested(String operationId, PowerAction action) {
        return new VmPowerRequestedEvent(VM, operationId, action, VCENTER_DATACENTER, VCENTER_NAME);
    }

    public static DeleteVmCommand delete(CustomerId by, String operationId) {
        return new DeleteVmCommand(VM, by, operationId, "no longer needed");
    }

    public static VmDeletionRequestedEvent deletionRequested(String operationId) {
        return new VmDeletionRequestedEvent(VM, operationId, "no longer needed", VCENTER_DATACENTER, VCENTER_NAME);
    }

    public static RecordVmDestroyedCommand recordDestroyed(String cause) {
        return new RecordVmDestroyedCommand(VM, cause);
    }

    public static VmDestroyedEvent destroyed(String cause) {
        return new VmDestroyedEvent(VM, cause);
    }

    public static RecordVmOperationResultCommand succeeded(String operationId) {
        return new RecordVmOperationResultCommand(VM, operationId, true, null, null);
    }

    public static RecordVmOperationResultCommand failedWith(String operationId, String code, String reason) {
        return new RecordVmOperationResultCommand(VM, operationId, false, code, reason);
    }

    public static VmOperationSucceededEvent operationSucceeded(String operationId) {
        return new VmOperationSucceededEvent(VM, operationId);
    }

    public static VmOperationFailedEvent operationFailed(String operationId, String code, String reason) {
        return new VmOperationFailedEvent(VM, operationId, code, reason);
    }

    public static final String SNAPSHOT_NAME = "before upgrade";
    public static final String SNAPSHOT_DESCRIPTION = "debian 12.7, before apt full-upgrade";

    /** The platform id of the snapshot the operation takes (computed by the shared rule). */
    public static String snapshotId(String operationId) {
        return VmSnapshots.idFor(VM, operationId);
    }

    /** The snapshot's name in vCenter, spelled out (not computed) so that a change of the naming rule shows. */
    public static String vcenterSnapshotName(String operationId) {
        return "nettoria-" + snapshotId(operationId);
    }

    /** vCenter's id of the snapshot an operation took. */
    public static String snapshotRef(String operationId) {
        return "snapshot-" + operationId;
    }

    public static TakeVmSnapshotCommand takeSnapshot(CustomerId by, String operationId) {
        return new TakeVmSnapshotCommand(VM, by, operationId, SNAPSHOT_NAME, SNAPSHOT_DESCRIPTION);
    }

    public static VmSnapshotRequestedEvent snapshotRequested(String operationId) {
        return new VmSnapshotRequestedEvent(VM, operationId, snapshotId(operationId), SNAPSHOT_NAME,
                SNAPSHOT_DESCRIPTION, VCENTER_DATACENTER, VCENTER_NAME, vcenterSnapshotName(operationId));
    }

    public static RecordVmSnapshotTakenCommand recordSnapshotTaken(String operationId) {
        return new RecordVmSnapshotTakenCommand(VM, snapshotId(operationId), snapshotRef(operationId));
    }

    public static VmSnapshotTakenEvent snapshotTaken(String operationId) {
        return new VmSnapshotTakenEvent(VM, snapshotId(operationId), SNAPSHOT_NAME, SNAPSHOT_DESCRIPTION,
                snapshotRef(operationId));
    }

    /** A snapshot asked for by {@code operationId}, taken in vCenter, and its operation ended. */
    public static List<Object> snapshotKept(String operationId) {
        return List.of(snapshotRequested(operationId), snapshotTaken(operationId), operationSucceeded(operationId));
    }

    public static RestoreVmSnapshotCommand restoreSnapshot(CustomerId by, String operationId, String snapshotId) {
        return new RestoreVmSnapshotCommand(VM, by, operationId, snapshotId);
    }

    public static VmSnapshotRestoreRequestedEvent restoreRequested(String operationId, String takenBy) {
        return new VmSnapshotRestoreRequestedEvent(VM, operationId, snapshotId(takenBy), VCENTER_DATACENTER,
                VCENTER_NAME, vcenterSnapshotName(takenBy));
    }

    public static RecordVmSnapshotRestoredCommand recordRestored(String operationId, String takenBy) {
        return new RecordVmSnapshotRestoredCommand(VM, operationId, snapshotId(takenBy));
    }

    public static VmSnapshotRestoredEvent snapshotRestored(String operationId, String takenBy) {
        return new VmSnapshotRestoredEvent(VM, operationId, snapshotId(takenBy));
    }

    public static DeleteVmSnapshotCommand deleteSnapshot(CustomerId by, String operationId, String snapshotId) {
        return new DeleteVmSnapshotCommand(VM, by, operationId, snapshotId);
    }

    public static VmSnapshotDeletionRequestedEvent snapshotDeletionRequested(String operationId, String takenBy) {
        return new VmSnapshotDeletionRequestedEvent(VM, operationId, snapshotId(takenBy), VCENTER_DATACENTER,
                VCENTER_NAME, vcenterSnapshotName(takenBy));
    }

    public static RecordVmSnapshotDeletedCommand recordSnapshotDeleted(String takenBy) {
        return new RecordVmSnapshotDeletedCommand(VM, snapshotId(takenBy));
    }

    public static VmSnapshotDeletedEvent snapshotDeleted(String takenBy) {
        return new VmSnapshotDeletedEvent(VM, snapshotId(takenBy));
    }

    public static RenameVmCommand rename(CustomerId by, String hostname) {
        return new RenameVmCommand(VM, by, hostname);
    }

    public static VmRenamedEvent renamed(String previous, String hostname) {
        return new VmRenamedEvent(VM, previous, hostname);
    }

    private static List<Object> history(List<Object> past, Object... more) {
        List<Object> events = new ArrayList<>(past);
        events.addAll(Arrays.asList(more));
        return events;
    }
}
