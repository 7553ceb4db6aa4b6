package com.nettoria.query.vm;

import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.vm.FindVmOperationsQuery;
import com.nettoria.coreapi.vm.FindVmQuery;
import com.nettoria.coreapi.vm.FindVmSnapshotsQuery;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmRebuiltEvent;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.query.identity.Projector;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.vm.VmEvents.BASIC_2;
import static com.nettoria.query.vm.VmEvents.PLACEMENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a rebuild and a suspension show in the VM, operation and snapshot read models, against a real PostgreSQL with
 * the query side's migrations: a VM being rebuilt is REBUILDING until its operation ends and keeps no snapshot; a
 * suspended VM shows why until it is unsuspended; each is an operation with who asked for it.
 */
class VmRebuildAndSuspensionProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private static final OperatingSystemId UBUNTU = new OperatingSystemId("ubuntu-24");

    private JdbcTemplate jdbc;
    private VmProjection vms;
    private VmOperationProjection operations;
    private VmSnapshotProjection snapshots;
    private Projector projector;
    private VmEvents vm;

    @BeforeEach
    void newProjectionsOnEmptyReadModels() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm", "vm_operation", "vm_snapshot");
        vms = new VmProjection(jdbc);
        operations = new VmOperationProjection(jdbc);
        snapshots = new VmSnapshotProjection(jdbc);
        projector = new Projector(vms, operations, snapshots);
        vm = VmEvents.of("customer-sara", "key-1");
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
    }

    private VmView view() {
        return vms.handle(new FindVmQuery(vm.vmId())).orElseThrow();
    }

    private List<VmOperationView> operationList() {
        return operations.handle(new FindVmOperationsQuery(vm.vmId(), 0, 20)).items();
    }

    private VmRebuildRequestedEvent rebuildRequested(String operationId) {
        return new VmRebuildRequestedEvent(vm.vmId(), operationId, UBUNTU, "tpl-ubuntu-24", null, "sealed", BASIC_2,
                PLACEMENT, vm.vmId().vcenterName(), "old-uuid");
    }

    @Test
    void aRebuiltVmIsRebuildingUntilItsOperationEndsThenActiveWithItsNewSystemAndAddressAndNoSnapshots() {
        projector.handle(
                vm.next(vm.snapshotRequested("op-s1", "snap-1", "a")),
                vm.next(vm.snapshotTaken("snap-1", "a")),
                vm.next(vm.succeeded("op-s1")),
                vm.next(rebuildRequested("op-r1"), VmEvents.request("customer-sara", "customer-request")));

        VmView rebuilding = view();
        assertThat(rebuilding.status()).isEqualTo(VmStatus.REBUILDING);
        assertThat(rebuilding.lastOperation().kind()).isEqualTo(VmOperationKind.REBUILD);
        assertThat(rebuilding.lastOperation().status()).isEqualTo(VmOperationStatus.REQUESTED);
        assertThat(rebuilding.operatingSystemId().value()).isEqualTo("debian-12");

        projector.handle(
                vm.next(vm.snapshotDeleted("snap-1")),
                vm.next(vm.power(PowerState.ON, PowerState.OFF, "rebuild")),
                vm.next(new VmRebuiltEvent(vm.vmId(), "op-r1", UBUNTU, "vm-2001", "new-uuid", "ds-1")),
                vm.next(vm.power(PowerState.OFF, PowerState.ON, "rebuild")),
                vm.next(vm.ip("185.8.172.99")));
        assertThat(view().status()).isEqualTo(VmStatus.REBUILDING);
        assertThat(snapshots.handle(new FindVmSnapshotsQuery(vm.vmId()))).isEmpty();

        projector.handle(vm.next(vm.succeeded("op-r1")));

        VmView rebuilt = view();
        assertThat(rebuilt.status()).isEqualTo(VmStatus.ACTIVE);
        assertThat(rebuilt.operatingSystemId()).isEqualTo(UBUNTU);
        assertThat(rebuilt.ipAddress()).isEqualTo("185.8.172.99");
        assertThat(rebuilt.powerState()).isEqualTo(PowerState.ON);
        assertThat(rebuilt.lastOperation().status()).isEqualTo(VmOperationStatus.SUCCEEDED);
        assertThat(operationList()).first().satisfies(operation -> {
            assertThat(operation.kind()).isEqualTo(VmOperationKind.REBUILD);
            assertThat(operation.status()).isEqualTo(VmOperationStatus.SUCCEEDED);
            assertThat(operation.requestedBy()).isEqualTo("customer-sara");
        });
    }

    @Test
    void aFailedRebuildLeavesTheVmActiveWithTheFailureOnItsOperation() {
        projector.handle(
                vm.next(rebuildRequested("op-r1")),
                vm.next(vm.operationFailed("op-r1")));

        VmView view = view();
        assertThat(view.status()).isEqualTo(VmStatus.ACTIVE);
        assertThat(view.operatingSystemId().value()).isEqualTo("debian-12");
        assertThat(view.lastOperation().status()).isEqualTo(VmOperationStatus.FAILED);
        assertThat(view.lastOperation().code()).isEqualTo("vcenter.task-failed");
        assertThat(operationList()).first().satisfies(operation ->
                assertThat(operation.reason()).isEqualTo("the host is in maintenance mode"));
    }

    @Test
    void aSuspendedVmShowsWhyUntilItIsUnsuspendedAndBothAreOperationsOfTheAdministrator() {
        MetaData admin = VmEvents.request("admin-ali", "admin-request");
        projector.handle(
                vm.next(new VmSuspendedEvent(vm.vmId(), "op-x1", "invoice 1042 unpaid", PowerState.ON, "DC-Tehran",
                        vm.vmId().vcenterName()), admin),
                vm.next(vm.power(PowerState.ON, PowerState.OFF, "suspend")),
                vm.next(vm.succeeded("op-x1")));

        VmView suspended = view();
        assertThat(suspended.status()).isEqualTo(VmStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).isEqualTo("invoice 1042 unpaid");
        assertThat(suspended.powerState()).isEqualTo(PowerState.OFF);
        assertThat(suspended.lastOperation().kind()).isEqualTo(VmOperationKind.SUSPEND);

        projector.handle(
                vm.next(new VmUnsuspendedEvent(vm.vmId(), "op-u1", true, "DC-Tehran", vm.vmId().vcenterName()),
                        admin),
                vm.next(vm.power(PowerState.OFF, PowerState.ON, "unsuspend")),
                vm.next(vm.succeeded("op-u1")));

        VmView unsuspended = view();
        assertThat(unsuspended.status()).isEqualTo(VmStatus.ACTIVE);
        assertThat(unsuspended.suspensionReason()).isNull();
        assertThat(unsuspended.powerState()).isEqualTo(PowerState.ON);
        assertThat(operationList()).extracting(VmOperationView::kind)
                .containsExactly(VmOperationKind.UNSUSPEND, VmOperationKind.SUSPEND);
        assertThat(operationList()).extracting(VmOperationView::requestedBy).containsOnly("admin-ali");
    }

    @Test
    void theSameEventsAgainChangeNothing() {
        var history = List.of(
                vm.next(rebuildRequested("op-r1")),
                vm.next(new VmRebuiltEvent(vm.vmId(), "op-r1", UBUNTU, "vm-2001", "new-uuid", "ds-1")),
                vm.next(vm.succeeded("op-r1")),
                vm.next(new VmSuspendedEvent(vm.vmId(), "op-x1", "abuse report", PowerState.ON, "DC-Tehran",
                        vm.vmId().vcenterName())));
        projector.handle(history);
        List<String> vmRows = rows(jdbc, "vm", "vm_id");
        List<String> operationRows = rows(jdbc, "vm_operation", "operation_id");

        projector.handle(history);

        assertThat(rows(jdbc, "vm", "vm_id")).isEqualTo(vmRows);
        assertThat(rows(jdbc, "vm_operation", "operation_id")).isEqualTo(operationRows);
    }
}
