package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * The VM's backup schedule asked for the snapshot of {@code slot} (an automatic one, {@link VmSnapshotKind#SCHEDULED}):
 * the VM operations worker takes it in vCenter under {@code vcenterSnapshotName}, as it takes a manual one. The
 * schedule waits for {@code nextSlot} next.
 */
public record VmScheduledSnapshotRequestedEvent(VmId vmId, String operationId, String snapshotId, String name,
                                                Instant slot, Instant nextSlot, String vcenterDatacenter,
                                                String vcenterName, String vcenterSnapshotName) {
}
