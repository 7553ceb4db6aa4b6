package com.nettoria.coreapi.vm;

import java.time.DayOfWeek;
import java.time.Instant;

/**
 * A VM's backup schedule as the read model shows it.
 *
 * @param nextSlot       when the next automatic snapshot is due
 * @param lastSlot       the last slot that came due, or {@code null}
 * @param lastSkipReason why the last slot took no snapshot, or {@code null} when it took one (or none came due)
 */
public record VmSnapshotScheduleView(VmId vmId,
                                     SnapshotFrequency frequency,
                                     String timeOfDay,
                                     DayOfWeek dayOfWeek,
                                     int retain,
                                     Instant nextSlot,
                                     Instant lastSlot,
                                     String lastSkipReason,
                                     Instant updatedAt) {
}
