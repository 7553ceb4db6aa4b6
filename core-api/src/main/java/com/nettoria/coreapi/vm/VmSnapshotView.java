package com.nettoria.coreapi.vm;

import java.time.Instant;

/**
 * One snapshot of a VM as the read model shows it.
 *
 * @param operationId  the operation that took it
 * @param takenAt      when vCenter held it, or {@code null} while it is being taken
 * @param restoredAt   when the VM was last reverted to it, or {@code null}
 * @param kind         whether its owner or the VM's backup schedule took it
 */
public record VmSnapshotView(VmId vmId,
                             String snapshotId,
                             String name,
                             String description,
                             VmSnapshotStatus status,
                             String operationId,
                             Instant requestedAt,
                             Instant takenAt,
                             Instant restoredAt,
                             VmSnapshotKind kind) {
}
