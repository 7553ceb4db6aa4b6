package com.nettoria.command.vm;

import com.nettoria.command.provisioning.GuestInit;
import com.nettoria.command.provisioning.GuestInitTestData;
import com.nettoria.command.provisioning.ProvisioningSettings;
import com.nettoria.command.provisioning.VmDirectory;
import com.nettoria.command.vcenter.FakeVCenter;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RecordVmRebuildWipedCommand;
import com.nettoria.coreapi.vm.RecordVmRebuiltCommand;
import com.nettoria.coreapi.vm.VmRebuildRequestedEvent;
import com.nettoria.coreapi.vm.VmSuspendedEvent;
import com.nettoria.coreapi.vm.VmUnsuspendedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.nettoria.command.order.OrderTestData.OPERATING_SYSTEM;
import static com.nettoria.command.order.OrderTestData.OWNER;
import static com.nettoria.command.order.OrderTestData.PLACEMENT;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.TEMPLATE;
import static com.nettoria.command.vcenter.VCenterException.Kind.UNAVAILABLE;
import static com.nettoria.command.vm.VmTestData.IP;
import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker rebuilds, suspends and unsuspends VMs in vCenter (an in-memory {@link FakeVCenter}) and records what it
 * did on the VM; its pauses (retries, IP polls) are recorded here, never slept.
 */
