package com.nettoria.coreapi.vm;

/** The VM no longer exists in vCenter; {@code cause} says why (a deletion, a failed provisioning's clean-up). */
public record VmDestroyedEvent(VmId vmId, String cause) {
}
