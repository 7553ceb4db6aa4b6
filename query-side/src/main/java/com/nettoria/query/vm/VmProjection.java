package com.nettoria.query.vm;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.FindCustomerVmsQuery;
import com.nettoria.coreapi.vm.FindVmQuery;
import com.nettoria.coreapi.vm.FindVmsQuery;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.VmConfiguredEvent;
import com.nettoria.coreapi.vm.VmCreatedEvent;
import com.nettoria.coreapi.vm.VmDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmIpAddressAssignedEvent;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmOperationSummary;
import com.nettoria.coreapi.vm.VmPage;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuiltEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmRenamedEvent;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import com.nettoria.coreapi.vm.VmSnapshotDeletionRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmSnapshotRestoreRequestedEvent;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import com.nettoria.coreapi.vm.VmView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The VMs read model: one row per virtual machine with its size, life ({@link VmStatus}), power state, address,
 * how far provisioning got (or where it failed) and the last operation requested on it. Every change is guarded
 * by the VM aggregate's sequence number, so a repeated or older event changes nothing and the projection can be
 * replayed from zero. The provisioning step only moves while the VM is provisioning; a VM being rebuilt is
 * {@code REBUILDING} until its rebuild operation ends, and a suspended one shows why.
 */
@Component
@ProcessingGroup(VmProjection.PROCESSING_GROUP)
public class VmProjection {

    public static final String PROCESSING_GROUP = "vm-projection";

    /** The step a provisioning event shows was reached, set only while the VM is still provisioning. */
    private static final String STEP_WHILE_PROVISIONING =
            "provisioning_step = CASE WHEN status = 'PROVISIONING' THEN ? ELSE provisioning_step END";

    private final JdbcTemplate jdbc;

