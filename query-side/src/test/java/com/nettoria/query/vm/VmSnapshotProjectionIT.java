package com.nettoria.query.vm;

import com.nettoria.coreapi.vm.FindVmSnapshotScheduleQuery;
import com.nettoria.coreapi.vm.FindVmSnapshotsQuery;
import com.nettoria.coreapi.vm.SnapshotFrequency;
import com.nettoria.coreapi.vm.VmScheduledSnapshotRequestedEvent;
import com.nettoria.coreapi.vm.VmScheduledSnapshotSkippedEvent;
import com.nettoria.coreapi.vm.VmSnapshotKind;
import com.nettoria.coreapi.vm.VmSnapshotScheduleClearedEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleSetEvent;
import com.nettoria.coreapi.vm.VmSnapshotScheduleView;
import com.nettoria.coreapi.vm.VmStatus;
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

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        jdbc = ReadModelDatabase.emptied(DATABASE, "vm_snapshot", "vm_snapshot_schedule");
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

    @Test
    void aScheduledSnapshotIsListedAsScheduledBesideTheOwnersManualOnes() {
        Instant slot = Instant.parse("2026-11-28T03:00:00Z");
        projector.handle(kept("op-1", "snap-1", "a"));
        projector.handle(vm.next(scheduleSet(SnapshotFrequency.DAILY, null, slot)),
                vm.next(scheduledRequested("snap-2", slot, slot.plusSeconds(86_400))),
                vm.next(vm.snapshotTaken("snap-2", "auto-2026-11-28T03:00Z")));

        assertThat(snapshots()).extracting(VmSnapshotView::snapshotId, VmSnapshotView::kind, VmSnapshotView::name,
                VmSnapshotView::status).containsExactly(
                tuple("snap-1", VmSnapshotKind.MANUAL, "a", VmSnapshotStatus.AVAILABLE),
                tuple("snap-2", VmSnapshotKind.SCHEDULED, "auto-2026-11-28T03:00Z", VmSnapshotStatus.AVAILABLE));
    }

    @Test
    void theScheduleShowsTheSlotItWaitsForAndWhatBecameOfTheLastOne() {
        Instant first = Instant.parse("2026-11-29T23:30:00Z");
        Instant second = first.plusSeconds(7 * 86_400);
        projector.handle(vm.next(scheduleSet(SnapshotFrequency.WEEKLY, DayOfWeek.SUNDAY, first)));

        assertThat(schedule()).hasValueSatisfying(schedule -> {
            assertThat(schedule.frequency()).isEqualTo(SnapshotFrequency.WEEKLY);
            assertThat(schedule.timeOfDay()).isEqualTo("23:30");
            assertThat(schedule.dayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(schedule.retain()).isEqualTo(3);
            assertThat(schedule.nextSlot()).isEqualTo(first);
            assertThat(schedule.lastSlot()).isNull();
        });

        projector.handle(vm.next(new VmScheduledSnapshotSkippedEvent(vm.vmId(), first, second, VmStatus.SUSPENDED,
                "the VM is SUSPENDED")));

        assertThat(schedule()).hasValueSatisfying(schedule -> {
            assertThat(schedule.nextSlot()).isEqualTo(second);
            assertThat(schedule.lastSlot()).isEqualTo(first);
            assertThat(schedule.lastSkipReason()).isEqualTo("the VM is SUSPENDED");
        });

        projector.handle(vm.next(scheduledRequested("snap-2", second, second.plusSeconds(7 * 86_400))));
        assertThat(schedule()).hasValueSatisfying(schedule -> {
            assertThat(schedule.lastSlot()).isEqualTo(second);
            assertThat(schedule.lastSkipReason()).isNull();
        });

        projector.handle(vm.next(new VmSnapshotScheduleClearedEvent(vm.vmId(), VmSnapshotScheduleClearedEvent.BY_OWNER)));
        assertThat(schedule()).isEmpty();
        assertThat(snapshots()).extracting(VmSnapshotView::snapshotId).containsExactly("snap-2");
    }

    @Test
    void aDestroyedVmHasNoScheduleAndAReplayRebuildsTheSameOne() {
        Instant slot = Instant.parse("2026-11-28T03:00:00Z");
        List<DomainEventMessage<?>> stream = List.of(vm.next(scheduleSet(SnapshotFrequency.DAILY, null, slot)),
                vm.next(scheduledRequested("snap-2", slot, slot.plusSeconds(86_400))));
        projector.handle(stream);
        List<String> before = rows(jdbc, "vm_snapshot_schedule", "vm_id");

        projector.handle(stream);
        assertThat(rows(jdbc, "vm_snapshot_schedule", "vm_id")).isEqualTo(before);
        projector.reset();
        assertThat(count(jdbc, "vm_snapshot_schedule")).isZero();
        projector.handle(stream);
        assertThat(rows(jdbc, "vm_snapshot_schedule", "vm_id")).isEqualTo(before);

        projector.handle(vm.next(vm.destroyed("deleted")));
        assertThat(schedule()).isEmpty();
    }

    private VmSnapshotScheduleSetEvent scheduleSet(SnapshotFrequency frequency, DayOfWeek day, Instant nextSlot) {
        return new VmSnapshotScheduleSetEvent(vm.vmId(), frequency, day == null ? "03:00" : "23:30", day, 3,
                nextSlot);
    }

    private VmScheduledSnapshotRequestedEvent scheduledRequested(String snapshotId, Instant slot, Instant next) {
        String operationId = "scheduled-snapshot-" + slot;
        return new VmScheduledSnapshotRequestedEvent(vm.vmId(), operationId, snapshotId,
                "auto-" + slot.toString().replace(":00Z", "Z"), slot, next, "DC-Tehran", "nettoria-vm",
                "nettoria-" + snapshotId);
    }

    private Optional<VmSnapshotScheduleView> schedule() {
        return projection.handle(new FindVmSnapshotScheduleQuery(vm.vmId()));
    }

    private List<DomainEventMessage<?>> kept(String operationId, String snapshotId, String name) {
        return List.of(vm.next(vm.snapshotRequested(operationId, snapshotId, name)),
                vm.next(vm.snapshotTaken(snapshotId, name)), vm.next(vm.succeeded(operationId)));
    }

    private List<VmSnapshotView> snapshots() {
        return projection.handle(new FindVmSnapshotsQuery(vm.vmId()));
    }
}