class VmRebuildAndSuspensionWorkerTest {

    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);
    /** Three attempts, 5 s before the second; the guest's IP asked for every 5 s for up to 30 s (6 polls). */
    private static final ProvisioningSettings SETTINGS = new ProvisioningSettings(3, Duration.ofSeconds(5),
            Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30));

    private final FakeVCenter vcenter = new FakeVCenter();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final List<Duration> pauses = new ArrayList<>();
    private final VmOperationsWorker worker = new VmOperationsWorker(vcenter, commands, SETTINGS, SHUTDOWN_GRACE,
            pauses::add, GuestInitTestData.guestInit(), vmId -> Optional.of(new VmDirectory.Vm(OWNER, "web-renamed")));

    private static RecordVmOperationResultCommand success(String operationId) {
        return new RecordVmOperationResultCommand(VM, operationId, true, null, null);
    }

    private VCenter.VmInfo inVcenter() {
        return vcenter.findVm(VCENTER_DATACENTER, VCENTER_NAME).orElseThrow();
    }

    @Nested
    class Rebuilding {

        private String oldUuid;

        @BeforeEach
        void aRunningVmWithASnapshotAndATemplate() {
            vcenter.withTemplate(VCENTER_DATACENTER, TEMPLATE)
                    .withCluster(VCENTER_DATACENTER, PLACEMENT.cluster(),
                            new VCenter.DatastoreSpace("ds-ssd-1", 1000, 100),
                            new VCenter.DatastoreSpace("ds-ssd-2", 1000, 600))
                    .withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON)
                    .reportGuestIp(VCENTER_DATACENTER, VCENTER_NAME, IP);
            vcenter.createSnapshot(VCENTER_DATACENTER, VCENTER_NAME, "nettoria-snap-1", "");
            oldUuid = inVcenter().instanceUuid();
        }

        private VmRebuildRequestedEvent rebuildRequested(String operationId) {
            return new VmRebuildRequestedEvent(VM, operationId, OPERATING_SYSTEM, TEMPLATE, null, "sealed(pw)", SPEC,
                    PLACEMENT, VCENTER_NAME, oldUuid);
        }

        @Test
        void replacesTheVmWithAFreshCloneOfTheSameSizeOnTheRoomiestDatastoreRunningWithItsAddress() {
            worker.on(rebuildRequested("op-r1"));

            VCenter.VmInfo rebuilt = inVcenter();
            assertThat(rebuilt.instanceUuid()).isNotEqualTo(oldUuid);
            assertThat(rebuilt.datastore()).isEqualTo("ds-ssd-2");
            assertThat(rebuilt.vcpus()).isEqualTo(SPEC.vcpus());
            assertThat(rebuilt.memoryMib()).isEqualTo(SPEC.memoryMib());
            assertThat(rebuilt.diskGib()).isEqualTo(SPEC.diskGib());
            assertThat(rebuilt.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(vcenter.networkOf(VCENTER_DATACENTER, VCENTER_NAME)).isEqualTo(PLACEMENT.network());
            assertThat(vcenter.snapshotsOf(VCENTER_DATACENTER, VCENTER_NAME)).isEmpty();
            assertThat(vcenter.methodsCalled()).containsSubsequence("destroy", "capacity", "cloneFromTemplate",
                    "reconfigure", "connectNetwork", "setGuestInfo", "powerOn", "guestIpAddress");
            assertThat(commands.sent()).containsExactly(
                    new RecordVmRebuildWipedCommand(VM, "op-r1"),
                    new RecordVmRebuiltCommand(VM, "op-r1", rebuilt.moRef(), rebuilt.instanceUuid(), "ds-ssd-2"),
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "rebuild"),
                    new RecordVmIpAddressCommand(VM, IP),
                    success("op-r1"));
            assertThat(pauses).isEmpty();
        }

        @Test
        void handsTheNewGuestItsCurrentHostNameAndRootsNewPasswordAsANewCloudInitInstance() {
            worker.on(rebuildRequested("op-r1"));

            Map<String, String> guestInfo = vcenter.extraConfigOf(VCENTER_DATACENTER, VCENTER_NAME);
            assertThat(GuestInitTestData.decoded(guestInfo, GuestInit.METADATA))
                    .contains("\"instance-id\":\"" + VM.value() + ".op-r1\"", "\"local-hostname\":\"web-renamed\"");
            assertThat(GuestInitTestData.decoded(guestInfo, GuestInit.USERDATA))
                    .startsWith("#cloud-config").contains("$6$").doesNotContain("pw\"");
        }

        @Test
        void aRepeatedAttemptCarriesOnFromTheCloneAnEarlierOneMade() {
            vcenter.failNext("connectNetwork", UNAVAILABLE, 1);

            worker.on(rebuildRequested("op-r1"));

            assertThat(vcenter.callsTo("destroy")).hasSize(1);
            assertThat(vcenter.callsTo("cloneFromTemplate")).hasSize(1);
            VCenter.VmInfo rebuilt = inVcenter();
            RecordVmRebuiltCommand recorded = new RecordVmRebuiltCommand(VM, "op-r1", rebuilt.moRef(),
                    rebuilt.instanceUuid(), "ds-ssd-2");
            assertThat(commands.sent()).containsExactly(
                    new RecordVmRebuildWipedCommand(VM, "op-r1"),
                    recorded,
                    recorded,
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "rebuild"),
                    new RecordVmIpAddressCommand(VM, IP),
                    success("op-r1"));
            assertThat(pauses).containsExactly(Duration.ofSeconds(5));
        }

        @Test
        void theGuestIsAskedForItsAddressUntilItAnswers() {
            vcenter.reportGuestIpAfter(VCENTER_DATACENTER, VCENTER_NAME, IP, 2);

            worker.on(rebuildRequested("op-r1"));

            assertThat(pauses).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
            assertThat(commands.sent()).contains(new RecordVmIpAddressCommand(VM, IP), success("op-r1"));
        }

        @Test
        void aGuestThatReportsNoAddressInTimeFailsTheRebuildWithWhyButLeavesItRunning() {
            vcenter.guestReportsNoIp(VCENTER_DATACENTER, VCENTER_NAME);

            worker.on(rebuildRequested("op-r1"));

            assertThat(pauses).isEqualTo(Collections.nCopies(5, Duration.ofSeconds(5)));
            RecordVmOperationResultCommand result = (RecordVmOperationResultCommand) commands.sent()
                    .get(commands.sent().size() - 1);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.code()).isEqualTo("vcenter.rejected");
            assertThat(result.reason()).contains("no IP address");
            assertThat(inVcenter().powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        }

        @Test
        void aTemplateVcenterNoLongerHasFailsTheRebuildAfterTheOldVmIsGone() {
            VmRebuildRequestedEvent request = new VmRebuildRequestedEvent(VM, "op-r1", OPERATING_SYSTEM,
                    "tpl-gone", null, null, SPEC, PLACEMENT, VCENTER_NAME, oldUuid);

            worker.on(request);

            assertThat(vcenter.exists(VCENTER_DATACENTER, VCENTER_NAME)).isFalse();
            assertThat(commands.sent()).hasSize(2);
            assertThat(commands.sent().get(0)).isEqualTo(new RecordVmRebuildWipedCommand(VM, "op-r1"));
            RecordVmOperationResultCommand result = (RecordVmOperationResultCommand) commands.sent().get(1);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.code()).isEqualTo("vcenter.not-found");
            assertThat(result.reason()).contains("tpl-gone");
        }
    }

    @Nested
    class Suspending {

        @Test
        void aSuspendedVmIsPoweredOffHardWithoutAskingTheGuest() {
            vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON);

            worker.on(new VmSuspendedEvent(VM, "op-x1", "unpaid", PowerState.ON, VCENTER_DATACENTER, VCENTER_NAME));

            assertThat(vcenter.methodsCalled()).containsExactly("powerOff");
            assertThat(vcenter.powerState(VCENTER_DATACENTER, VCENTER_NAME)).isEqualTo(VCenter.PowerState.POWERED_OFF);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.OFF, "suspend"),
                    success("op-x1"));
        }

        @Test
        void anUnsuspendedVmThatWasOnIsPoweredOnAgain() {
            vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_OFF);

            worker.on(new VmUnsuspendedEvent(VM, "op-u1", true, VCENTER_DATACENTER, VCENTER_NAME));

            assertThat(vcenter.powerState(VCENTER_DATACENTER, VCENTER_NAME)).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(commands.sent()).containsExactly(
                    new RecordVmPowerStateCommand(VM, PowerState.ON, "unsuspend"),
                    success("op-u1"));
        }

        @Test
        void anUnsuspendedVmThatWasOffIsLeftOff() {
            vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_OFF);

            worker.on(new VmUnsuspendedEvent(VM, "op-u1", false, VCENTER_DATACENTER, VCENTER_NAME));

            assertThat(vcenter.methodsCalled()).isEmpty();
            assertThat(commands.sent()).containsExactly(success("op-u1"));
        }
    }
}
