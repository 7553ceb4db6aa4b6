package com.nettoria.coreapi.vm;

/** vCenter holds the snapshot; {@code vcenterSnapshotRef} is vCenter's id of it. */
public record VmSnapshotTakenEvent(VmId vmId, String snapshotId, String name, String description,
                                   String vcenterSnapshotRef) {
}
