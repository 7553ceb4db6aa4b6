package com.nettoria.command.vm;

import com.nettoria.coreapi.vm.TakeVmSnapshotCommand;
import com.nettoria.coreapi.vm.VmSnapshots;
import com.nettoria.coreapi.vm.VmStatus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.HOSTNAME;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.STRANGER;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.active;
import static com.nettoria.command.vm.VmTestData.deleteSnapshot;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.destroyed;
import static com.nettoria.command.vm.VmTestData.failed;
import static com.nettoria.command.vm.VmTestData.failedWith;
import static com.nettoria.command.vm.VmTestData.operationFailed;
import static com.nettoria.command.vm.VmTestData.operationSucceeded;
import static com.nettoria.command.vm.VmTestData.provisioning;
import static com.nettoria.command.vm.VmTestData.recordRestored;
import static com.nettoria.command.vm.VmTestData.recordSnapshotDeleted;
import static com.nettoria.command.vm.VmTestData.recordSnapshotTaken;
import static com.nettoria.command.vm.VmTestData.rename;
import static com.nettoria.command.vm.VmTestData.renamed;
import static com.nettoria.command.vm.VmTestData.restoreRequested;
import static com.nettoria.command.vm.VmTestData.restoreSnapshot;
import static com.nettoria.command.vm.VmTestData.snapshotDeleted;
import static com.nettoria.command.vm.VmTestData.snapshotDeletionRequested;
import static com.nettoria.command.vm.VmTestData.snapshotId;
import static com.nettoria.command.vm.VmTestData.snapshotKept;
import static com.nettoria.command.vm.VmTestData.snapshotRequested;
import static com.nettoria.command.vm.VmTestData.snapshotRestored;
import static com.nettoria.command.vm.VmTestData.snapshotTaken;
import static com.nettoria.command.vm.VmTestData.takeSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a VM's owner may ask of its snapshots (manual backups) and its name, from the VM's past events; what the
 * operations worker records about snapshots tolerates repeats.
 */
class VmSnapshotsAndRenameTest {

    private static final String NOT_FOUND = "vm.not-found";
    private static final String ILLEGAL_STATE = "vm.illegal-state";
    private static final String SNAPSHOT_LIMIT = "vm.snapshot-limit";
    private static final String SNAPSHOT_NOT_FOUND = "vm.snapshot-not-found";
    private static final String INVALID_SNAPSHOT = "vm.invalid-snapshot";
    private static final String INVALID_HOSTNAME = "vm.invalid-hostname";

