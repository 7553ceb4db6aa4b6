package com.nettoria.command.service;

import com.nettoria.command.reconciliation.KnownVm;
import com.nettoria.command.reconciliation.ReconciliationInventory;
import com.nettoria.command.reconciliation.VcenterReconciler;
import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.PowerState;
import com.nettoria.coreapi.vm.ReconciliationCompletedEvent;
import com.nettoria.coreapi.vm.VcenterOrphanFoundEvent;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmPowerStateChangedEvent;
import com.nettoria.coreapi.wallet.WalletId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation of the command service on PostgreSQL with VMware's vCenter simulator: a running VM powered off and
 * then deleted behind the platform's back is recorded so on the VM with the cause "reconciliation", and a VM with the
 * platform's name prefix that the platform never ordered is reported as an orphan.
 */
class ReconciliationOnSimulatorIT {

    static final Currency IRR = Currency.getInstance("IRR");
    static final String DATACENTER = "DC0";

    @TempDir
    Path work;

    EmbeddedPostgres postgres;
    VcenterSimulator simulator;
    final SimulatedCustomer customer = new SimulatedCustomer();
    final WalletId wallet = customer.wallet;

    @BeforeEach
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        simulator = VcenterSimulator.start(work.resolve("vcsim"), VcenterSimulator.Options.defaults());
    }

    @AfterEach
    void stop() throws IOException {
        if (simulator != null) {
            simulator.close();
        }
        postgres.close();
    }

    private ConfigurableApplicationContext startService() {
        // runs are triggered by the test, not by the schedule
        return CommandSideService.startOnSimulator(postgres, simulator, "--nettoria.reconciliation.enabled=false");
    }

    private static List<DomainEventMessage<?>> events(ConfigurableApplicationContext service, String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        service.getBean(EventStore.class).readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    /** Every event in the store, including those published without an aggregate. */
    private static List<EventMessage<?>> allEvents(ConfigurableApplicationContext service) throws Exception {
        List<EventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = service.getBean(EventStore.class).openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        }
        return events;
    }

    private static boolean knownAs(ConfigurableApplicationContext service, VmId vmId, KnownVm.Standing standing,
                                   PowerState power) {
        return service.getBean(ReconciliationInventory.class).knownVms().stream().anyMatch(vm ->
                vm.vmId().equals(vmId) && vm.standing() == standing && vm.powerState() == power
                        && !vm.operationPending());
    }

    @Test
    void recordsAVmPoweredOffAndThenDeletedBehindThePlatformsBackAndReportsAnOrphan() throws Exception {
        try (ConfigurableApplicationContext service = startService()) {
            OrderId orderId = customer.orderAVm(service);
            VmId vmId = VmId.forOrder(orderId);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> SimulatedCustomer.payloads(service, orderId.value()).stream().anyMatch(OrderFulfilledEvent.class::isInstance));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> knownAs(service, vmId, KnownVm.Standing.ACTIVE, PowerState.ON));
            VCenter vcenter = service.getBean(VCenter.class);
            VcenterReconciler reconciler = service.getBean(VcenterReconciler.class);

            ReconciliationCompletedEvent inStep = reconciler.reconcile().orElseThrow();
            assertThat(inStep.vmsChecked()).isEqualTo(1);
            assertThat(inStep.drifts()).isZero();
            assertThat(inStep.orphans()).isZero();

            vcenter.powerOff(DATACENTER, vmId.vcenterName());
            ReconciliationCompletedEvent poweredOff = reconciler.reconcile().orElseThrow();
            assertThat(poweredOff.drifts()).isEqualTo(1);
            DomainEventMessage<?> powerChange = events(service, vmId.value()).stream()
                    .filter(event -> event.getPayload() instanceof VmPowerStateChangedEvent)
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(powerChange.getPayload())
                    .isEqualTo(new VmPowerStateChangedEvent(vmId, PowerState.ON, PowerState.OFF, "reconciliation"));
            assertThat(powerChange.getMetaData().get(Causation.ACTOR_ID)).isEqualTo("system:reconciliation");
            assertThat(powerChange.getMetaData().get(Causation.CAUSE_TYPE)).isEqualTo(Causation.CauseType.SYSTEM);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> knownAs(service, vmId, KnownVm.Standing.ACTIVE, PowerState.OFF));
            assertThat(reconciler.reconcile().orElseThrow().drifts()).as("a second run finds nothing new").isZero();

            vcenter.destroy(DATACENTER, vmId.vcenterName());
            ReconciliationCompletedEvent deleted = reconciler.reconcile().orElseThrow();
            assertThat(deleted.drifts()).isEqualTo(1);
            assertThat(SimulatedCustomer.payloads(service, vmId.value()))
                    .contains(new VmDestroyedEvent(vmId, "reconciliation: not found in vCenter"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> knownAs(service, vmId, KnownVm.Standing.DESTROYED, PowerState.OFF));
            String stray = VmId.VCENTER_NAME_PREFIX + UUID.randomUUID();
            vcenter.cloneFromTemplate(new VCenter.CloneSpec(DATACENTER, "debian-12", stray, "DC0_C0", null,
                    "LocalDS_0", null, "created behind the platform's back"));
            ReconciliationCompletedEvent withOrphan = reconciler.reconcile().orElseThrow();
            assertThat(withOrphan.vmsChecked()).isZero();
            assertThat(withOrphan.orphans()).isEqualTo(1);

            List<EventMessage<?>> published = allEvents(service);
            List<VcenterOrphanFoundEvent> orphans = published.stream().map(EventMessage::getPayload)
                    .filter(VcenterOrphanFoundEvent.class::isInstance).map(VcenterOrphanFoundEvent.class::cast).toList();
            assertThat(orphans).hasSize(1);
            assertThat(orphans.get(0).runId()).isEqualTo(withOrphan.runId());
            assertThat(orphans.get(0).vcenterDatacenter()).isEqualTo(DATACENTER);
            assertThat(orphans.get(0).vcenterName()).isEqualTo(stray);
            assertThat(orphans.get(0).powerState()).isEqualTo(PowerState.OFF);
            assertThat(orphans.get(0).knownVmId()).isNull();
            assertThat(published.stream().map(EventMessage::getPayload)
                    .filter(ReconciliationCompletedEvent.class::isInstance)).hasSize(5).last().isEqualTo(withOrphan);
        }
    }
}
