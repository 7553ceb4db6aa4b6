package com.nettoria.command.provisioning;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.VCenterException;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.FailOrderCommand;
import com.nettoria.coreapi.order.FulfilOrderCommand;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPaidEvent;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.vm.CompleteVmProvisioningCommand;
import com.nettoria.coreapi.vm.FailVmProvisioningCommand;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.RecordVmConfiguredCommand;
import com.nettoria.coreapi.vm.RecordVmCreatedCommand;
import com.nettoria.coreapi.vm.RecordVmDestroyedCommand;
import com.nettoria.coreapi.vm.RecordVmIpAddressCommand;
import com.nettoria.coreapi.vm.RecordVmPowerStateCommand;
import com.nettoria.coreapi.vm.RegisterVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.nettoria.command.vcenter.VCenterException.Kind.INSUFFICIENT_CAPACITY;
import static com.nettoria.command.vcenter.VCenterException.Kind.NOT_FOUND;
import static com.nettoria.command.vcenter.VCenterException.Kind.TIMEOUT;
import static com.nettoria.command.vcenter.VCenterException.Kind.UNAVAILABLE;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VmProvisioningSagaTest {

    static final OrderId ORDER = new OrderId("8d0c4c86-31a4-3c41-9f6f-5b2a3b7d9e10");
    static final VmId VM = VmId.forOrder(ORDER);
    static final String NAME = VM.vcenterName();
    static final CustomerId CUSTOMER = new CustomerId("c0ffee00-0000-4000-8000-000000000001");
    static final VmSpec SPEC = new VmSpec(2, 4096, 60, 2000);
    static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC0", "DC0_C0", null, null,
            List.of("LocalDS_0", "LocalDS_1"), List.of("DC0_DVPG0"));
    static final Money PRICE = Money.of("1200000", "IRR");
    static final OrderQuote QUOTE = new OrderQuote(new PlanId("standard-2"), SPEC, new DatacenterId("tehran-1"),
            new OperatingSystemId("debian-12"), BillingPeriod.MONTHLY, Money.of("1644", "IRR"), PRICE,
            BigDecimal.ZERO, PRICE, PLACEMENT, "debian-12");
    static final OrderPlacedEvent PLACED = new OrderPlacedEvent(ORDER, CUSTOMER, QUOTE, "web-1", "ssh-ed25519 AAAA",
            null, Instant.parse("2026-11-27T10:00:00Z"), "fingerprint");
    static final WalletId WALLET = new WalletId("1b4e28ba-2fa1-31d2-883f-0016d3cca427");
    static final OrderPaidEvent PAID = new OrderPaidEvent(ORDER, CUSTOMER, WALLET,
            new TransactionId("2c5f39cb-3fb2-32e3-994f-1127e4ddb538"), PRICE);
    static final RegisterVmCommand REGISTER = new RegisterVmCommand(VM, ORDER, CUSTOMER, "web-1",
            new PlanId("standard-2"), SPEC, BillingPeriod.MONTHLY, new DatacenterId("tehran-1"),
            new OperatingSystemId("debian-12"), PLACEMENT, "debian-12");
    static final VCenter.VmInfo CLONED = new VCenter.VmInfo(NAME, "vm-42", "uuid-42", VCenter.PowerState.POWERED_OFF,
            1, 1024, 20, null, 0, 0, 0, "LocalDS_1");

    static final ProvisioningSettings SETTINGS = new ProvisioningSettings(3, Duration.ofSeconds(5),
            Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10));

    SagaTestFixture<VmProvisioningSaga> fixture;
    VCenter vcenter;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new SagaTestFixture<>(VmProvisioningSaga.class);
        vcenter = mock(VCenter.class);
        fixture.registerResource(vcenter);
        fixture.registerResource(SETTINGS);
        fixture.registerResource(GuestInitTestData.guestInit());
        when(vcenter.findVm("DC0", NAME)).thenReturn(Optional.empty());
        when(vcenter.capacity("DC0", "DC0_C0")).thenReturn(capacity(500, 900));
        when(vcenter.cloneFromTemplate(any())).thenReturn(CLONED);
        when(vcenter.guestIpAddress("DC0", NAME)).thenReturn(Optional.of("10.20.0.7"));
    }

    static VCenter.Capacity capacity(long freeGib0, long freeGib1) {
        return new VCenter.Capacity("DC0_C0", 3, 12, 24_000, 22_000, 1_000, 65_536, 60_000, 4_096, List.of(
                new VCenter.DatastoreSpace("LocalDS_0", 1_000, freeGib0),
                new VCenter.DatastoreSpace("LocalDS_1", 1_000, freeGib1),
                new VCenter.DatastoreSpace("Other", 10_000, 9_000)));
    }

    static FailVmProvisioningCommand failed(ProvisioningStep step, String code, String reason) {
        return new FailVmProvisioningCommand(VM, step, code, reason);
    }

    @Test
    void startsWhenAnOrderIsPlacedAndRegistersTheVmOnceItIsPaid() throws Exception {
        fixture.givenAggregate(ORDER.value()).published(PLACED)
                .whenAggregate(ORDER.value()).publishes(PAID)
                .expectActiveSagas(1)
                .expectAssociationWith("vmId", VM.value())
                .expectDispatchedCommands(REGISTER)
                .expectScheduledDeadlineWithName(Duration.ZERO, VmProvisioningSaga.STEP)
                .expectScheduledDeadlineWithName(SETTINGS.overallTimeout(), VmProvisioningSaga.TIMEOUT);
    }

    @Test
    void provisionsTheVmStepByStepAndFulfilsTheOrder() throws Exception {
        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(
                        new RecordVmCreatedCommand(VM, "vm-42", "uuid-42", "LocalDS_1"),
                        new RecordVmConfiguredCommand(VM, "DC0_DVPG0"),
                        new RecordVmPowerStateCommand(VM, PowerState.ON, "provisioning"),
                        new RecordVmIpAddressCommand(VM, "10.20.0.7"),
                        new CompleteVmProvisioningCommand(VM),
                        new FulfilOrderCommand(ORDER, VM))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        verify(vcenter).cloneFromTemplate(new VCenter.CloneSpec("DC0", "debian-12", NAME, "DC0_C0", null,
                "LocalDS_1", null, "Nettoria VM " + VM + " (order " + ORDER + ", customer " + CUSTOMER + ", web-1)"));
        verify(vcenter).reconfigure("DC0", NAME, 2, 4096, 60);
        verify(vcenter).connectNetwork("DC0", NAME, "DC0_DVPG0");
        verify(vcenter).powerOn("DC0", NAME);
    }

    @Test
    void handsTheGuestItsHostNameAndRootsKeyBeforePoweringItOn() throws Exception {
        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectSuccessfulHandlerExecution();

        ArgumentCaptor<Map<String, String>> guestInfo = ArgumentCaptor.captor();
        InOrder order = inOrder(vcenter);
        order.verify(vcenter).connectNetwork("DC0", NAME, "DC0_DVPG0");
        order.verify(vcenter).setGuestInfo(eq("DC0"), eq(NAME), guestInfo.capture());
        order.verify(vcenter).powerOn("DC0", NAME);
        assertThat(GuestInitTestData.decoded(guestInfo.getValue(), GuestInit.METADATA))
                .isEqualTo("{\"instance-id\":\"" + VM.value() + "\",\"local-hostname\":\"web-1\"}");
        assertThat(GuestInitTestData.decoded(guestInfo.getValue(), GuestInit.USERDATA))
                .isEqualTo("#cloud-config\n{\"disable_root\":false,\"ssh_authorized_keys\":[\"ssh-ed25519 AAAA\"]}\n");
    }

    @Test
    void handsTheGuestRootsGeneratedPasswordOnlyAsAHash() throws Exception {
        OrderPlacedEvent withPassword = new OrderPlacedEvent(ORDER, CUSTOMER, QUOTE, "web-1", null,
                "sealed(Kp7wQx2mZr9tVb4nHs3d)", Instant.parse("2026-11-27T10:00:00Z"), "fingerprint");

        fixture.givenAggregate(ORDER.value()).published(withPassword, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0);

        ArgumentCaptor<Map<String, String>> guestInfo = ArgumentCaptor.captor();
        verify(vcenter).setGuestInfo(eq("DC0"), eq(NAME), guestInfo.capture());
        assertThat(GuestInitTestData.decoded(guestInfo.getValue(), GuestInit.USERDATA))
                .contains("\"password\":\"$6$").doesNotContain("Kp7wQx2mZr9tVb4nHs3d");
    }

    @Test
    void findsTheVmAnEarlierAttemptCreatedInsteadOfCloningASecondOne() throws Exception {
        when(vcenter.findVm("DC0", NAME)).thenReturn(Optional.of(CLONED));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectActiveSagas(0);
        verify(vcenter, never()).cloneFromTemplate(any());
    }

    @Test
    void waitsForTheGuestToReportItsIpAddress() throws Exception {
        when(vcenter.guestIpAddress("DC0", NAME))
                .thenReturn(Optional.empty(), Optional.empty(), Optional.of("10.20.0.8"));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .andThenTimeElapses(Duration.ofSeconds(1))
                .whenTimeElapses(Duration.ofSeconds(10))
                .expectDispatchedCommands(new RecordVmIpAddressCommand(VM, "10.20.0.8"),
                        new CompleteVmProvisioningCommand(VM), new FulfilOrderCommand(ORDER, VM))
                .expectActiveSagas(0);
    }

    @Test
    void waitsBeforeRetryingAnUnavailableVcenter() throws Exception {
        when(vcenter.cloneFromTemplate(any())).thenThrow(new VCenterException(UNAVAILABLE, "connection refused"));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .andThenTimeElapses(Duration.ofSeconds(1))
                .whenTimeElapses(Duration.ofSeconds(3))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(Duration.ofSeconds(1), VmProvisioningSaga.STEP);
        verify(vcenter, times(1)).cloneFromTemplate(any());
    }

    @Test
    void retriesAnUnavailableVcenterWithBackoffAndCarriesOn() throws Exception {
        when(vcenter.cloneFromTemplate(any()))
                .thenThrow(new VCenterException(UNAVAILABLE, "connection refused"))
                .thenThrow(new VCenterException(UNAVAILABLE, "connection refused"))
                .thenReturn(CLONED);

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(16))
                .expectActiveSagas(0);
        verify(vcenter, times(3)).cloneFromTemplate(any());
    }

    @Test
    void compensatesWhenRetriesAreExhausted() throws Exception {
        when(vcenter.cloneFromTemplate(any())).thenThrow(new VCenterException(UNAVAILABLE, "connection refused"));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectDispatchedCommands(
                        failed(ProvisioningStep.CLONE, "vcenter.unavailable", "vCenter kept failing: connection refused"),
                        new FailOrderCommand(ORDER, "vcenter.unavailable", "vCenter kept failing: connection refused"),
                        new RecordVmDestroyedCommand(VM, "provisioning-failed"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        verify(vcenter, times(3)).cloneFromTemplate(any());
        verify(vcenter).destroy("DC0", NAME);
    }

    @Test
    void compensatesAtOnceWhenTheTemplateDoesNotExist() throws Exception {
        when(vcenter.cloneFromTemplate(any())).thenThrow(new VCenterException(NOT_FOUND, "no template debian-12"));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommands(
                        failed(ProvisioningStep.CLONE, "vcenter.not-found", "vCenter refused: no template debian-12"),
                        new FailOrderCommand(ORDER, "vcenter.not-found", "vCenter refused: no template debian-12"),
                        new RecordVmDestroyedCommand(VM, "provisioning-failed"))
                .expectActiveSagas(0);
        verify(vcenter, times(1)).cloneFromTemplate(any());
    }

    @Test
    void compensatesWhenNoDatastoreHasRoomForTheDisk() throws Exception {
        when(vcenter.capacity("DC0", "DC0_C0")).thenReturn(capacity(40, 60));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommands(
                        failed(ProvisioningStep.CLONE, "vcenter.insufficient-capacity",
                                "vCenter refused: no datastore of [LocalDS_0, LocalDS_1] has room for a 60 GiB disk"),
                        new FailOrderCommand(ORDER, "vcenter.insufficient-capacity",
                                "vCenter refused: no datastore of [LocalDS_0, LocalDS_1] has room for a 60 GiB disk"),
                        new RecordVmDestroyedCommand(VM, "provisioning-failed"))
                .expectActiveSagas(0);
        verify(vcenter, never()).cloneFromTemplate(any());
    }

    @Test
    void compensatesWhenTheGuestNeverReportsAnIpAddress() throws Exception {
        when(vcenter.guestIpAddress("DC0", NAME)).thenReturn(Optional.empty());

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectDispatchedCommands(
                        new RecordVmCreatedCommand(VM, "vm-42", "uuid-42", "LocalDS_1"),
                        new RecordVmConfiguredCommand(VM, "DC0_DVPG0"),
                        new RecordVmPowerStateCommand(VM, PowerState.ON, "provisioning"),
                        failed(ProvisioningStep.WAIT_FOR_IP, "vcenter.no-guest-ip",
                                "the guest reported no IP address within PT30S"),
                        new FailOrderCommand(ORDER, "vcenter.no-guest-ip", "the guest reported no IP address within PT30S"),
                        new RecordVmDestroyedCommand(VM, "provisioning-failed"))
                .expectActiveSagas(0);
        verify(vcenter, times(6)).guestIpAddress("DC0", NAME);
    }

    @Test
    void compensatesWhenProvisioningTakesLongerThanTheOverallTimeout() throws Exception {
        fixture.registerResource(new ProvisioningSettings(1000, Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10)));
        doThrow(new VCenterException(TIMEOUT, "task did not finish")).when(vcenter).powerOn("DC0", NAME);

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .andThenTimeElapses(Duration.ofMinutes(5))
                .whenTimeElapses(Duration.ofMinutes(6))
                .expectDispatchedCommands(
                        failed(ProvisioningStep.POWER_ON, "provisioning.timeout",
                                "provisioning did not finish within PT10M (last step: POWER_ON)"),
                        new FailOrderCommand(ORDER, "provisioning.timeout",
                                "provisioning did not finish within PT10M (last step: POWER_ON)"),
                        new RecordVmDestroyedCommand(VM, "provisioning-failed"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void retriesTheCleanUpAndEndsEvenWhenVcenterNeverAnswers() throws Exception {
        when(vcenter.cloneFromTemplate(any())).thenThrow(new VCenterException(NOT_FOUND, "no template debian-12"));
        doThrow(new VCenterException(UNAVAILABLE, "connection refused")).when(vcenter).destroy("DC0", NAME);

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofMinutes(1))
                .expectDispatchedCommands(
                        failed(ProvisioningStep.CLONE, "vcenter.not-found", "vCenter refused: no template debian-12"),
                        new FailOrderCommand(ORDER, "vcenter.not-found", "vCenter refused: no template debian-12"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
        verify(vcenter, times(3)).destroy("DC0", NAME);
    }

    @Test
    void endsWithoutProvisioningWhenTheOrderExpires() throws Exception {
        fixture.givenAggregate(ORDER.value()).published(PLACED)
                .whenAggregate(ORDER.value()).publishes(new OrderExpiredEvent(ORDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void endsWithoutProvisioningWhenTheOrderIsCancelled() throws Exception {
        fixture.givenAggregate(ORDER.value()).published(PLACED)
                .whenAggregate(ORDER.value()).publishes(new OrderCancelledEvent(ORDER, "changed my mind"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void doesNotRunStepsAfterItFailed() throws Exception {
        when(vcenter.cloneFromTemplate(any())).thenThrow(new VCenterException(INSUFFICIENT_CAPACITY, "full"));

        fixture.givenAggregate(ORDER.value()).published(PLACED, PAID)
                .whenTimeElapses(Duration.ofMinutes(20))
                .expectActiveSagas(0);
        verify(vcenter, never()).reconfigure(anyString(), anyString(), anyInt(), anyLong(), anyLong());
        verify(vcenter, never()).powerOn(eq("DC0"), anyString());
    }
}
