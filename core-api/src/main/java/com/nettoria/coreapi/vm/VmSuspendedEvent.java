package com.nettoria.coreapi.vm;

/**
 * The VM is {@link VmStatus#SUSPENDED}; the VM operations worker powers it off in vCenter.
 *
 * @param powerStateBefore the power state last recorded when it was suspended (restored when it is unsuspended)
 */
public record VmSuspendedEvent(VmId vmId, String operationId, String reason, PowerState powerStateBefore,
                               String vcenterDatacenter, String vcenterName) {
}
