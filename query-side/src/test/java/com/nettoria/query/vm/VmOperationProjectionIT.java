package com.nettoria.query.vm;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.vm.FindVmOperationQuery;
import com.nettoria.coreapi.vm.FindVmOperationsQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.VmOperationKind;
import com.nettoria.coreapi.vm.VmOperationPage;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.query.identity.Projector;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.vm.VmEvents.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The VM operations read model against a real PostgreSQL with the query side's own migrations. */
class VmOperationProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private VmOperationProjection projection;
    private Projector projector;
    private VmEvents vm;

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm_operation");
        projection = new VmOperationProjection(jdbc);
        projector = new Projector(projection);
        vm = VmEvents.of("customer-sara", "key-1");
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
    }

    @Test
    void aPowerRequestIsRecordedWithWhoAskedForIt() {
        projector.handle(vm.next(vm.powerRequested("op-1", PowerAction.FORCE_OFF),
                request("customer-sara", Causation.CauseType.CUSTOMER_REQUEST)));

        VmOperationView view = find("op-1");
        assertThat(view.operationId()).isEqualTo("op-1");
        assertThat(view.vmId()).isEqualTo(vm.vmId());
        assertThat(view.kind()).isEqualTo(VmOperationKind.FORCE_OFF);
        assertThat(view.status()).isEqualTo(VmOperationStatus.REQUESTED);
        assertThat(view.requestedBy()).isEqualTo("customer-sara");
        assertThat(view.requestedAt()).isEqualTo(vm.lastTime());
        assertThat(view.finishedAt()).isNull();
        assertThat(view.code()).isNull();
        assertThat(jdbc.queryForObject("SELECT cause_type FROM vm_operation WHERE operation_id = 'op-1'", String.class))
                .isEqualTo(Causation.CauseType.CUSTOMER_REQUEST);
    }

    @Test
    void eachPowerActionAndTheDeletionIsAnOperationOfItsKind() {
        projector.handle(
                vm.next(vm.powerRequested("on", PowerAction.ON)),
                vm.next(vm.powerRequested("off", PowerAction.OFF)),
                vm.next(vm.powerRequested("reset", PowerAction.RESET)),
                vm.next(vm.powerRequested("force-off", PowerAction.FORCE_OFF)),
                vm.next(vm.deletionRequested("delete"), request("admin-7", Causation.CauseType.ADMIN_REQUEST)));

        assertThat(page(0, 10).items()).extracting(VmOperationView::operationId, VmOperationView::kind)
                .containsExactly(
                        tuple("delete", VmOperationKind.DELETE),
                        tuple("force-off", VmOperationKind.FORCE_OFF),
                        tuple("reset", VmOperationKind.RESET),
                        tuple("off", VmOperationKind.POWER_OFF),
                        tuple("on", VmOperationKind.POWER_ON));
        assertThat(find("delete").requestedBy()).isEqualTo("admin-7");
    }

    @Test
    void takingRestoringAndDeletingASnapshotAreOperationsOfTheirKind() {
        projector.handle(
                vm.next(vm.snapshotRequested("take", "snap-1", "a"),
                        request("customer-sara", Causation.CauseType.CUSTOMER_REQUEST)),
                vm.next(vm.restoreRequested("restore", "snap-1")),
                vm.next(vm.snapshotDeletionRequested("delete", "snap-1")));

        assertThat(page(0, 10).items()).extracting(VmOperationView::operationId, VmOperationView::kind)
                .containsExactly(
                        tuple("delete", VmOperationKind.DELETE_SNAPSHOT),
                        tuple("restore", VmOperationKind.RESTORE_SNAPSHOT),
                        tuple("take", VmOperationKind.SNAPSHOT));
        assertThat(find("take").requestedBy()).isEqualTo("customer-sara");
    }

    @Test
    void anOperationEndsSucceededOrFailedWithWhy() {
        projector.handle(
                vm.next(vm.powerRequested("op-1", PowerAction.OFF)),
                vm.next(vm.powerRequested("op-2", PowerAction.ON)),
                vm.next(vm.succeeded("op-1")));
        Instant firstEnded = vm.lastTime();
        projector.handle(vm.next(vm.operationFailed("op-2")));

        VmOperationView succeeded = find("op-1");
        assertThat(succeeded.status()).isEqualTo(VmOperationStatus.SUCCEEDED);
        assertThat(succeeded.finishedAt()).isEqualTo(firstEnded);
        assertThat(succeeded.code()).isNull();
        VmOperationView failed = find("op-2");
        assertThat(failed.status()).isEqualTo(VmOperationStatus.FAILED);
        assertThat(failed.code()).isEqualTo("vcenter.task-failed");
        assertThat(failed.reason()).isEqualTo("the host is in maintenance mode");
        assertThat(failed.finishedAt()).isEqualTo(vm.lastTime());
    }

    @Test
    void operationsArePagedNewestFirstAndKeptApartByVm() {
        for (int i = 1; i <= 5; i++) {
            projector.handle(vm.next(vm.powerRequested("op-" + i, PowerAction.RESET)));
        }
        VmEvents other = VmEvents.of("customer-reza", "key-1");
        projector.handle(other.next(other.registered("other")), other.next(other.powerRequested("op-1", PowerAction.ON)));

        VmOperationPage first = page(0, 2);
        VmOperationPage last = page(2, 2);

        assertThat(first.items()).extracting(VmOperationView::operationId).containsExactly("op-5", "op-4");
        assertThat(first.totalItems()).isEqualTo(5);
        assertThat(last.items()).extracting(VmOperationView::operationId).containsExactly("op-1");
        assertThat(find("op-1").kind()).isEqualTo(VmOperationKind.RESET);
        assertThat(projection.handle(new FindVmOperationQuery(other.vmId(), "op-1"))).get()
                .extracting(VmOperationView::kind).isEqualTo(VmOperationKind.POWER_ON);
        assertThat(projection.handle(new FindVmOperationQuery(other.vmId(), "op-2"))).isEmpty();
    }

    @Test
    void aRepeatedRequestOrResultChangesNothing() {
        DomainEventMessage<?> requested = vm.next(vm.powerRequested("op-1", PowerAction.OFF),
                request("customer-sara", Causation.CauseType.CUSTOMER_REQUEST));
        DomainEventMessage<?> failed = vm.next(vm.operationFailed("op-1"));
        projector.handle(requested, failed);
        List<String> before = rows(jdbc, "vm_operation", "operation_id");

        projector.handle(requested, failed, vm.next(vm.powerRequested("op-1", PowerAction.ON)));

        assertThat(rows(jdbc, "vm_operation", "operation_id")).isEqualTo(before);
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameReadModel() {
        List<DomainEventMessage<?>> stream = new ArrayList<>(List.of(
                vm.next(vm.powerRequested("op-1", PowerAction.OFF), request("customer-sara", "customer-request")),
                vm.next(vm.succeeded("op-1")),
                vm.next(vm.deletionRequested("op-2"), request("admin-7", "admin-request")),
                vm.next(vm.operationFailed("op-2"))));
        projector.handle(stream);
        List<String> before = rows(jdbc, "vm_operation", "operation_id");

        projector.reset();
        assertThat(count(jdbc, "vm_operation")).isZero();
        projector.handle(stream);

        assertThat(rows(jdbc, "vm_operation", "operation_id")).isEqualTo(before);
    }

    private VmOperationView find(String operationId) {
        return projection.handle(new FindVmOperationQuery(vm.vmId(), operationId)).orElseThrow();
    }

    private VmOperationPage page(int page, int size) {
        return projection.handle(new FindVmOperationsQuery(vm.vmId(), page, size));
    }
}