    public VmProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VmRegisteredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        VmSpec spec = event.spec();
        jdbc.update("""
                INSERT INTO vm (vm_id, order_id, customer_id, hostname, plan_id, vcpus, memory_mib, disk_gib,
                                traffic_gib, period, datacenter_id, operating_system_id, status, power_state,
                                vcenter_name, provisioning_step, created_at, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vm_id) DO NOTHING""",
                event.vmId().value(), event.orderId().value(), event.customerId().value(), event.hostname(),
                event.planId() == null ? null : event.planId().value(), spec.vcpus(), spec.memoryMib(),
                spec.diskGib(), spec.trafficGib(), event.period().name(), event.datacenterId().value(),
                event.operatingSystemId().value(), VmStatus.PROVISIONING.name(), PowerState.UNKNOWN.name(),
                event.vcenterName() == null ? event.vmId().vcenterName() : event.vcenterName(),
                ProvisioningStep.REGISTER.name(), Timestamp.from(occurredAt), Timestamp.from(occurredAt), sequence);
    }

    @EventHandler
    void on(VmCreatedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt, STEP_WHILE_PROVISIONING, ProvisioningStep.CLONE.name());
    }

    @EventHandler
    void on(VmConfiguredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        VmSpec spec = event.spec();
        if (spec == null) {
            change(event.vmId(), sequence, occurredAt, STEP_WHILE_PROVISIONING, ProvisioningStep.CONFIGURE.name());
            return;
        }
        change(event.vmId(), sequence, occurredAt,
                "vcpus = ?, memory_mib = ?, disk_gib = ?, traffic_gib = ?, " + STEP_WHILE_PROVISIONING,
                spec.vcpus(), spec.memoryMib(), spec.diskGib(), spec.trafficGib(), ProvisioningStep.CONFIGURE.name());
    }

    @EventHandler
    void on(VmPowerStateChangedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        if (event.current() == PowerState.ON) {
            change(event.vmId(), sequence, occurredAt, "power_state = ?, " + STEP_WHILE_PROVISIONING,
                    event.current().name(), ProvisioningStep.POWER_ON.name());
        } else {
            change(event.vmId(), sequence, occurredAt, "power_state = ?", event.current().name());
        }
    }

    @EventHandler
    void on(VmIpAddressAssignedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt, "ip_address = ?, " + STEP_WHILE_PROVISIONING,
                event.ipAddress(), ProvisioningStep.WAIT_FOR_IP.name());
    }

    @EventHandler
    void on(VmProvisionedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt,
                "status = ?, ip_address = coalesce(?, ip_address), provisioning_step = ?, provisioned_at = ?",
                VmStatus.ACTIVE.name(), event.ipAddress(), ProvisioningStep.COMPLETE.name(),
                Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(VmProvisioningFailedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt,
                "status = ?, provisioning_step = coalesce(?, provisioning_step), failure_code = ?, failure_reason = ?",
                VmStatus.FAILED.name(), event.step() == null ? null : event.step().name(), event.code(),
                event.reason());
    }

    @EventHandler
    void on(VmPowerRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.of(event.action()));
    }

    @EventHandler
    void on(VmDeletionRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.DELETE);
    }

    @EventHandler
    void on(VmOperationSucceededEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        ended(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationStatus.SUCCEEDED, null);
    }

    @EventHandler
    void on(VmOperationFailedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        ended(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationStatus.FAILED, event.code());
    }

    @EventHandler
    void on(VmSnapshotRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.SNAPSHOT);
    }

    @EventHandler
    void on(VmSnapshotRestoreRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.RESTORE_SNAPSHOT);
    }

    @EventHandler
    void on(VmSnapshotDeletionRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.DELETE_SNAPSHOT);
    }

    @EventHandler
    void on(VmRenamedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt, "hostname = ?", event.hostname());
    }

    @EventHandler
    void on(VmRebuildRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.REBUILD,
                "status = ?", VmStatus.REBUILDING.name());
    }

    @EventHandler
    void on(VmRebuiltEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt, "operating_system_id = ?", event.operatingSystemId().value());
    }

    @EventHandler
    void on(VmSuspendedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.SUSPEND,
                "status = ?, suspension_reason = ?", VmStatus.SUSPENDED.name(), event.reason());
    }

    @EventHandler
    void on(VmUnsuspendedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.UNSUSPEND,
                "status = ?, suspension_reason = NULL", VmStatus.ACTIVE.name());
    }

    /** Gone from vCenter: deleted, unless it is the clean-up of a failed provisioning (the VM stays failed). */
    @EventHandler
    void on(VmDestroyedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.vmId(), sequence, occurredAt, """
                        status = CASE WHEN status = 'FAILED' THEN status ELSE ? END, power_state = ?,
                        deleted_at = coalesce(deleted_at, ?)""",
                VmStatus.DELETED.name(), PowerState.OFF.name(), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(VmScaleRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        requested(event.vmId(), sequence, occurredAt, event.operationId(), VmOperationKind.SCALE);
    }

    /** The new size (and plan, null for a custom size) shows once vCenter runs the VM at it. */
    @EventHandler
    void on(VmScaledEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        VmSpec spec = event.spec();
        change(event.vmId(), sequence, occurredAt,
                "plan_id = ?, vcpus = ?, memory_mib = ?, disk_gib = ?, traffic_gib = ?",
                event.planId() == null ? null : event.planId().value(), spec.vcpus(), spec.memoryMib(),
                spec.diskGib(), spec.trafficGib());
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM vm");
    }

    private void requested(VmId vmId, long sequence, Instant occurredAt, String operationId, VmOperationKind kind) {
        requested(vmId, sequence, occurredAt, operationId, kind, "");
    }

    /** An operation requested that may also change the VM: {@code assignments} with their {@code values}. */
    private void requested(VmId vmId, long sequence, Instant occurredAt, String operationId, VmOperationKind kind,
                           String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.addAll(List.of(operationId, kind.name(), VmOperationStatus.REQUESTED.name(),
                Timestamp.from(occurredAt)));
        change(vmId, sequence, occurredAt, (assignments.isEmpty() ? "" : assignments + ", ") + """
                        last_operation_id = ?, last_operation_kind = ?, last_operation_status = ?,
                        last_operation_code = NULL, last_operation_at = ?""", arguments.toArray());
    }

    /**
     * The end of an operation shows only while it is still the last one requested; the end of a rebuild, well or
     * not, makes the VM active again (nothing else can be requested while it runs).
     */
    private void ended(VmId vmId, long sequence, Instant occurredAt, String operationId, VmOperationStatus status,
                       String code) {
        change(vmId, sequence, occurredAt, """
                        status = CASE WHEN status = 'REBUILDING' AND last_operation_id = ? THEN 'ACTIVE'
                                      ELSE status END,
                        last_operation_status = CASE WHEN last_operation_id = ? THEN ? ELSE last_operation_status END,
                        last_operation_code = CASE WHEN last_operation_id = ? THEN ? ELSE last_operation_code END,
                        last_operation_at = CASE WHEN last_operation_id = ? THEN ? ELSE last_operation_at END""",
                operationId, operationId, status.name(), operationId, code, operationId, Timestamp.from(occurredAt));
    }

    /** Applies {@code assignments} unless this event (or a later one) of the VM was applied already. */
    private void change(VmId vmId, long sequence, Instant occurredAt, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(Timestamp.from(occurredAt));
        arguments.add(sequence);
        arguments.add(vmId.value());
        arguments.add(sequence);
        jdbc.update("UPDATE vm SET " + assignments + ", updated_at = ?, last_sequence = ?"
                + " WHERE vm_id = ? AND last_sequence < ?", arguments.toArray());
    }

    @QueryHandler
    public Optional<VmView> handle(FindVmQuery query) {
        return jdbc.query("SELECT * FROM vm WHERE vm_id = ?", VM, query.vmId().value()).stream().findFirst();
    }

    /** Deleted VMs only when asked for; failed ones are listed (they say what happened to the order). */
    @QueryHandler
    public VmPage handle(FindCustomerVmsQuery query) {
        return page(query.includeDeleted() ? null : VmStatus.DELETED, null, query.customerId(), query.page(),
                query.size());
    }

    @QueryHandler
    public VmPage handle(FindVmsQuery query) {
        return page(null, query.status(), query.customerId(), query.page(), query.size());
    }

    /** Newest first; {@code excluded}, {@code status} and {@code customerId} filter when not null. */
    private VmPage page(VmStatus excluded, VmStatus status, CustomerId customerId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        if (customerId != null) {
            where.append(" AND customer_id = ?");
            arguments.add(customerId.value());
        }
        if (status != null) {
            where.append(" AND status = ?");
            arguments.add(status.name());
        }
        if (excluded != null) {
            where.append(" AND status <> ?");
            arguments.add(excluded.name());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM vm" + where, Long.class, arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(size);
        pageArguments.add((long) page * size);
        List<VmView> items = jdbc.query("SELECT * FROM vm" + where
                + " ORDER BY created_at DESC, vm_id DESC LIMIT ? OFFSET ?", VM, pageArguments.toArray());
        return new VmPage(items, page, size, total == null ? 0 : total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final RowMapper<VmView> VM = (rs, row) -> {
        String planId = rs.getString("plan_id");
        String operationId = rs.getString("last_operation_id");
        return new VmView(
                new VmId(rs.getString("vm_id")),
                new OrderId(rs.getString("order_id")),
                new CustomerId(rs.getString("customer_id")),
                rs.getString("hostname"),
                planId == null ? null : new PlanId(planId),
                new VmSpec(rs.getInt("vcpus"), rs.getInt("memory_mib"), rs.getInt("disk_gib"),
                        rs.getInt("traffic_gib")),
                BillingPeriod.valueOf(rs.getString("period")),
                new DatacenterId(rs.getString("datacenter_id")),
                new OperatingSystemId(rs.getString("operating_system_id")),
                VmStatus.valueOf(rs.getString("status")),
                PowerState.valueOf(rs.getString("power_state")),
                rs.getString("ip_address"),
                rs.getString("vcenter_name"),
                ProvisioningStep.valueOf(rs.getString("provisioning_step")),
                rs.getString("failure_code"),
                rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("provisioned_at")),
                instant(rs.getTimestamp("deleted_at")),
                rs.getTimestamp("updated_at").toInstant(),
                operationId == null ? null : new VmOperationSummary(operationId,
                        VmOperationKind.valueOf(rs.getString("last_operation_kind")),
                        VmOperationStatus.valueOf(rs.getString("last_operation_status")),
                        rs.getString("last_operation_code"),
                        instant(rs.getTimestamp("last_operation_at"))),
                rs.getString("suspension_reason"));
    };
}