    private FixtureConfiguration<VirtualMachine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VirtualMachine.class);
    }

    /** An active VM that keeps the snapshots the operations named took. */
    private static List<Object> activeWithSnapshots(String... operationIds) {
        List<Object> history = new ArrayList<>(active());
        for (String operationId : operationIds) {
            history.addAll(snapshotKept(operationId));
        }
        return history;
    }

    @Nested
    class TakingSnapshots {

        @Test
        void theOwnerAsksForASnapshotNamedAfterItsOperationInVcenter() {
            fixture.given(active())
                    .when(takeSnapshot(OWNER, "op-s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(snapshotRequested("op-s1"));
        }

        @Test
        void theSnapshotIdFollowsFromTheOperationAndTheVcenterNameFromTheId() {
            assertThat(VmSnapshots.idFor(VM, "op-s1")).isEqualTo(snapshotId("op-s1")).startsWith("snap-");
            assertThat(VmSnapshots.idFor(VM, "op-s2")).isNotEqualTo(snapshotId("op-s1"));
            assertThat(VmSnapshots.vcenterName(snapshotId("op-s1"))).isEqualTo("nettoria-" + snapshotId("op-s1"));
        }

        @Test
        void someoneElseSVmIsAnsweredAsIfItDidNotExist() {
            fixture.given(active())
                    .when(takeSnapshot(STRANGER, "op-s1"))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theSameOperationAskedAgainChangesNothing() {
            fixture.given(active(snapshotRequested("op-s1")))
                    .when(takeSnapshot(OWNER, "op-s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesSnapshotsOfAVmThatIsNotActive() {
            fixture.given(provisioning())
                    .when(takeSnapshot(OWNER, "op-s1"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "PROVISIONING")));
            fixture.given(active(deletionRequested("op-9")))
                    .when(takeSnapshot(OWNER, "op-s1"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE, Map.of("status", "DELETED")));
        }

        @Test
        void refusesANameThatIsEmptyOrLongerThan64Characters() {
            fixture.given(active())
                    .when(new TakeVmSnapshotCommand(VM, OWNER, "op-s1", "  ", null))
                    .expectException(refusal(VmRefusal.class, INVALID_SNAPSHOT));
            fixture.given(active())
                    .when(new TakeVmSnapshotCommand(VM, OWNER, "op-s1", "x".repeat(65), null))
                    .expectException(refusal(VmRefusal.class, INVALID_SNAPSHOT));
            fixture.given(active())
                    .when(new TakeVmSnapshotCommand(VM, OWNER, "op-s1", "x".repeat(64), null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesMoreThanTheLimitOfSnapshotsCountingThoseBeingTaken() {
            List<Object> history = activeWithSnapshots("op-1", "op-2", "op-3", "op-4");
            history.add(snapshotRequested("op-5"));
            fixture.given(history)
                    .when(takeSnapshot(OWNER, "op-6"))
                    .expectException(refusal(VmRefusal.class, SNAPSHOT_LIMIT,
                            Map.of("limit", String.valueOf(VmSnapshots.LIMIT))))
                    .expectNoEvents();
        }

        @Test
        void aDeletedSnapshotMakesRoomForAnother() {
            List<Object> history = activeWithSnapshots("op-1", "op-2", "op-3", "op-4", "op-5");
            history.addAll(List.of(snapshotDeletionRequested("op-d", "op-1"), snapshotDeleted("op-1"),
                    operationSucceeded("op-d")));
            fixture.given(history)
                    .when(takeSnapshot(OWNER, "op-6"))
                    .expectEvents(snapshotRequested("op-6"));
        }

        @Test
        void aSnapshotThatCouldNotBeTakenMakesRoomForAnother() {
            List<Object> history = activeWithSnapshots("op-1", "op-2", "op-3", "op-4");
            history.addAll(List.of(snapshotRequested("op-5"), operationFailed("op-5", "vcenter.rejected", "no")));
            fixture.given(history)
                    .when(takeSnapshot(OWNER, "op-6"))
                    .expectEvents(snapshotRequested("op-6"));
        }

        @Test
        void recordsTheSnapshotVcenterTookWithTheNameItsOwnerGaveIt() {
            fixture.given(active(snapshotRequested("op-s1")))
                    .when(recordSnapshotTaken("op-s1"))
                    .expectEvents(snapshotTaken("op-s1"));
        }

        @Test
        void recordingTheSnapshotAgainChangesNothing() {
            fixture.given(active(snapshotRequested("op-s1"), snapshotTaken("op-s1")))
                    .when(recordSnapshotTaken("op-s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RestoringSnapshots {

        @Test
        void theOwnerAsksToRevertTheVmToAKeptSnapshot() {
            fixture.given(activeWithSnapshots("op-s1"))
                    .when(restoreSnapshot(OWNER, "op-r1", snapshotId("op-s1")))
                    .expectEvents(restoreRequested("op-r1", "op-s1"));
        }

        @Test
        void theSameOperationAskedAgainChangesNothing() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(restoreRequested("op-r1", "op-s1"));
            fixture.given(history)
                    .when(restoreSnapshot(OWNER, "op-r1", snapshotId("op-s1")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesASnapshotTheVmDoesNotHaveOrHasNotTakenYet() {
            fixture.given(activeWithSnapshots("op-s1"))
                    .when(restoreSnapshot(OWNER, "op-r1", "snap-unknown"))
                    .expectException(refusal(VmRefusal.class, SNAPSHOT_NOT_FOUND,
                            Map.of("snapshotId", "snap-unknown")));
            fixture.given(active(snapshotRequested("op-s1")))
                    .when(restoreSnapshot(OWNER, "op-r1", snapshotId("op-s1")))
                    .expectException(refusal(VmRefusal.class, SNAPSHOT_NOT_FOUND));
        }

        @Test
        void someoneElseCannotRestoreTheVm() {
            fixture.given(activeWithSnapshots("op-s1"))
                    .when(restoreSnapshot(STRANGER, "op-r1", snapshotId("op-s1")))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND));
        }

        @Test
        void recordsTheRestoreOnceWhileItIsPending() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(restoreRequested("op-r1", "op-s1"));
            fixture.given(history)
                    .when(recordRestored("op-r1", "op-s1"))
                    .expectEvents(snapshotRestored("op-r1", "op-s1"));
            history.add(snapshotRestored("op-r1", "op-s1"));
            fixture.given(history)
                    .when(recordRestored("op-r1", "op-s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class DeletingSnapshots {

        @Test
        void theOwnerAsksToDeleteAKeptSnapshot() {
            fixture.given(activeWithSnapshots("op-s1"))
                    .when(deleteSnapshot(OWNER, "op-d1", snapshotId("op-s1")))
                    .expectEvents(snapshotDeletionRequested("op-d1", "op-s1"));
        }

        @Test
        void refusesASnapshotThatIsBeingDeletedOrIsGone() {
            List<Object> deleting = activeWithSnapshots("op-s1");
            deleting.add(snapshotDeletionRequested("op-d1", "op-s1"));
            fixture.given(deleting)
                    .when(deleteSnapshot(OWNER, "op-d2", snapshotId("op-s1")))
                    .expectException(refusal(VmRefusal.class, SNAPSHOT_NOT_FOUND));
            List<Object> gone = new ArrayList<>(deleting);
            gone.add(snapshotDeleted("op-s1"));
            fixture.given(gone)
                    .when(restoreSnapshot(OWNER, "op-r1", snapshotId("op-s1")))
                    .expectException(refusal(VmRefusal.class, SNAPSHOT_NOT_FOUND));
        }

        @Test
        void theSameOperationAskedAgainChangesNothing() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(snapshotDeletionRequested("op-d1", "op-s1"));
            fixture.given(history)
                    .when(deleteSnapshot(OWNER, "op-d1", snapshotId("op-s1")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsTheDeletionOnce() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(snapshotDeletionRequested("op-d1", "op-s1"));
            fixture.given(history)
                    .when(recordSnapshotDeleted("op-s1"))
                    .expectEvents(snapshotDeleted("op-s1"));
            history.add(snapshotDeleted("op-s1"));
            fixture.given(history)
                    .when(recordSnapshotDeleted("op-s1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aFailedDeletionKeepsTheSnapshotForTheOwnerToAskAgain() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(snapshotDeletionRequested("op-d1", "op-s1"));
            history.add(operationFailed("op-d1", "vcenter.unavailable", "down"));
            fixture.given(history)
                    .when(deleteSnapshot(OWNER, "op-d2", snapshotId("op-s1")))
                    .expectEvents(snapshotDeletionRequested("op-d2", "op-s1"));
        }

        @Test
        void theOutcomeOfASnapshotOperationIsRecordedLikeAnyOther() {
            List<Object> history = activeWithSnapshots("op-s1");
            history.add(snapshotDeletionRequested("op-d1", "op-s1"));
            fixture.given(history)
                    .when(failedWith("op-d1", "vcenter.unavailable", "down"))
                    .expectEvents(operationFailed("op-d1", "vcenter.unavailable", "down"));
        }
    }

    @Nested
    class Renaming {

        @Test
        void theOwnerGivesTheVmAnotherHostName() {
            fixture.given(active())
                    .when(rename(OWNER, "db-2"))
                    .expectEvents(renamed(HOSTNAME, "db-2"));
        }

        @Test
        void theCurrentNameAgainChangesNothing() {
            fixture.given(active(renamed(HOSTNAME, "db-2")))
                    .when(rename(OWNER, "db-2"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesANameThatIsNotAnRfc1123Label() {
            for (String name : List.of("", "-db", "db-", "DB", "db_2", "db.example", "x".repeat(64))) {
                fixture.given(active())
                        .when(rename(OWNER, name))
                        .expectException(refusal(VmRefusal.class, INVALID_HOSTNAME));
            }
        }

        @Test
        void someoneElseCannotRenameTheVm() {
            fixture.given(active())
                    .when(rename(STRANGER, "db-2"))
                    .expectException(refusal(VmRefusal.class, NOT_FOUND));
        }

        @Test
        void aVmStillProvisionedMayBeRenamed() {
            fixture.given(provisioning())
                    .when(rename(OWNER, "db-2"))
                    .expectEvents(renamed(HOSTNAME, "db-2"));
        }

        @Test
        void refusesToRenameADeletedVm() {
            fixture.given(active(deletionRequested("op-9")))
                    .when(rename(OWNER, "db-2"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE,
                            Map.of("status", VmStatus.DELETED.name())));
            fixture.given(active(deletionRequested("op-9"), destroyed("deleted")))
                    .when(rename(OWNER, "db-2"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE));
        }

        @Test
        void refusesToRenameAFailedVmThatWasCleanedUpSayingItFailed() {
            fixture.given(failed(destroyed("provisioning-failed")))
                    .when(rename(OWNER, "db-2"))
                    .expectException(refusal(VmRefusal.class, ILLEGAL_STATE,
                            Map.of("status", VmStatus.FAILED.name())));
        }
    }

    @Test
    void aDestroyedVmKeepsNoSnapshots() {
        List<Object> history = activeWithSnapshots("op-s1");
        history.add(destroyed("found gone"));
        fixture.given(history)
                .when(recordSnapshotDeleted("op-s1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
