package com.nettoria.coreapi.vm;

/** Someone asked for a power action; the VM operations worker carries it out in vCenter. */
public record VmPowerRequestedEvent(VmId vmId, String operationId, PowerAction action, String vcenterDatacenter,
                                    String vcenterName) {
}
