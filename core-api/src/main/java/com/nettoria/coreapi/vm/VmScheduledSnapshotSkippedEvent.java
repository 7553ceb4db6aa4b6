package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * The VM's backup schedule took no snapshot for {@code slot}: the VM was {@code status} (not active, e.g. suspended
 * or being deleted) or still held more automatic snapshots than it keeps; {@code reason} says which. The schedule
 * waits for {@code nextSlot} next.
 */
public record VmScheduledSnapshotSkippedEvent(VmId vmId, Instant slot, Instant nextSlot, VmStatus status,
                                              String reason) {
}
