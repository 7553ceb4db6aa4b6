package com.nettoria.coreapi.vm;

/** vCenter reverted the VM to the snapshot. */
public record VmSnapshotRestoredEvent(VmId vmId, String operationId, String snapshotId) {
}
