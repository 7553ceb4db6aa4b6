package com.nettoria.coreapi.vm;

/** The VM is to be destroyed in vCenter; the VM operations worker does it. */
public record VmDeletionRequestedEvent(VmId vmId, String operationId, String reason, String vcenterDatacenter,
                                       String vcenterName) {
}
