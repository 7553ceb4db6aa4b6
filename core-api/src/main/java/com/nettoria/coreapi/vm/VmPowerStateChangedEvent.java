package com.nettoria.coreapi.vm;

/** The VM's power state changed from {@code previous} to {@code current}; {@code cause} says why. */
public record VmPowerStateChangedEvent(VmId vmId, PowerState previous, PowerState current, String cause) {
}
