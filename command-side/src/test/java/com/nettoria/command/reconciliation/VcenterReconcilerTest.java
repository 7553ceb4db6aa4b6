package com.nettoria.command.reconciliation;

import com.nettoria.command.reconciliation.KnownVm.Standing;
import com.nettoria.command.vcenter.FakeVCenter;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VcenterReconcilerTest {

    static final String DC = "DC-Tehran";
    static final String OTHER_DC = "DC-Shiraz";
    static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    final FakeVCenter vcenter = new FakeVCenter();
    final List<KnownVm> known = new ArrayList<>();
    final RecordingGateways gateways = new RecordingGateways();
    final VcenterReconciler reconciler = new VcenterReconciler(vcenter, new FixedInventory(known),
            gateways.commandGateway, gateways.eventGateway, Clock.fixed(NOW, ZoneOffset.UTC), () -> "run-1");

    static VmId vm(int n) {
        return new VmId("00000000-0000-0000-0000-00000000000" + n);
    }

    private VmId knows(int n, String datacenter, Standing standing, PowerState power) {
        return knows(n, datacenter, standing, power, false);
    }

    private VmId knows(int n, String datacenter, Standing standing, PowerState power, boolean operationPending) {
        VmId id = vm(n);
        known.add(new KnownVm(id, datacenter, id.vcenterName(), standing, power, operationPending));
        return id;
    }

    private ReconciliationCompletedEvent completed() {
        return gateways.events().stream().filter(ReconciliationCompletedEvent.class::isInstance)
                .map(ReconciliationCompletedEvent.class::cast).findFirst().orElseThrow();
    }

    @Test
    void recordsNothingWhenVcenterAgreesWithThePlatform() {
        VmId on = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        VmId off = knows(2, DC, Standing.ACTIVE, PowerState.OFF);
        vcenter.withVm(DC, on.vcenterName(), VCenter.PowerState.POWERED_ON)
                .withVm(DC, off.vcenterName(), VCenter.PowerState.POWERED_OFF);

        assertThat(reconciler.reconcile())
                .contains(new ReconciliationCompletedEvent("run-1", NOW, NOW, 2, 0, 0, List.of()));

        assertThat(gateways.commands()).isEmpty();
        assertThat(gateways.events()).containsExactly(
                new ReconciliationCompletedEvent("run-1", NOW, NOW, 2, 0, 0, List.of()));
    }

    @Test
    void recordsTheNewPowerStateOfAVmPoweredOffBehindThePlatformsBack() {
        VmId id = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        vcenter.withVm(DC, id.vcenterName(), VCenter.PowerState.POWERED_OFF);

        reconciler.reconcile();

        assertThat(gateways.commands()).containsExactly(new RecordVmPowerStateCommand(id, PowerState.OFF,
                "reconciliation"));
        assertThat(completed().drifts()).isEqualTo(1);
    }

    @Test
    void recordsASuspendedVmAsSuspended() {
        VmId id = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        vcenter.withVm(DC, id.vcenterName(), VCenter.PowerState.SUSPENDED);

        reconciler.reconcile();

        assertThat(gateways.commands()).containsExactly(new RecordVmPowerStateCommand(id, PowerState.SUSPENDED,
                "reconciliation"));
    }

    @Test
    void recordsAVmDeletedBehindThePlatformsBackAsDestroyed() {
        VmId id = knows(1, DC, Standing.ACTIVE, PowerState.ON);

        reconciler.reconcile();

        assertThat(gateways.commands()).containsExactly(new RecordVmDestroyedCommand(id,
                "reconciliation: not found in vCenter"));
        assertThat(completed()).isEqualTo(new ReconciliationCompletedEvent("run-1", NOW, NOW, 1, 1, 0, List.of()));
    }

    @Test
    void looksAtAVmMissingFromTheListAgainBeforeRecordingItDestroyed() {
        FakeVCenter listsNothing = new FakeVCenter() {
            @Override
            public List<VmInfo> listVms(String datacenter, String namePrefix) {
                return List.of();
            }
        };
        VmId id = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        listsNothing.withVm(DC, id.vcenterName(), VCenter.PowerState.POWERED_ON);
        VcenterReconciler withIncompleteList = new VcenterReconciler(listsNothing, new FixedInventory(known),
                gateways.commandGateway, gateways.eventGateway, Clock.fixed(NOW, ZoneOffset.UTC), () -> "run-1");

        withIncompleteList.reconcile();

        assertThat(gateways.commands()).isEmpty();
        assertThat(listsNothing.callsTo("vmInfo")).hasSize(1);
    }

    @Test
    void leavesVmsAloneThatAreProvisioningBeingDeletedOrHaveAnOperationUnderWay() {
        VmId provisioning = knows(1, DC, Standing.PROVISIONING, PowerState.UNKNOWN);
        knows(2, DC, Standing.DELETING, PowerState.ON);
        VmId poweringOff = knows(3, DC, Standing.ACTIVE, PowerState.ON, true);
        vcenter.withVm(DC, provisioning.vcenterName(), VCenter.PowerState.POWERED_OFF)
                .withVm(DC, poweringOff.vcenterName(), VCenter.PowerState.POWERED_OFF);

        reconciler.reconcile();

        assertThat(gateways.commands()).isEmpty();
        assertThat(gateways.events()).containsExactly(
                new ReconciliationCompletedEvent("run-1", NOW, NOW, 0, 0, 0, List.of()));
    }

    @Test
    void reportsAVmWithThePlatformsPrefixThatNobodyKnowsAsAnOrphanOncePerRun() {
        knows(1, DC, Standing.ACTIVE, PowerState.ON);
        vcenter.withVm(DC, vm(1).vcenterName(), VCenter.PowerState.POWERED_ON)
                .withVm(DC, "nettoria-stray", VCenter.PowerState.POWERED_ON)
                .withVm(DC, "someone-elses-vm", VCenter.PowerState.POWERED_ON);

        reconciler.reconcile();

        List<Object> orphans = gateways.events().stream().filter(VcenterOrphanFoundEvent.class::isInstance).toList();
        assertThat(orphans).hasSize(1).first().isEqualTo(new VcenterOrphanFoundEvent("run-1", DC, "nettoria-stray",
                vcenter.vmInfo(DC, "nettoria-stray").orElseThrow().instanceUuid(), PowerState.ON, null));
        assertThat(completed().orphans()).isEqualTo(1);
    }

    @Test
    void reportsAVmOfAFailedOrDestroyedPlatformVmAsAnOrphanNamingIt() {
        VmId failed = knows(1, DC, Standing.FAILED, PowerState.UNKNOWN);
        VmId destroyed = knows(2, DC, Standing.DESTROYED, PowerState.OFF);
        vcenter.withVm(DC, failed.vcenterName(), VCenter.PowerState.POWERED_OFF)
                .withVm(DC, destroyed.vcenterName(), VCenter.PowerState.POWERED_ON);

        reconciler.reconcile();

        assertThat(gateways.commands()).isEmpty();
        assertThat(gateways.events()).filteredOn(VcenterOrphanFoundEvent.class::isInstance)
                .extracting(event -> ((VcenterOrphanFoundEvent) event).knownVmId())
                .containsExactlyInAnyOrder(failed, destroyed);
        assertThat(completed()).isEqualTo(new ReconciliationCompletedEvent("run-1", NOW, NOW, 0, 0, 2, List.of()));
    }

    @Test
    void skipsADatacenterWhoseVcenterIsUnavailableAndReconcilesTheOthers() {
        VmId here = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        VmId elsewhere = knows(2, OTHER_DC, Standing.ACTIVE, PowerState.ON);
        vcenter.withVm(DC, here.vcenterName(), VCenter.PowerState.POWERED_ON)
                .withVm(OTHER_DC, elsewhere.vcenterName(), VCenter.PowerState.POWERED_OFF)
                .failNext("listVms", VCenterException.Kind.UNAVAILABLE, 1); // datacenters in name order: DC-Shiraz

        reconciler.reconcile();

        assertThat(gateways.commands()).isEmpty();
        assertThat(completed()).isEqualTo(new ReconciliationCompletedEvent("run-1", NOW, NOW, 1, 0, 0,
                List.of(OTHER_DC)));
    }

    @Test
    void marksEveryCommandAndEventAsCausedByTheSystemsReconciliation() {
        VmId id = knows(1, DC, Standing.ACTIVE, PowerState.ON);
        vcenter.withVm(DC, "nettoria-stray", VCenter.PowerState.POWERED_ON);

        reconciler.reconcile();

        assertThat(gateways.commands()).containsExactly(new RecordVmDestroyedCommand(id,
                "reconciliation: not found in vCenter"));
        assertThat(Stream.concat(gateways.commandMessages().stream(), gateways.eventMessages().stream())
                .map(Message::getMetaData)).hasSize(3).allSatisfy(metaData -> {
                    assertThat(metaData.get(Causation.ACTOR_ID)).isEqualTo("system:reconciliation");
                    assertThat(metaData.get(Causation.CAUSE_TYPE)).isEqualTo(Causation.CauseType.SYSTEM);
                    assertThat(metaData.get(Causation.CAUSE_ID)).isEqualTo("run-1");
                });
    }

    @Test
    void asksNoVcenterAndPublishesNothingWhenThePlatformHasNoVms() {
        assertThat(reconciler.reconcile()).isEmpty();

        assertThat(vcenter.calls()).isEmpty();
        assertThat(gateways.events()).isEmpty();
    }

    /** An inventory that knows a fixed list of VMs. */
    private record FixedInventory(List<KnownVm> vms) implements ReconciliationInventory {
        public void registered(VmId vmId, String vcenterDatacenter, String vcenterName) { }
        public void provisioned(VmId vmId) { }
        public void provisioningFailed(VmId vmId) { }
        public void powerStateChanged(VmId vmId, PowerState state) { }
        public void operationRequested(VmId vmId, String operationId, boolean deletion) { }
        public void operationEnded(VmId vmId, String operationId, boolean succeeded) { }
        public void destroyed(VmId vmId) { }
        public void clear() { }

        @Override
        public List<KnownVm> knownVms() {
            return List.copyOf(vms);
        }
    }
}
