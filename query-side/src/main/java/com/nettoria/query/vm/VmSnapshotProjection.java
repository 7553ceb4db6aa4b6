package com.nettoria.query.vm;

import com.nettoria.coreapi.vm.FindVmSnapshotScheduleQuery;
import com.nettoria.coreapi.vm.FindVmSnapshotsQuery;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotSkippedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotKind;
import com.nettoria.coreapi.vm.VmSnapshotRestoredEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleSetEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleView;
import com.nettoria.coreapi.vm.VmSnapshotStatus;
import com.nettoria.coreapi.vm.VmSnapshotTakenEvent;
import com.nettoria.coreapi.vm.VmSnapshotView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The VM snapshots read model: one row per snapshot a VM keeps, with its owner's name for it, where it is
 * ({@link VmSnapshotStatus}) and who took it ({@link VmSnapshotKind}); and beside it each VM's backup schedule,
 * with the slot it waits for and what became of the last one. A snapshot that could not be taken goes away, one that
 * could not be deleted is available again. Every change is guarded by the VM aggregate's sequence number, so a
 * repeated event changes nothing and the projection can be replayed from zero.
 */
@Component
@ProcessingGroup(VmSnapshotProjection.PROCESSING_GROUP)
public class VmSnapshotProjection {

    public static final String PROCESSING_GROUP = "vm-snapshot-projection";

    private final JdbcTemplate jdbc;

