package com.nettoria.query.vm;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.vm.FindVmOperationQuery;
import com.nettoria.coreapi.vm.FindVmOperationsQuery;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationPage;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The VM operations read model: one row per power, delete, snapshot, rebuild or (un)suspend operation requested on
 * a VM, who asked for it (the request's causation metadata) and how it ended in vCenter. An operation is keyed by its VM and id, so a repeated
 * request adds nothing; its end is applied once, guarded by the VM aggregate's sequence number, so the projection
 * can be replayed from zero.
 */
@Component
@ProcessingGroup(VmOperationProjection.PROCESSING_GROUP)
public class VmOperationProjection {

    public static final String PROCESSING_GROUP = "vm-operation-projection";

    private final JdbcTemplate jdbc;

    public VmOperationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VmPowerRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.of(event.action()), sequence, occurredAt,
                metaData);
    }

    @EventHandler
    void on(VmDeletionRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.DELETE, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmSnapshotRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.SNAPSHOT, sequence, occurredAt, metaData);
    }

    /** The backup schedule's snapshot is an operation of the VM's like its owner's, requested by nobody. */
    @EventHandler
    void on(VmScheduledSnapshotRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.SNAPSHOT, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmSnapshotRestoreRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.RESTORE_SNAPSHOT, sequence, occurredAt,
                metaData);
    }

    @EventHandler
    void on(VmSnapshotDeletionRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.DELETE_SNAPSHOT, sequence, occurredAt,
                metaData);
    }

    @EventHandler
    void on(VmScaleRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.SCALE, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmRebuildRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.REBUILD, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmSuspendedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.SUSPEND, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmUnsuspendedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        requested(event.vmId(), event.operationId(), VmOperationKind.UNSUSPEND, sequence, occurredAt, metaData);
    }

    @EventHandler
    void on(VmOperationSucceededEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        ended(event.vmId(), event.operationId(), VmOperationStatus.SUCCEEDED, null, null, sequence, occurredAt);
    }

    @EventHandler
    void on(VmOperationFailedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        ended(event.vmId(), event.operationId(), VmOperationStatus.FAILED, event.code(), event.reason(), sequence,
                occurredAt);
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM vm_operation");
    }

    private void requested(VmId vmId, String operationId, VmOperationKind kind, long sequence, Instant occurredAt,
                           MetaData metaData) {
        jdbc.update("""
                INSERT INTO vm_operation (vm_id, operation_id, kind, status, requested_by, cause_type, requested_at,
                                          sequence_no, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vm_id, operation_id) DO NOTHING""",
                vmId.value(), operationId, kind.name(), VmOperationStatus.REQUESTED.name(),
                text(metaData, Causation.ACTOR_ID), text(metaData, Causation.CAUSE_TYPE), Timestamp.from(occurredAt),
                sequence, sequence);
    }

    private void ended(VmId vmId, String operationId, VmOperationStatus status, String code, String reason,
                       long sequence, Instant occurredAt) {
        jdbc.update("""
                UPDATE vm_operation
                   SET status = ?, code = ?, reason = ?, finished_at = ?, last_sequence = ?
                 WHERE vm_id = ? AND operation_id = ? AND last_sequence < ?""",
                status.name(), code, reason, Timestamp.from(occurredAt), sequence, vmId.value(), operationId,
                sequence);
    }

    @QueryHandler
    public Optional<VmOperationView> handle(FindVmOperationQuery query) {
        return jdbc.query("SELECT * FROM vm_operation WHERE vm_id = ? AND operation_id = ?", OPERATION,
                query.vmId().value(), query.operationId()).stream().findFirst();
    }

    @QueryHandler
    public VmOperationPage handle(FindVmOperationsQuery query) {
        List<VmOperationView> items = jdbc.query("""
                        SELECT * FROM vm_operation WHERE vm_id = ?
                         ORDER BY sequence_no DESC LIMIT ? OFFSET ?""",
                OPERATION, query.vmId().value(), query.size(), (long) query.page() * query.size());
        Long total = jdbc.queryForObject("SELECT count(*) FROM vm_operation WHERE vm_id = ?", Long.class,
                query.vmId().value());
        return new VmOperationPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static final RowMapper<VmOperationView> OPERATION = (rs, row) -> {
        Timestamp finishedAt = rs.getTimestamp("finished_at");
        return new VmOperationView(
                rs.getString("operation_id"),
                new VmId(rs.getString("vm_id")),
                VmOperationKind.valueOf(rs.getString("kind")),
                VmOperationStatus.valueOf(rs.getString("status")),
                rs.getString("code"),
                rs.getString("reason"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant());
    };
}
