package com.nettoria.coreapi.vm;

/** Its owner asked to delete a snapshot; the VM operations worker removes it in vCenter. */
public record VmSnapshotDeletionRequestedEvent(VmId vmId, String operationId, String snapshotId,
                                               String vcenterDatacenter, String vcenterName,
                                               String vcenterSnapshotName) {
}
