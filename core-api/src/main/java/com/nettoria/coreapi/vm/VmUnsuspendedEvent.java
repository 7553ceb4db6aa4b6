package com.nettoria.coreapi.vm;

/**
 * The VM is {@link VmStatus#ACTIVE} again; when {@code powerOn}, the VM operations worker powers it on in vCenter
 * (it was on when it was suspended).
 */
public record VmUnsuspendedEvent(VmId vmId, String operationId, boolean powerOn, String vcenterDatacenter,
                                 String vcenterName) {
}
