package com.nettoria.query.vm;

import com.nettoria.coreapi.vm.FindVmSnapshotsQuery;
import com.nettoria.coreapi.vm.VmSnapshotStatus;
import com.nettoria.coreapi.vm.VmSnapshotView;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The VM snapshots read model against a real PostgreSQL with the query side's own migrations. */
class VmSnapshotProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private VmSnapshotProjection projection;
    private Projector projector;
    private VmEvents vm;

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm_snapshot");
        projection = new VmSnapshotProjection(jdbc);
        projector = new Projector(projection);
        vm = VmEvents.of("customer-sara", "key-1");
        projector.handle(vm.provisioning("web-1", "185.8.172.10"));
    }

    @Test
    void aSnapshotIsListedWhileItIsTakenAndAvailableOnceVcenterHoldsIt() {
        projector.handle(vm.next(vm.snapshotRequested("op-1", "snap-1", "before upgrade")));
        Instant requestedAt = vm.lastTime();

        assertThat(snapshots()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.snapshotId()).isEqualTo("snap-1");
            assertThat(snapshot.name()).isEqualTo("before upgrade");
            assertThat(snapshot.description()).isEqualTo("before before upgrade");
            assertThat(snapshot.status()).isEqualTo(VmSnapshotStatus.CREATING);
            assertThat(snapshot.operationId()).isEqualTo("op-1");
            assertThat(snapshot.requestedAt()).isEqualTo(requestedAt);
            assertThat(snapshot.takenAt()).isNull();
        });

        projector.handle(vm.next(vm.snapshotTaken("snap-1", "before upgrade")), vm.next(vm.succeeded("op-1")));

        VmSnapshotView taken = snapshots().get(0);
        assertThat(taken.status()).isEqualTo(VmSnapshotStatus.AVAILABLE);
        assertThat(taken.takenAt()).isEqualTo(vm.lastTime().minusSeconds(1));
    }

    @Test
    void aSnapshotThatCouldNotBeTakenIsNotListed() {
        projector.handle(vm.next(vm.snapshotRequested("op-1", "snap-1", "a")), vm.next(vm.operationFailed("op-1")));

        assertThat(snapshots()).isEmpty();
    }

    @Test
    void aRestoreIsShownOnTheSnapshot() {
        projector.handle(kept("op-1", "snap-1", "a"));
        projector.handle(vm.next(vm.restoreRequested("op-2", "snap-1")), vm.next(vm.restored("op-2", "snap-1")));

        assertThat(snapshots().get(0).restoredAt()).isEqualTo(vm.lastTime());
        assertThat(snapshots().get(0).status()).isEqualTo(VmSnapshotStatus.AVAILABLE);
    }

    @Test
    void aSnapshotBeingDeletedIsGoneOnceDeletedAndAvailableAgainWhenTheDeletionFailed() {
        projector.handle(kept("op-1", "snap-1", "a"));
        projector.handle(kept("op-2", "snap-2", "b"));
        projector.handle(vm.next(vm.snapshotDeletionRequested("op-3", "snap-1")),
                vm.next(vm.snapshotDeletionRequested("op-4", "snap-2")));

        assertThat(snapshots()).extracting(VmSnapshotView::snapshotId, VmSnapshotView::status).containsExactly(
                tuple("snap-1", VmSnapshotStatus.DELETING), tuple("snap-2", VmSnapshotStatus.DELETING));

        projector.handle(vm.next(vm.snapshotDeleted("snap-1")), vm.next(vm.succeeded("op-3")),
                vm.next(vm.operationFailed("op-4")));

        assertThat(snapshots()).extracting(VmSnapshotView::snapshotId, VmSnapshotView::status)
                .containsExactly(tuple("snap-2", VmSnapshotStatus.AVAILABLE));
    }

    @Test
    void aDestroyedVmListsNoSnapshotsAndOtherVmsKeepTheirs() {
        VmEvents other = VmEvents.of("customer-reza", "key-1");
        projector.handle(other.next(other.registered("other")),
                other.next(other.snapshotRequested("op-1", "snap-9", "kept")));
        projector.handle(kept("op-1", "snap-1", "a"));
        projector.handle(vm.next(vm.destroyed("deleted")));

        assertThat(snapshots()).isEmpty();
        assertThat(projection.handle(new FindVmSnapshotsQuery(other.vmId())))
                .extracting(VmSnapshotView::snapshotId).containsExactly("snap-9");
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameReadModel() {
        List<DomainEventMessage<?>> stream = new ArrayList<>();
        stream.addAll(kept("op-1", "snap-1", "a"));
        stream.addAll(kept("op-2", "snap-2", "b"));
        stream.add(vm.next(vm.snapshotDeletionRequested("op-3", "snap-2")));
        projector.handle(stream);
        List<String> before = rows(jdbc, "vm_snapshot", "snapshot_id");

        projector.handle(stream);
        assertThat(rows(jdbc, "vm_snapshot", "snapshot_id")).isEqualTo(before);
        projector.reset();
        assertThat(count(jdbc, "vm_snapshot")).isZero();
        projector.handle(stream);

        assertThat(rows(jdbc, "vm_snapshot", "snapshot_id")).isEqualTo(before);
    }

    private List<DomainEventMessage<?>> kept(String operationId, String snapshotId, String name) {
        return List.of(vm.next(vm.snapshotRequested(operationId, snapshotId, name)),
                vm.next(vm.snapshotTaken(snapshotId, name)), vm.next(vm.succeeded(operationId)));
    }

    private List<VmSnapshotView> snapshots() {
        return projection.handle(new FindVmSnapshotsQuery(vm.vmId()));
    }
}
