package com.nettoria.coreapi.vm;

/** The guest reported its IP address. */
public record VmIpAddressAssignedEvent(VmId vmId, String ipAddress) {
}
