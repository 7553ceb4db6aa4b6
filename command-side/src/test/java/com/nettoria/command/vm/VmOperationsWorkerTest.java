package com.nettoria.command.vm;

import com.nettoria.command.provisioning.GuestInitTestData;
import com.nettoria.command.provisioning.ProvisioningSettings;
import com.nettoria.command.vcenter.FakeVCenter;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotDeletedCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotRestoredCommand;
import com.nettoria.coreapi.vm.RecordVmSnapshotTakenCommand;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.nettoria.command.vcenter.VCenterException.Kind.INSUFFICIENT_CAPACITY;
import static com.nettoria.command.vcenter.VCenterException.Kind.REJECTED;
import static com.nettoria.command.vcenter.VCenterException.Kind.TIMEOUT;
import static com.nettoria.command.vcenter.VCenterException.Kind.UNAVAILABLE;
import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static com.nettoria.command.vm.VmTestData.deletionRequested;
import static com.nettoria.command.vm.VmTestData.powerRequested;
import static com.nettoria.command.vm.VmTestData.restoreRequested;
import static com.nettoria.command.vm.VmTestData.snapshotDeletionRequested;
import static com.nettoria.command.vm.VmTestData.snapshotId;
import static com.nettoria.command.vm.VmTestData.snapshotRequested;
import static com.nettoria.command.vm.VmTestData.vcenterSnapshotName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker carries out power actions and deletions in vCenter (an in-memory {@link FakeVCenter}), records the
 * outcome on the VM through the command gateway, and retries an unavailable or slow vCenter with backoff (its
 * pauses are recorded here, never slept).
 */
