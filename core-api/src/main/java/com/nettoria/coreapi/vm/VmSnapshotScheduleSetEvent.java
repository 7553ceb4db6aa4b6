package com.nettoria.coreapi.vm;

import java.time.DayOfWeek;
import java.time.Instant;

/** Its owner set the VM's backup schedule (see {@link VmSnapshotSchedule}); its first slot is {@code nextSlot}. */
public record VmSnapshotScheduleSetEvent(VmId vmId, SnapshotFrequency frequency, String timeOfDay,
                                         DayOfWeek dayOfWeek, int retain, Instant nextSlot) {
}
