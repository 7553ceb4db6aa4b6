package com.nettoria.command.service;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderUpgradeRefundedEvent;
import com.nettoria.coreapi.order.OrderUpgradedEvent;
import com.nettoria.coreapi.vm.ScaleVmCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationFailedEvent;
import com.nettoria.coreapi.vm.VmOperationSucceededEvent;
import com.nettoria.coreapi.vm.VmScaleOutcome;
import com.nettoria.coreapi.vm.VmScaleRequestedEvent;
import com.nettoria.coreapi.vm.VmScaledEvent;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Scaling a VM up on PostgreSQL against VMware's vCenter simulator, the money path: the wallet pays the difference
 * for the rest of the month once (a repeated request charges nothing more), vCenter runs the VM at the new size; a
 * wallet that cannot pay refuses the scale and nothing changes; a scale vCenter refuses for good is refunded and
 * the VM keeps its size. Each test is its own customer with a monthly basic-1 VM (3 650 000 IRR a month) grown to
 * standard-2 (10 950 000 IRR a month).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScalingOnSimulatorIT {

    static final String DATACENTER = "DC0";
    static final PlanId STANDARD_2 = new PlanId("standard-2");
    /** What growing basic-1 to standard-2 costs for a whole month. */
    static final Money MONTHLY_DIFFERENCE = Money.of("7300000", "IRR");

    EmbeddedPostgres postgres;
    VcenterSimulator simulator;
    ConfigurableApplicationContext service;

    @BeforeAll
    void start(@TempDir Path work) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        simulator = VcenterSimulator.start(work.resolve("vcsim"), VcenterSimulator.Options.defaults());
        service = CommandSideService.startOnSimulator(postgres, simulator,
                "--nettoria.provisioning.first-retry-delay=100ms",
                "--nettoria.provisioning.max-retry-delay=200ms",
                "--nettoria.provisioning.max-attempts=2",
                "--nettoria.provisioning.shutdown-grace=5s");
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        postgres.close();
    }

    private VmId runningVm(SimulatedCustomer customer) {
        return runningVm(customer, BillingPeriod.MONTHLY);
    }

    private VmId runningVm(SimulatedCustomer customer, BillingPeriod period) {
        OrderId orderId = customer.orderAVm(service, period);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> count(payloads(orderId.value()), OrderFulfilledEvent.class) == 1);
        return VmId.forOrder(orderId);
    }

    private VmScaleOutcome scale(SimulatedCustomer customer, VmId vmId, String operationId) {
        return service.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                new ScaleVmCommand(vmId, customer.id, operationId, STANDARD_2, null, "fp-" + operationId))
                .withMetaData(byCustomer(customer)));
    }

    private static MetaData byCustomer(SimulatedCustomer customer) {
        return MetaData.with(Causation.ACTOR_ID, customer.id.value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST);
    }

    private List<Object> payloads(String aggregateId) {
        return SimulatedCustomer.payloads(service, aggregateId);
    }

    private static long count(List<Object> payloads, Class<?> type) {
        return payloads.stream().filter(type::isInstance).count();
    }

    private VCenter.VmInfo inVcenter(VmId vmId) {
        return service.getBean(VCenter.class).vmInfo(DATACENTER, vmId.vcenterName()).orElseThrow();
    }

    @Test
    void growsARunningVmChargingTheRestOfTheMonthOnceEvenWhenAskedTwice() {
        SimulatedCustomer customer = new SimulatedCustomer();
        VmId vmId = runningVm(customer);
        OrderId orderId = OrderId.forRequest(customer.id, "order-1");

        VmScaleOutcome first = scale(customer, vmId, "scale-1");
        VmScaleOutcome again = scale(customer, vmId, "scale-1");

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.quote()).isEqualTo(first.quote());
        Money charged = first.quote().chargeNow();
        assertThat(charged.greaterThanZero()).isTrue();
        assertThat(charged.isLessThan(MONTHLY_DIFFERENCE) || charged.equals(MONTHLY_DIFFERENCE)).isTrue();
        assertThat(first.quote().periodPrice()).isEqualTo(Money.of("10950000", "IRR"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(payloads(vmId.value()), VmOperationSucceededEvent.class) == 1);
        assertThat(count(payloads(vmId.value()), VmScaledEvent.class)).isEqualTo(1);
        VCenter.VmInfo grown = inVcenter(vmId);
        assertThat(grown.vcpus()).isEqualTo(2);
        assertThat(grown.memoryMib()).isEqualTo(4096);
        assertThat(grown.diskGib()).isEqualTo(60);
        assertThat(grown.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);

        List<? extends DomainEventMessage<?>> wallet = service.getBean(EventStore.class)
                .readEvents(customer.wallet.value()).asStream().toList();
        List<? extends DomainEventMessage<?>> withdrawals = wallet.stream()
                .filter(event -> event.getPayload() instanceof MoneyWithdrawnEvent).toList();
        assertThat(withdrawals).hasSize(2); // the order, then the scale
        DomainEventMessage<?> payment = withdrawals.get(1);
        assertThat(((MoneyWithdrawnEvent) payment.getPayload()).amount()).isEqualTo(charged);
        assertThat(payment.getMetaData()).containsEntry(Causation.ACTOR_ID, customer.id.value())
                .containsEntry(Causation.CAUSE_TYPE, Causation.CauseType.ORDER)
                .containsEntry(Causation.CAUSE_ID, orderId.value())
                .containsEntry(Causation.IDEMPOTENCY_KEY, "vm-scale:scale-1");
        assertThat(count(payloads(orderId.value()), OrderUpgradedEvent.class)).isEqualTo(1);
    }

    @Test
    void anHourlyVmPaysNothingNowAndIsBilledAtTheNewHourlyPriceFromNowOn() {
        SimulatedCustomer customer = new SimulatedCustomer();
        VmId vmId = runningVm(customer, BillingPeriod.HOURLY);
        OrderId orderId = OrderId.forRequest(customer.id, "order-1");

        VmScaleOutcome outcome = scale(customer, vmId, "scale-1");

        assertThat(outcome.quote().chargeNow()).isEqualTo(Money.of("0", "IRR"));
        assertThat(outcome.quote().paidUntil()).isNull();
        assertThat(outcome.quote().hourlyPrice()).isEqualTo(Money.of("15000", "IRR"));
        OrderUpgradedEvent upgraded = (OrderUpgradedEvent) payloads(orderId.value()).stream()
                .filter(OrderUpgradedEvent.class::isInstance).findFirst().orElseThrow();
        assertThat(upgraded.quote().hourlyPrice()).isEqualTo(Money.of("15000", "IRR"));
        assertThat(upgraded.walletId()).isNull();
        assertThat(count(payloads(customer.wallet.value()), MoneyWithdrawnEvent.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(payloads(vmId.value()), VmOperationSucceededEvent.class) == 1);
        assertThat(inVcenter(vmId).vcpus()).isEqualTo(2);
    }

    @Test
    void refusesAScaleTheWalletCannotPayAndChangesNothing() {
        SimulatedCustomer customer = new SimulatedCustomer();
        VmId vmId = runningVm(customer);
        OrderId orderId = OrderId.forRequest(customer.id, "order-1");
        Money leftAfterOrder = Money.of("46350000", "IRR");
        service.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(
                new WithdrawMoneyCommand(customer.wallet, TransactionId.forRequest(customer.wallet, "spend"),
                        leftAfterOrder.minus(Money.of("1000", "IRR")), "spend", "spend"))
                .withMetaData(byCustomer(customer)));

        assertThatThrownBy(() -> scale(customer, vmId, "scale-1"))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(refused.getDetails())
                        .hasValueSatisfying(details -> assertThat(((BusinessError) details).code())
                                .isEqualTo(ErrorCodes.WALLET_INSUFFICIENT_FUNDS)));

        assertThat(count(payloads(customer.wallet.value()), MoneyWithdrawnEvent.class)).isEqualTo(2);
        assertThat(count(payloads(orderId.value()), OrderUpgradedEvent.class)).isZero();
        assertThat(count(payloads(vmId.value()), VmScaleRequestedEvent.class)).isZero();
        assertThat(inVcenter(vmId).vcpus()).isEqualTo(1);
    }

    @Test
    void refundsTheChargeWhenVcenterRefusesForGoodAndTheVmKeepsItsSize() {
        SimulatedCustomer customer = new SimulatedCustomer();
        VmId vmId = runningVm(customer);
        OrderId orderId = OrderId.forRequest(customer.id, "order-1");
        // behind the platform's back, the disk grew beyond what standard-2 has: vCenter never shrinks a disk
        service.getBean(VCenter.class).reconfigure(DATACENTER, vmId.vcenterName(), 1, 1024, 100);

        Money charged = scale(customer, vmId, "scale-1").quote().chargeNow();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(payloads(vmId.value()), VmOperationFailedEvent.class) == 1);
        VmOperationFailedEvent failed = (VmOperationFailedEvent) payloads(vmId.value()).stream()
                .filter(VmOperationFailedEvent.class::isInstance).findFirst().orElseThrow();
        assertThat(failed.code()).isEqualTo("vcenter.rejected");
        assertThat(count(payloads(vmId.value()), VmScaledEvent.class)).isZero();
        OrderUpgradeRefundedEvent refunded = (OrderUpgradeRefundedEvent) payloads(orderId.value()).stream()
                .filter(OrderUpgradeRefundedEvent.class::isInstance).findFirst().orElseThrow();
        assertThat(refunded.refunded()).isEqualTo(charged);
        assertThat(refunded.restored().planId()).isEqualTo(new PlanId("basic-1"));
        List<Object> wallet = payloads(customer.wallet.value());
        MoneyDepositedEvent refund = (MoneyDepositedEvent) wallet.get(wallet.size() - 1);
        assertThat(refund.amount()).isEqualTo(charged);
        assertThat(refund.balanceAfter()).isEqualTo(Money.of("46350000", "IRR"));
        VCenter.VmInfo kept = inVcenter(vmId);
        assertThat(kept.vcpus()).isEqualTo(1);
        assertThat(kept.memoryMib()).isEqualTo(1024);
        assertThat(kept.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
    }
}
