package com.nettoria.coreapi.vm;

/** vCenter holds the VM: its managed object reference, BIOS-independent instance UUID and datastore. */
public record VmCreatedEvent(VmId vmId, String vcenterRef, String instanceUuid, String datastore) {
}
