package com.nettoria.command.vm;

import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.vm.ClearVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotTakenCommand;
import com.nettoria.coreapi.vm.SetVmSnapshotScheduleCommand;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.TakeScheduledVmSnapshotCommand;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotSkippedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotSchedule;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleSetEvent;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.operationSucceeded;

/**
 * Test data of a VM's backup schedule: a daily one at 03:00 UTC keeping two automatic snapshots, set on a Friday
 * morning ({@link #NOW}), and the slots it comes due at.
 */
final class BackupScheduleTestData {

    /** Friday 27 November 2026, 10:00 UTC. */
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant FIRST_SLOT = Instant.parse("2026-11-28T03:00:00Z");
    static final Instant SECOND_SLOT = Instant.parse("2026-11-29T03:00:00Z");
    static final Instant THIRD_SLOT = Instant.parse("2026-11-30T03:00:00Z");
    static final Instant FOURTH_SLOT = Instant.parse("2026-12-01T03:00:00Z");
    static final VmSnapshotSchedule DAILY = new VmSnapshotSchedule(SnapshotFrequency.DAILY, "03:00", null, 2);
    /** Sundays at 23:30 UTC, keeping four. */
    static final VmSnapshotSchedule WEEKLY = new VmSnapshotSchedule(SnapshotFrequency.WEEKLY, "23:30",
            DayOfWeek.SUNDAY, 4);

    private BackupScheduleTestData() {
    }

    static SetVmSnapshotScheduleCommand setSchedule(CustomerId by, VmSnapshotSchedule schedule) {
        return new SetVmSnapshotScheduleCommand(VM, by, schedule);
    }

    static VmSnapshotScheduleSetEvent scheduleSet(VmSnapshotSchedule schedule, Instant nextSlot) {
        return new VmSnapshotScheduleSetEvent(VM, schedule.frequency(), schedule.timeOfDay(), schedule.dayOfWeek(),
                schedule.retain(), nextSlot);
    }

    static ClearVmSnapshotScheduleCommand clearSchedule(CustomerId by) {
        return new ClearVmSnapshotScheduleCommand(VM, by);
    }

    static VmSnapshotScheduleClearedEvent scheduleCleared(String reason) {
        return new VmSnapshotScheduleClearedEvent(VM, reason);
    }

    static TakeScheduledVmSnapshotCommand runSlot(Instant slot) {
        return new TakeScheduledVmSnapshotCommand(VM, slot);
    }

    /** The operation of the slot's snapshot, spelled out (not computed) so that a change of the rule shows. */
    static String slotOperation(Instant slot) {
        return "scheduled-snapshot-" + slot.toString().replace(":00Z", "Z");
    }

    static String slotSnapshotId(Instant slot) {
        return VmSnapshots.idFor(VM, slotOperation(slot));
    }

    static VmScheduledSnapshotRequestedEvent slotRequested(Instant slot, Instant nextSlot) {
        String snapshotId = slotSnapshotId(slot);
        return new VmScheduledSnapshotRequestedEvent(VM, slotOperation(slot), snapshotId,
                "auto-" + slot.toString().replace(":00Z", "Z"), slot, nextSlot, VCENTER_DATACENTER, VCENTER_NAME,
                "nettoria-" + snapshotId);
    }

    static RecordVmSnapshotTakenCommand recordSlotTaken(Instant slot) {
        return new RecordVmSnapshotTakenCommand(VM, slotSnapshotId(slot), "snapshot-" + slotOperation(slot));
    }

    static VmSnapshotTakenEvent slotTaken(Instant slot) {
        return new VmSnapshotTakenEvent(VM, slotSnapshotId(slot), "auto-" + slot.toString().replace(":00Z", "Z"),
                null, "snapshot-" + slotOperation(slot));
    }

    /** The slot's snapshot asked for, taken in vCenter, and its operation ended; the schedule waits for the next. */
    static List<Object> slotKept(Instant slot, Instant nextSlot) {
        return List.of(slotRequested(slot, nextSlot), slotTaken(slot), operationSucceeded(slotOperation(slot)));
    }

    static VmScheduledSnapshotSkippedEvent slotSkipped(Instant slot, Instant nextSlot, VmStatus status,
                                                       String reason) {
        return new VmScheduledSnapshotSkippedEvent(VM, slot, nextSlot, status, reason);
    }

    /** Retention deleting the automatic snapshot of {@code oldSlot} after the slot {@code slot} came due. */
    static VmSnapshotDeletionRequestedEvent retired(Instant slot, Instant oldSlot) {
        String snapshotId = slotSnapshotId(oldSlot);
        return new VmSnapshotDeletionRequestedEvent(VM,
                "snapshot-retention-" + slot.toString().replace(":00Z", "Z") + "-" + snapshotId, snapshotId,
                VCENTER_DATACENTER, VCENTER_NAME, "nettoria-" + snapshotId);
    }
}
