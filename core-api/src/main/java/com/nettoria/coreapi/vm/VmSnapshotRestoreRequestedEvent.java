package com.nettoria.coreapi.vm;

/** Its owner asked to revert the VM to a snapshot; the VM operations worker does it in vCenter. */
public record VmSnapshotRestoreRequestedEvent(VmId vmId, String operationId, String snapshotId,
                                              String vcenterDatacenter, String vcenterName,
                                              String vcenterSnapshotName) {
}
