package com.nettoria.command.vm;

import com.nettoria.command.provisioning.GuestInitTestData;
import com.nettoria.command.provisioning.ProvisioningSettings;
import com.nettoria.command.vcenter.FakeVCenter;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.order.RefundOrderUpgradeCommand;
import com.nettoria.coreapi.vm.RecordVmOperationResultCommand;
import com.nettoria.coreapi.vm.RecordVmScaledCommand;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.nettoria.command.order.OrderTestData.ORDER;
import static com.nettoria.command.order.OrderTestData.PLAN;
import static com.nettoria.command.vcenter.VCenterException.Kind.UNAVAILABLE;
import static com.nettoria.command.vm.VmTestData.VCENTER_DATACENTER;
import static com.nettoria.command.vm.VmTestData.VCENTER_NAME;
import static com.nettoria.command.vm.VmTestData.VM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker grows a VM in vCenter (an in-memory {@link FakeVCenter}): a running VM whose CPUs or memory change is
 * shut down, reconfigured and powered on again; a disk alone grows while it runs; when vCenter refuses for good the
 * VM is powered on again with its old size and the order's charge is refunded before the failure is recorded.
 */
class VmScaleWorkerTest {

    private static final Duration SHUTDOWN_GRACE = Duration.ofMinutes(2);
    private static final ProvisioningSettings SETTINGS = new ProvisioningSettings(3, Duration.ofSeconds(5),
            Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(30));
    /** What the fake's VMs are made with (its template's size). */
    private static final VmSpec NOW = new VmSpec(FakeVCenter.TEMPLATE_VCPUS,
            (int) FakeVCenter.TEMPLATE_MEMORY_MIB, (int) FakeVCenter.TEMPLATE_DISK_GIB, 0);

    private final FakeVCenter vcenter = new FakeVCenter();
    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final List<Duration> pauses = new ArrayList<>();
    private final VmOperationsWorker worker = new VmOperationsWorker(vcenter, commands, SETTINGS, SHUTDOWN_GRACE,
            pauses::add, GuestInitTestData.guestInit(), vmId -> Optional.empty());

    private static VmScaleRequestedEvent scaleTo(VmSpec spec) {
        return new VmScaleRequestedEvent(VM, "scale-1", ORDER, PLAN, NOW, new PlanId("pro-4"), spec,
                VCENTER_DATACENTER, VCENTER_NAME);
    }

    private VCenter.VmInfo inVcenter() {
        return vcenter.vmInfo(VCENTER_DATACENTER, VCENTER_NAME).orElseThrow();
    }

    @Test
    void aRunningVmIsShutDownReconfiguredAndPoweredOnAgain() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON);

        worker.on(scaleTo(new VmSpec(4, 8192, 80, 0)));

        assertThat(vcenter.methodsCalled())
                .containsExactly("vmInfo", "shutdownGuest", "reconfigure", "powerOn");
        assertThat(inVcenter().vcpus()).isEqualTo(4);
        assertThat(inVcenter().memoryMib()).isEqualTo(8192);
        assertThat(inVcenter().diskGib()).isEqualTo(80);
        assertThat(inVcenter().powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        assertThat(commands.sent()).containsExactly(new RecordVmScaledCommand(VM, "scale-1"),
                new RecordVmOperationResultCommand(VM, "scale-1", true, null, null));
    }

    @Test
    void aGuestThatIgnoresTheShutdownIsPoweredOffHard() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON)
                .guestIgnoresShutdown(VCENTER_DATACENTER, VCENTER_NAME);

        worker.on(scaleTo(new VmSpec(2, 2048, 10, 0)));

        assertThat(vcenter.methodsCalled()).containsExactly("vmInfo", "shutdownGuest", "powerOff", "reconfigure",
                "powerOn");
    }

    @Test
    void aDiskAloneGrowsWhileTheVmRuns() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON);

        worker.on(scaleTo(new VmSpec(NOW.vcpus(), NOW.memoryMib(), 50, 0)));

        assertThat(vcenter.methodsCalled()).containsExactly("vmInfo", "reconfigure");
        assertThat(inVcenter().diskGib()).isEqualTo(50);
    }

    @Test
    void aVmThatIsOffStaysOff() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_OFF);

        worker.on(scaleTo(new VmSpec(4, 8192, 80, 0)));

        assertThat(vcenter.methodsCalled()).containsExactly("vmInfo", "reconfigure");
        assertThat(inVcenter().powerState()).isEqualTo(VCenter.PowerState.POWERED_OFF);
    }

    @Test
    void aDiskVcenterWillNotShrinkKeepsTheOldSizeRestartsTheVmAndRefundsBeforeTheFailureIsRecorded() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON);

        worker.on(scaleTo(new VmSpec(4, 8192, 5, 0)));

        assertThat(inVcenter().vcpus()).isEqualTo(NOW.vcpus());
        assertThat(inVcenter().powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        assertThat(commands.sent()).hasSize(2);
        assertThat(commands.sent().get(0)).isInstanceOfSatisfying(RefundOrderUpgradeCommand.class, refund -> {
            assertThat(refund.orderId()).isEqualTo(ORDER);
            assertThat(refund.upgradeId()).isEqualTo("scale-1");
            assertThat(refund.code()).isEqualTo("vcenter.rejected");
        });
        assertThat(commands.sent().get(1)).isInstanceOfSatisfying(RecordVmOperationResultCommand.class,
                result -> assertThat(result.succeeded()).isFalse());
        assertThat(pauses).isEmpty();
    }

    @Test
    void anUnavailableVcenterIsRetriedAndRememberedTheVmWasOn() {
        vcenter.withVm(VCENTER_DATACENTER, VCENTER_NAME, VCenter.PowerState.POWERED_ON)
                .failNext("reconfigure", UNAVAILABLE, 1);

        worker.on(scaleTo(new VmSpec(4, 8192, 80, 0)));

        assertThat(pauses).containsExactly(Duration.ofSeconds(5));
        assertThat(inVcenter().vcpus()).isEqualTo(4);
        assertThat(inVcenter().powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
        assertThat(commands.sent()).containsExactly(new RecordVmScaledCommand(VM, "scale-1"),
                new RecordVmOperationResultCommand(VM, "scale-1", true, null, null));
    }
}
