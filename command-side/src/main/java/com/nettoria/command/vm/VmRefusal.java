package com.nettoria.command.vm;

import com.nettoria.command.common.BusinessRuleViolation;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmStatus;

import java.util.Map;

/** A VM refused a command: it is someone else's, or its state does not allow the action. */
public class VmRefusal extends BusinessRuleViolation {

    private VmRefusal(BusinessError error) {
        super(error);
    }

    /** Someone else's VM is answered as if it did not exist. */
    static VmRefusal notFound(VmId vmId) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_NOT_FOUND, "you have no VM " + vmId, "vmId",
                Map.of("vmId", vmId.value())));
    }

    static VmRefusal illegalState(VmId vmId, VmStatus status, String action) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_ILLEGAL_STATE,
                "VM " + vmId + " is " + status + ": cannot " + action, null,
                Map.of("vmId", vmId.value(), "status", status.name(), "action", action)));
    }

    static VmRefusal snapshotLimit(VmId vmId, int limit) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SNAPSHOT_LIMIT,
                "VM " + vmId + " has " + limit + " snapshots already: delete one first", null,
                Map.of("vmId", vmId.value(), "limit", String.valueOf(limit))));
    }

    static VmRefusal snapshotNotFound(VmId vmId, String snapshotId) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SNAPSHOT_NOT_FOUND,
                "VM " + vmId + " has no snapshot " + snapshotId, "snapshotId",
                Map.of("vmId", vmId.value(), "snapshotId", String.valueOf(snapshotId))));
    }

    static VmRefusal invalidSnapshot(String field, String message) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_INVALID_SNAPSHOT, message, field, Map.of()));
    }

    static VmRefusal invalidSnapshotSchedule(String field, String message) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_INVALID_SNAPSHOT_SCHEDULE, message, field, Map.of()));
    }

    static VmRefusal invalidHostname() {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_INVALID_HOSTNAME,
                "a host name is an RFC 1123 label: 1 to 63 lower-case letters, digits and inner hyphens", "hostname",
                Map.of()));
    }

    static VmRefusal scaleDown(VmId vmId, String field, String resource, int current, int target) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SCALE_DOWN,
                "VM " + vmId + " has " + current + " " + resource + ": a scale can only grow it, not to " + target,
                field, Map.of("vmId", vmId.value(), "resource", resource, "current", Integer.toString(current),
                        "requested", Integer.toString(target))));
    }

    static VmRefusal scaleUnchanged(VmId vmId, String field) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SCALE_UNCHANGED,
                "VM " + vmId + " has that size already: nothing to change", field, Map.of("vmId", vmId.value())));
    }

    static VmRefusal scaleInProgress(VmId vmId, String operationId) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SCALE_IN_PROGRESS,
                "VM " + vmId + " is being scaled already: wait for operation " + operationId, null,
                Map.of("vmId", vmId.value(), "operationId", operationId)));
    }

    /** A suspended VM: its owner can do nothing with it until the platform unsuspends it. */
    static VmRefusal suspended(VmId vmId, String reason, String action) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_SUSPENDED,
                "VM " + vmId + " is suspended (" + reason + "): cannot " + action, null,
                Map.of("vmId", vmId.value(), "reason", reason, "action", action)));
    }

    /** A rebuild replaces the VM in vCenter: it waits until no other operation on the VM is under way. */
    static VmRefusal operationPending(VmId vmId, String action) {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_OPERATION_PENDING,
                "VM " + vmId + " has an operation under way: cannot " + action + " until it ended", null,
                Map.of("vmId", vmId.value(), "action", action)));
    }

    static VmRefusal reasonRequired() {
        return new VmRefusal(new BusinessError(ErrorCodes.VM_INVALID_SUSPENSION,
                "a suspension needs a reason (1 to 255 characters), shown to the VM's owner", "reason", Map.of()));
    }
}
