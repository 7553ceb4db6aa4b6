package com.nettoria.command.vcenter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.nettoria.command.vcenter.VCenter.PowerState.POWERED_OFF;
import static com.nettoria.command.vcenter.VCenter.PowerState.POWERED_ON;
import static com.nettoria.command.vcenter.VCenterException.Kind.NOT_FOUND;
import static com.nettoria.command.vcenter.VCenterException.Kind.REJECTED;
import static com.nettoria.command.vcenter.VCenterException.Kind.TIMEOUT;
import static com.nettoria.command.vcenter.VCenterException.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the promises of the {@link VCenter} port, so tests built on it mean what they say. */
class FakeVCenterTest {

    private static final String DC = "DC-Tehran";
    private static final String VM = "nettoria-vm-1";

    private final FakeVCenter vcenter = new FakeVCenter();

    private VCenter.CloneSpec cloneOf(String template, String datastore) {
        return new VCenter.CloneSpec(DC, template, VM, "Cluster-A", null, datastore, null, "test");
    }

    private static void assertFailsWith(VCenterException.Kind kind, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(VCenterException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void clonesATemplateOntoADatastoreOfTheClusterAsAPoweredOffVm() {
        vcenter.withTemplate(DC, "tpl-debian-12", 20)
                .withCluster(DC, "Cluster-A", new VCenter.DatastoreSpace("ds-ssd-1", 1000, 800));

        VCenter.VmInfo clone = vcenter.cloneFromTemplate(cloneOf("tpl-debian-12", "ds-ssd-1"));

        assertThat(clone.name()).isEqualTo(VM);
        assertThat(clone.powerState()).isEqualTo(POWERED_OFF);
        assertThat(clone.diskGib()).isEqualTo(20);
        assertThat(clone.datastore()).isEqualTo("ds-ssd-1");
        assertThat(vcenter.findVm(DC, VM)).contains(clone);
    }

    @Test
    void refusesToCloneWhatIsMissingOrANameThatIsTaken() {
        vcenter.withTemplate(DC, "tpl-debian-12")
                .withCluster(DC, "Cluster-A", new VCenter.DatastoreSpace("ds-ssd-1", 1000, 800));

        assertFailsWith(NOT_FOUND, () -> vcenter.cloneFromTemplate(cloneOf("tpl-centos-7", "ds-ssd-1")));
        assertFailsWith(NOT_FOUND, () -> vcenter.cloneFromTemplate(cloneOf("tpl-debian-12", "ds-other")));
        vcenter.cloneFromTemplate(cloneOf("tpl-debian-12", "ds-ssd-1"));
        assertFailsWith(REJECTED, () -> vcenter.cloneFromTemplate(cloneOf("tpl-debian-12", "ds-ssd-1")));
    }

    @Test
    void aDiskGrowsButNeverShrinks() {
        vcenter.withVm(DC, VM, POWERED_OFF);

        vcenter.reconfigure(DC, VM, 2, 4096, 40);

        assertThat(vcenter.vmInfo(DC, VM)).hasValueSatisfying(vm -> {
            assertThat(vm.vcpus()).isEqualTo(2);
            assertThat(vm.memoryMib()).isEqualTo(4096);
            assertThat(vm.diskGib()).isEqualTo(40);
        });
        assertFailsWith(REJECTED, () -> vcenter.reconfigure(DC, VM, 2, 4096, 39));
    }

    @Test
    void powerCallsAreIdempotentAndAMissingVmIsNotFound() {
        vcenter.withVm(DC, VM, POWERED_ON);

        vcenter.powerOn(DC, VM);
        assertThat(vcenter.powerState(DC, VM)).isEqualTo(POWERED_ON);
        vcenter.powerOff(DC, VM);
        vcenter.powerOff(DC, VM);
        assertThat(vcenter.powerState(DC, VM)).isEqualTo(POWERED_OFF);
        assertFailsWith(REJECTED, () -> vcenter.reset(DC, VM));
        assertFailsWith(NOT_FOUND, () -> vcenter.powerOn(DC, "nettoria-nobody"));
    }

    @Test
    void aGuestWithToolsShutsDownWhenAskedAndOneWithoutDoesNot() {
        vcenter.withVm(DC, VM, POWERED_ON).withVm(DC, "nettoria-vm-2", POWERED_ON)
                .guestIgnoresShutdown(DC, "nettoria-vm-2");

        assertThat(vcenter.shutdownGuest(DC, VM, Duration.ofMinutes(2))).isTrue();
        assertThat(vcenter.powerState(DC, VM)).isEqualTo(POWERED_OFF);
        assertThat(vcenter.shutdownGuest(DC, "nettoria-vm-2", Duration.ofMinutes(2))).isFalse();
        assertThat(vcenter.powerState(DC, "nettoria-vm-2")).isEqualTo(POWERED_ON);
    }

    @Test
    void destroyingRemovesTheVmAndAMissingVmIsNoError() {
        vcenter.withVm(DC, VM, POWERED_ON);

        vcenter.destroy(DC, VM);
        vcenter.destroy(DC, VM);

        assertThat(vcenter.exists(DC, VM)).isFalse();
        assertThat(vcenter.findVm(DC, VM)).isEmpty();
    }

    @Test
    void aGuestReportsItsIpOnlyWhileRunningAndAfterItsUnansweredPolls() {
        vcenter.withVm(DC, VM, POWERED_OFF).reportGuestIpAfter(DC, VM, "185.120.4.17", 2);

        assertThat(vcenter.guestIpAddress(DC, VM)).isEmpty();
        vcenter.powerOn(DC, VM);
        assertThat(vcenter.guestIpAddress(DC, VM)).isEmpty();
        assertThat(vcenter.guestIpAddress(DC, VM)).isEmpty();
        assertThat(vcenter.guestIpAddress(DC, VM)).contains("185.120.4.17");
        assertThat(vcenter.vmInfo(DC, VM)).hasValueSatisfying(vm -> assertThat(vm.ipAddress()).isEqualTo("185.120.4.17"));
    }

    @Test
    void injectedFailuresHitTheNextCallsOfThatMethodOnlyBeforeTheyTakeEffect() {
        vcenter.withVm(DC, VM, POWERED_OFF).failNext("powerOn", UNAVAILABLE, 2);

        assertFailsWith(UNAVAILABLE, () -> vcenter.powerOn(DC, VM));
        vcenter.powerOff(DC, VM);
        assertFailsWith(UNAVAILABLE, () -> vcenter.powerOn(DC, VM));
        assertThat(vcenter.powerState(DC, VM)).isEqualTo(POWERED_OFF);
        vcenter.powerOn(DC, VM);
        assertThat(vcenter.powerState(DC, VM)).isEqualTo(POWERED_ON);
        assertThat(vcenter.methodsCalled()).containsExactly("powerOn", "powerOff", "powerOn", "powerOn");
    }

    @Test
    void aFailureAfterTheEffectLeavesTheEffectInPlace() {
        vcenter.withVm(DC, VM, POWERED_ON).failNextAfterEffect("destroy", TIMEOUT, 1);

        assertFailsWith(TIMEOUT, () -> vcenter.destroy(DC, VM));

        assertThat(vcenter.exists(DC, VM)).isFalse();
    }

    @Test
    void failuresCanOnlyBeInjectedIntoMethodsOfThePort() {
        assertThatIllegalArgumentException().isThrownBy(() -> vcenter.failNext("powerUp", UNAVAILABLE, 1));
    }
}
