package com.nettoria.coreapi.vm;

/** The VM's host name changed from {@code previous}; its vCenter name did not. */
public record VmRenamedEvent(VmId vmId, String previous, String hostname) {
}