    public VmSnapshotProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VmSnapshotRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                INSERT INTO vm_snapshot (vm_id, snapshot_id, name, description, status, operation_id,
                                         pending_operation_id, requested_at, sequence_no, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vm_id, snapshot_id) DO NOTHING""",
                event.vmId().value(), event.snapshotId(), event.name(), event.description(),
                VmSnapshotStatus.CREATING.name(), event.operationId(), event.operationId(),
                Timestamp.from(occurredAt), sequence, sequence);
    }

    @EventHandler
    void on(VmScheduledSnapshotRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                INSERT INTO vm_snapshot (vm_id, snapshot_id, name, description, status, operation_id,
                                         pending_operation_id, requested_at, sequence_no, last_sequence, kind)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vm_id, snapshot_id) DO NOTHING""",
                event.vmId().value(), event.snapshotId(), event.name(), VmSnapshotStatus.CREATING.name(),
                event.operationId(), event.operationId(), Timestamp.from(occurredAt), sequence, sequence,
                VmSnapshotKind.SCHEDULED.name());
        changeSchedule(event.vmId(), sequence, occurredAt, "next_slot = ?, last_slot = ?, last_skip_reason = NULL",
                Timestamp.from(event.nextSlot()), Timestamp.from(event.slot()));
    }

    @EventHandler
    void on(VmScheduledSnapshotSkippedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        changeSchedule(event.vmId(), sequence, occurredAt, "next_slot = ?, last_slot = ?, last_skip_reason = ?",
                Timestamp.from(event.nextSlot()), Timestamp.from(event.slot()), event.reason());
    }

    /** A new schedule replaces the old one; what became of the last slot stays. */
    @EventHandler
    void on(VmSnapshotScheduleSetEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        jdbc.update("""
                INSERT INTO vm_snapshot_schedule (vm_id, frequency, time_of_day, day_of_week, retain, next_slot,
                                                  updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vm_id) DO UPDATE SET frequency = EXCLUDED.frequency, time_of_day = EXCLUDED.time_of_day,
                       day_of_week = EXCLUDED.day_of_week, retain = EXCLUDED.retain, next_slot = EXCLUDED.next_slot,
                       updated_at = EXCLUDED.updated_at, last_sequence = EXCLUDED.last_sequence
                 WHERE vm_snapshot_schedule.last_sequence < EXCLUDED.last_sequence""",
                event.vmId().value(), event.frequency().name(), event.timeOfDay(),
                event.dayOfWeek() == null ? null : event.dayOfWeek().name(), event.retain(),
                Timestamp.from(event.nextSlot()), Timestamp.from(occurredAt), sequence);
    }

    @EventHandler
    void on(VmSnapshotScheduleClearedEvent event, @SequenceNumber long sequence) {
        jdbc.update("DELETE FROM vm_snapshot_schedule WHERE vm_id = ? AND last_sequence < ?", event.vmId().value(),
                sequence);
    }

    @EventHandler
    void on(VmSnapshotTakenEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), event.snapshotId(), sequence,
                "status = ?, vcenter_snapshot_ref = ?, taken_at = ?, pending_operation_id = NULL",
                VmSnapshotStatus.AVAILABLE.name(), event.vcenterSnapshotRef(), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(VmSnapshotRestoredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), event.snapshotId(), sequence, "restored_at = ?", Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(VmSnapshotDeletionRequestedEvent event, @SequenceNumber long sequence) {
        change(event.vmId(), event.snapshotId(), sequence, "status = ?, pending_operation_id = ?",
                VmSnapshotStatus.DELETING.name(), event.operationId());
    }

    @EventHandler
    void on(VmSnapshotDeletedEvent event) {
        jdbc.update("DELETE FROM vm_snapshot WHERE vm_id = ? AND snapshot_id = ?", event.vmId().value(),
                event.snapshotId());
    }

    @EventHandler
    void on(VmOperationSucceededEvent event, @SequenceNumber long sequence) {
        jdbc.update("""
                UPDATE vm_snapshot SET pending_operation_id = NULL, last_sequence = ?
                 WHERE vm_id = ? AND pending_operation_id = ? AND last_sequence < ?""",
                sequence, event.vmId().value(), event.operationId(), sequence);
    }

    /** A snapshot that could not be taken is none; one that could not be deleted is available again. */
    @EventHandler
    void on(VmOperationFailedEvent event, @SequenceNumber long sequence) {
        jdbc.update("DELETE FROM vm_snapshot WHERE vm_id = ? AND pending_operation_id = ? AND status = ?",
                event.vmId().value(), event.operationId(), VmSnapshotStatus.CREATING.name());
        jdbc.update("""
                UPDATE vm_snapshot SET status = ?, pending_operation_id = NULL, last_sequence = ?
                 WHERE vm_id = ? AND pending_operation_id = ? AND status = ? AND last_sequence < ?""",
                VmSnapshotStatus.AVAILABLE.name(), sequence, event.vmId().value(), event.operationId(),
                VmSnapshotStatus.DELETING.name(), sequence);
    }

    /** A VM gone from vCenter took its snapshots with it. */
    @EventHandler
    void on(VmDestroyedEvent event) {
        jdbc.update("DELETE FROM vm_snapshot WHERE vm_id = ?", event.vmId().value());
        // its schedule ends too (the VM records that when its next slot comes due)
        jdbc.update("DELETE FROM vm_snapshot_schedule WHERE vm_id = ?", event.vmId().value());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM vm_snapshot");
        jdbc.update("DELETE FROM vm_snapshot_schedule");
    }

    /** Applies {@code assignments} to the VM's schedule unless this event (or a later one) was applied to it. */
    private void changeSchedule(VmId vmId, long sequence, Instant occurredAt,
                                String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(Timestamp.from(occurredAt));
        arguments.add(sequence);
        arguments.add(vmId.value());
        arguments.add(sequence);
        jdbc.update("UPDATE vm_snapshot_schedule SET " + assignments + ", updated_at = ?, last_sequence = ?"
                + " WHERE vm_id = ? AND last_sequence < ?", arguments.toArray());
    }

    /** Applies {@code assignments} unless this event (or a later one) of the VM was applied to the snapshot. */
    private void change(VmId vmId, String snapshotId, long sequence, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(sequence);
        arguments.add(vmId.value());
        arguments.add(snapshotId);
        arguments.add(sequence);
        jdbc.update("UPDATE vm_snapshot SET " + assignments + ", last_sequence = ?"
                + " WHERE vm_id = ? AND snapshot_id = ? AND last_sequence < ?", arguments.toArray());
    }

    @QueryHandler
    public List<VmSnapshotView> handle(FindVmSnapshotsQuery query) {
        return jdbc.query("SELECT * FROM vm_snapshot WHERE vm_id = ? ORDER BY sequence_no", SNAPSHOT,
                query.vmId().value());
    }

    @QueryHandler
    public Optional<VmSnapshotScheduleView> handle(FindVmSnapshotScheduleQuery query) {
        return jdbc.query("SELECT * FROM vm_snapshot_schedule WHERE vm_id = ?", SCHEDULE, query.vmId().value())
                .stream().findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<VmSnapshotView> SNAPSHOT = (rs, row) -> new VmSnapshotView(
            new VmId(rs.getString("vm_id")),
            rs.getString("snapshot_id"),
            rs.getString("name"),
            rs.getString("description"),
            VmSnapshotStatus.valueOf(rs.getString("status")),
            rs.getString("operation_id"),
            rs.getTimestamp("requested_at").toInstant(),
            instant(rs.getTimestamp("taken_at")),
            instant(rs.getTimestamp("restored_at")),
            VmSnapshotKind.valueOf(rs.getString("kind")));

    private static final RowMapper<VmSnapshotScheduleView> SCHEDULE = (rs, row) -> new VmSnapshotScheduleView(
            new VmId(rs.getString("vm_id")),
            SnapshotFrequency.valueOf(rs.getString("frequency")),
            rs.getString("time_of_day"),
            rs.getString("day_of_week") == null ? null : DayOfWeek.valueOf(rs.getString("day_of_week")),
            rs.getInt("retain"),
            rs.getTimestamp("next_slot").toInstant(),
            instant(rs.getTimestamp("last_slot")),
            rs.getString("last_skip_reason"),
            rs.getTimestamp("updated_at").toInstant());
}
