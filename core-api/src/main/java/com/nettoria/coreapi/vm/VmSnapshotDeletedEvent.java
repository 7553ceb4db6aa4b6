package com.nettoria.coreapi.vm;

/** The snapshot is gone from vCenter. */
public record VmSnapshotDeletedEvent(VmId vmId, String snapshotId) {
}