class VmOperationsWorkerTest {

    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);
    /** Three attempts, 5 s before the second, doubling. */
    private static final ProvisioningSettings SETTINGS = new ProvisioningSettings(3, Duration.ofSeconds(5),
            Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(30));

    private final FakeVCenter vcenter = new FakeVCenter();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final List<Duration> pauses = new ArrayList<>();
    private final VmOperationsWorker worker = new VmOperationsWorker(vcenter, commands, SETTINGS, SHUTDOWN_GRACE,
            pauses::add, GuestInitTestData.guestInit(), vmId -> Optional.empty());

    private FakeVCenter vmThatIs(VCenter.PowerState state) {
        return vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, state);
    }

    private VCenter.PowerState powerInVcenter() {
        return vcenter.powerState(VCENTER_DATACENTER, VCENTER_NAME);
    }

    private static RecordVmOperationResultCommand success(String operationId) {
        return new RecordVmOperationResultCommand(VM, operationId, true, null, null);
    }

    /** The failure the worker recorded, checked for its code and that the reason explains it. */
    private RecordVmOperationResultCommand onlyRecordedFailure() {
        assertThat(commands.sent()).singleElement().isInstanceOf(RecordVmOperationResultCommand.class);
        RecordVmOperationResultCommand result = (RecordVmOperationResultCommand) commands.sent().get(0);
        assertThat(result.vmId()).isEqualTo(VM);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.reason()).contains(VCENTER_NAME);
        return result;
    }

    @Nested
    class PowerActions {

        @Test
        void poweringOnStartsTheVmAndRecordsItAsOn() {
            vmThatIs(VCenter.PowerState.POWERED_OFF);

            worker.on(powerRequested("op-1", PowerAction.ON));

            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(vcenter.methodsCalled()).containsExactly("powerOn");
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "power-on"),
                    success("op-1"));
            assertThat(pauses).isEmpty();
        }

        @Test
        void poweringOffAGuestThatShutsDownWithinTheGracePeriodNeedsNoHardPowerOff() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(powerRequested("op-1", PowerAction.OFF));

            assertThat(vcenter.methodsCalled()).containsExactly("shutdownGuest");
            assertThat(vcenter.callsTo("shutdownGuest").get(0).arguments()).containsExactly(SHUTDOWN_GRACE);
            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.OFF, "power-off"),
                    success("op-1"));
        }

        @Test
        void poweringOffAGuestThatDoesNotShutDownPowersItOffHard() {
            vmThatIs(VCenter.PowerState.POWERED_ON).guestIgnoresShutdown(VCENTER_DATACENTER, VCENTER_NAME);

            worker.on(powerRequested("op-1", PowerAction.OFF));

            assertThat(vcenter.methodsCalled()).containsExactly("shutdownGuest", "powerOff");
            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.OFF, "power-off"),
                    success("op-1"));
        }

        @Test
        void forcingOffPowersOffAtOnceWithoutAskingTheGuest() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(powerRequested("op-1", PowerAction.FORCE_OFF));

            assertThat(vcenter.methodsCalled()).containsExactly("powerOff");
            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_OFF);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.OFF, "power-force-off"),
                    success("op-1"));
        }

        @Test
        void resettingRestartsTheVmWhichStaysOn() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(powerRequested("op-1", PowerAction.RESET));

            assertThat(vcenter.methodsCalled()).containsExactly("reset");
            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "power-reset"),
                    success("op-1"));
        }

        @Test
        void actsOnTheVmNamedInTheRequestInItsDatacenter() {
            vmThatIs(VCenter.PowerState.POWERED_OFF);

            worker.on(powerRequested("op-1", PowerAction.ON));

            assertThat(vcenter.calls()).singleElement().satisfies(call -> {
                assertThat(call.datacenter()).isEqualTo(VCENTER_DATACENTER);
                assertThat(call.name()).isEqualTo(VCENTER_NAME);
            });
        }
    }

    @Nested
    class Deletion {

        @Test
        void deletingDestroysTheVmAndRecordsItDestroyed() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(deletionRequested("op-9"));

            assertThat(vcenter.exists(VCENTER_DATACENTER, VCENTER_NAME)).isFalse();
            assertThat(vcenter.methodsCalled()).containsExactly("destroy");
            assertThat(commands.sent()).containsExactly(
                    new RecordVmDestroyedCommand(VM, "deleted"),
                    success("op-9"));
        }

        @Test
        void deletingAVmThatIsAlreadyGoneSucceeds() {
            worker.on(deletionRequested("op-9"));

            assertThat(commands.sent()).containsExactly(
                    new RecordVmDestroyedCommand(VM, "deleted"),
                    success("op-9"));
        }
    }

    @Nested
    class Snapshots {

        @Test
        void takingASnapshotNamesItAfterItsIdInVcenterAndRecordsVcentersId() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(snapshotRequested("op-s1"));

            assertThat(vcenter.snapshotsOf(VCENTER_DATACENTER, VCENTER_NAME))
                    .containsExactly(vcenterSnapshotName("op-s1"));
            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotTakenCommand(VM, snapshotId("op-s1"), "snapshot-1"),
                    success("op-s1"));
        }

        @Test
        void aScheduledSnapshotIsTakenAsAManualOneUnderTheNameItsSlotGivesIt() {
            vmThatIs(VCenter.PowerState.POWERED_OFF);
            Instant slot = BackupScheduleTestData.FIRST_SLOT;

            worker.on(BackupScheduleTestData.slotRequested(slot, BackupScheduleTestData.SECOND_SLOT));

            assertThat(vcenter.snapshotsOf(VCENTER_DATACENTER, VCENTER_NAME))
                    .containsExactly("nettoria-" + BackupScheduleTestData.slotSnapshotId(slot));
            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotTakenCommand(VM, BackupScheduleTestData.slotSnapshotId(slot), "snapshot-1"),
                    success(BackupScheduleTestData.slotOperation(slot)));
        }

        @Test
        void aSnapshotStepRepeatedAfterATimeoutFindsTheSnapshotItTook() {
            vmThatIs(VCenter.PowerState.POWERED_ON).failNextAfterEffect("createSnapshot", TIMEOUT, 1);

            worker.on(snapshotRequested("op-s1"));

            assertThat(vcenter.callsTo("createSnapshot")).hasSize(2);
            assertThat(vcenter.snapshotsOf(VCENTER_DATACENTER, VCENTER_NAME)).hasSize(1);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotTakenCommand(VM, snapshotId("op-s1"), "snapshot-1"),
                    success("op-s1"));
        }

        @Test
        void restoringRevertsTheVmAndRecordsThePowerStateItIsLeftIn() {
            vmThatIs(VCenter.PowerState.POWERED_OFF);
            vcenter.createSnapshot(VCENTER_DATACENTER, VCENTER_NAME, vcenterSnapshotName("op-s1"), "");

            worker.on(restoreRequested("op-r1", "op-s1"));

            assertThat(vcenter.callsTo("revertToSnapshot").get(0).arguments())
                    .containsExactly(vcenterSnapshotName("op-s1"));
            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotRestoredCommand(VM, "op-r1", snapshotId("op-s1")),
                    new RecordVmPowerStateCommand(VM, PowerState.OFF, "snapshot-restore"),
                    success("op-r1"));
        }

        @Test
        void restoringASnapshotVcenterDoesNotHaveFailsTheOperation() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(restoreRequested("op-r1", "op-s1"));

            assertThat(onlyRecordedFailure().code()).isEqualTo("vcenter.not-found");
        }

        @Test
        void deletingRemovesTheSnapshotFromVcenterAndRecordsItGone() {
            vmThatIs(VCenter.PowerState.POWERED_ON);
            vcenter.createSnapshot(VCENTER_DATACENTER, VCENTER_NAME, vcenterSnapshotName("op-s1"), "");

            worker.on(snapshotDeletionRequested("op-d1", "op-s1"));

            assertThat(vcenter.snapshotsOf(VCENTER_DATACENTER, VCENTER_NAME)).isEmpty();
            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotDeletedCommand(VM, snapshotId("op-s1")),
                    success("op-d1"));
        }

        @Test
        void deletingASnapshotThatIsAlreadyGoneSucceeds() {
            vmThatIs(VCenter.PowerState.POWERED_ON);

            worker.on(snapshotDeletionRequested("op-d1", "op-s1"));

            assertThat(commands.sent()).containsExactly(
                    new RecordVmSnapshotDeletedCommand(VM, snapshotId("op-s1")),
                    success("op-d1"));
        }
    }

    @Nested
    class Retries {

        @Test
        void anUnavailableVcenterIsRetriedAfterFiveThenTenSeconds() {
            vmThatIs(VCenter.PowerState.POWERED_OFF).failNext("powerOn", UNAVAILABLE, 2);

            worker.on(powerRequested("op-1", PowerAction.ON));

            assertThat(vcenter.callsTo("powerOn")).hasSize(3);
            assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(powerInVcenter()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "power-on"),
                    success("op-1"));
        }

        @Test
        void aDeletionThatTimedOutIsRetriedAndSucceeds() {
            vmThatIs(VCenter.PowerState.POWERED_ON).failNextAfterEffect("destroy", TIMEOUT, 1);

            worker.on(deletionRequested("op-9"));

            assertThat(vcenter.callsTo("destroy")).hasSize(2);
            assertThat(pauses).containsExactly(Duration.ofSeconds(5));
            assertThat(commands.sent()).containsExactly(
                    new RecordVmDestroyedCommand(VM, "deleted"),
                    success("op-9"));
        }

        @Test
        void aMissingVmFailsTheOperationWithoutRetrying() {
            worker.on(powerRequested("op-1", PowerAction.ON));

            assertThat(vcenter.callsTo("powerOn")).hasSize(1);
            assertThat(pauses).isEmpty();
            RecordVmOperationResultCommand failure = onlyRecordedFailure();
            assertThat(failure.code()).isEqualTo("vcenter.not-found");
            assertThat(failure.operationId()).isEqualTo("op-1");
        }

        @Test
        void anOperationVcenterRefusesFailsWithoutRetrying() {
            vmThatIs(VCenter.PowerState.POWERED_ON).failNext("reset", REJECTED, 1);

            worker.on(powerRequested("op-1", PowerAction.RESET));

            assertThat(vcenter.callsTo("reset")).hasSize(1);
            assertThat(pauses).isEmpty();
            assertThat(onlyRecordedFailure().code()).isEqualTo("vcenter.rejected");
        }

        @Test
        void aKindOfTwoWordsIsSpelledWithAHyphenInTheCode() {
            vmThatIs(VCenter.PowerState.POWERED_OFF).failNext("powerOn", INSUFFICIENT_CAPACITY, 1);

            worker.on(powerRequested("op-1", PowerAction.ON));

            assertThat(onlyRecordedFailure().code()).isEqualTo("vcenter.insufficient-capacity");
        }

        @Test
        void aVcenterThatStaysUnavailableFailsTheOperationAfterTheLastAttempt() {
            vmThatIs(VCenter.PowerState.POWERED_ON).failNext("destroy", UNAVAILABLE, 3);

            worker.on(deletionRequested("op-9"));

            assertThat(vcenter.callsTo("destroy")).hasSize(3);
            assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(vcenter.exists(VCENTER_DATACENTER, VCENTER_NAME)).isTrue();
            RecordVmOperationResultCommand failure = onlyRecordedFailure();
            assertThat(failure.code()).isEqualTo("vcenter.unavailable");
            assertThat(failure.operationId()).isEqualTo("op-9");
        }

        @Test
        void aHardPowerOffThatKeepsFailingAfterTheGuestRefusedToStopFailsTheOperation() {
            vmThatIs(VCenter.PowerState.POWERED_ON).guestIgnoresShutdown(VCENTER_DATACENTER, VCENTER_NAME)
                    .failNext("powerOff", TIMEOUT, 3);

            worker.on(powerRequested("op-1", PowerAction.OFF));

            assertThat(vcenter.methodsCalled()).containsExactly(
                    "shutdownGuest", "powerOff", "shutdownGuest", "powerOff", "shutdownGuest", "powerOff");
            assertThat(onlyRecordedFailure().code()).isEqualTo("vcenter.timeout");
        }
    }
}
