package com.nettoria.coreapi.vm;

/**
 * Its owner asked for a snapshot of the VM; the VM operations worker takes it in vCenter under
 * {@code vcenterSnapshotName}.
 */
public record VmSnapshotRequestedEvent(VmId vmId, String operationId, String snapshotId, String name,
                                       String description, String vcenterDatacenter, String vcenterName,
                                       String vcenterSnapshotName) {
}
