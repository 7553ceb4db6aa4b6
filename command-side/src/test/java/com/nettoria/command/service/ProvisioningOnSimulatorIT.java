package com.nettoria.command.service;

import com.nettoria.command.vcenter.VCenter;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.command.vcenter.adapter.vijava.VijavaInspection;
import com.nettoria.coreapi.capacity.FindVcenterCapacityQuery;
import com.nettoria.coreapi.capacity.VcenterCapacityView;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.vm.VmCreatedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmProvisionedEvent;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.wallet.MoneyDepositedEvent;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import com.nettoria.coreapi.wallet.WalletId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The provisioning saga of the command service on PostgreSQL against VMware's vCenter simulator: an order becomes
 * a running VM; a restart of the service in the middle of provisioning resumes it without a second VM; a vCenter
 * that goes away in the middle of provisioning fails the order and refunds the wallet.
 */
class ProvisioningOnSimulatorIT {

    static final Currency IRR = Currency.getInstance("IRR");
    static final String DATACENTER = "DC0";

    @TempDir
    Path work;

    EmbeddedPostgres postgres;
    VcenterSimulator simulator;
    final SimulatedCustomer customer = new SimulatedCustomer();
    final WalletId wallet = customer.wallet;

    @BeforeEach
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterEach
    void stop() throws IOException {
        if (simulator != null) {
            simulator.close();
        }
        postgres.close();
    }

    private ConfigurableApplicationContext startService() {
        return CommandSideService.startOnSimulator(postgres, simulator,
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--nettoria.provisioning.first-retry-delay=100ms",
                "--nettoria.provisioning.max-retry-delay=200ms",
                "--nettoria.provisioning.max-attempts=3");
    }

    private static String decoded(Object base64) {
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }

    private static long count(List<Object> payloads, Class<?> type) {
        return payloads.stream().filter(type::isInstance).count();
    }

    @Test
    void resumesProvisioningAfterARestartWithoutASecondVm() {
        simulator = VcenterSimulator.start(work.resolve("vcsim"),
                VcenterSimulator.Options.defaults().withGuestIpDelay(Duration.ofSeconds(3)));
        OrderId orderId;
        VmId vmId;
        try (ConfigurableApplicationContext first = startService()) {
            orderId = customer.orderAVm(first);
            vmId = VmId.forOrder(orderId);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(SimulatedCustomer.payloads(first, vmId.value()), VmCreatedEvent.class) == 1);
            assertThat(count(SimulatedCustomer.payloads(first, vmId.value()), VmProvisionedEvent.class)).isZero();
        } // stopped in the middle: created in vCenter, waiting for configuration, power or the guest's IP

        try (ConfigurableApplicationContext second = startService()) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> count(SimulatedCustomer.payloads(second, orderId.value()), OrderFulfilledEvent.class) == 1);
            List<Object> vmEvents = SimulatedCustomer.payloads(second, vmId.value());
            assertThat(count(vmEvents, VmCreatedEvent.class)).isEqualTo(1);
            assertThat(count(vmEvents, VmProvisionedEvent.class)).isEqualTo(1);
            VCenter vcenter = second.getBean(VCenter.class);
            assertThat(vcenter.listVms(DATACENTER, VmId.VCENTER_NAME_PREFIX)).extracting(VCenter.VmInfo::name)
                    .containsExactly(vmId.vcenterName());
            VCenter.VmInfo vm = vcenter.vmInfo(DATACENTER, vmId.vcenterName()).orElseThrow();
            assertThat(vm.powerState()).isEqualTo(VCenter.PowerState.POWERED_ON);
            assertThat(vm.vcpus()).isEqualTo(1);
            assertThat(vm.memoryMib()).isEqualTo(1024);
            assertThat(vm.diskGib()).isEqualTo(20);
            Map<String, Object> guestInfo = VijavaInspection.extraConfigOf(simulator, vmId.vcenterName());
            assertThat(guestInfo).containsEntry("guestinfo.userdata.encoding", "base64");
            assertThat(decoded(guestInfo.get("guestinfo.userdata"))).startsWith("#cloud-config")
                    .contains("\"ssh_authorized_keys\":[\"ssh-ed25519 AAAAC3Nza test\"]");
            assertThat(decoded(guestInfo.get("guestinfo.metadata")))
                    .contains("\"instance-id\":\"" + vmId.value() + "\"", "\"local-hostname\":\"web-1\"");
            List<Object> walletEvents = SimulatedCustomer.payloads(second, wallet.value());
            assertThat(count(walletEvents, MoneyWithdrawnEvent.class)).isEqualTo(1);
        }
    }

    @Test
    void failsTheOrderAndRefundsTheWalletWhenVcenterGoesAwayDuringProvisioning() {
        simulator = VcenterSimulator.start(work.resolve("vcsim"),
                VcenterSimulator.Options.defaults().withGuestIpDelay(Duration.ofMinutes(10)));
        try (ConfigurableApplicationContext service = startService()) {
            OrderId orderId = customer.orderAVm(service);
            VmId vmId = VmId.forOrder(orderId);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(SimulatedCustomer.payloads(service, vmId.value()), VmCreatedEvent.class) == 1);
            simulator.stop();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> count(SimulatedCustomer.payloads(service, orderId.value()), OrderFailedEvent.class) == 1);
            OrderFailedEvent failed = (OrderFailedEvent) SimulatedCustomer.payloads(service, orderId.value()).stream()
                    .filter(OrderFailedEvent.class::isInstance).findFirst().orElseThrow();
            assertThat(failed.code()).isEqualTo("vcenter.unavailable");
            assertThat(failed.refunded()).isEqualTo(Money.of("3650000", "IRR"));
            assertThat(count(SimulatedCustomer.payloads(service, vmId.value()), VmProvisioningFailedEvent.class)).isEqualTo(1);
            List<Object> walletEvents = SimulatedCustomer.payloads(service, wallet.value());
            assertThat(count(walletEvents, MoneyWithdrawnEvent.class)).isEqualTo(1);
            assertThat(count(walletEvents, MoneyDepositedEvent.class)).isEqualTo(2); // the top-up and the refund
            MoneyDepositedEvent refund = (MoneyDepositedEvent) walletEvents.get(walletEvents.size() - 1);
            assertThat(refund.balanceAfter()).isEqualTo(Money.of("50000000", "IRR"));
        }
    }

    @Test
    void refusesAnOrderNoDatastoreHasRoomForWithoutTakingMoney() {
        simulator = VcenterSimulator.start(work.resolve("vcsim"),
                VcenterSimulator.Options.defaults().withDatastoreFreeGib(10L));
        try (ConfigurableApplicationContext service = startService()) {
            assertThatThrownBy(() -> customer.place(service))
                    .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(refused.getDetails())
                            .hasValueSatisfying(details -> assertThat(((BusinessError) details).code())
                                    .isEqualTo(ErrorCodes.DATACENTER_FULL)));
            List<Object> walletEvents = SimulatedCustomer.payloads(service, wallet.value());
            assertThat(count(walletEvents, MoneyWithdrawnEvent.class)).isZero();
            assertThat(SimulatedCustomer.payloads(service, OrderId.forRequest(customer.id, "order-1").value())).isEmpty();
            assertThat(service.getBean(VCenter.class).listVms(DATACENTER, VmId.VCENTER_NAME_PREFIX)).isEmpty();
        }
    }

    @Test
    void answersAClustersCapacityFromVcenterThroughTheQueryBus() {
        simulator = VcenterSimulator.start(work.resolve("vcsim"),
                VcenterSimulator.Options.defaults().withDatastoreFreeGib(10L));
        try (ConfigurableApplicationContext service = startService()) {
            VcenterCapacityView capacity = service.getBean(QueryGateway.class)
                    .query(new FindVcenterCapacityQuery(DATACENTER, "DC0_C0"), VcenterCapacityView.class).join();
            assertThat(capacity.hosts()).isEqualTo(3);
            assertThat(capacity.memoryMibEffective()).isPositive();
            assertThat(capacity.datastores()).extracting(VcenterCapacityView.Datastore::name)
                    .contains("LocalDS_0", "LocalDS_1");
            assertThat(capacity.datastores()).allSatisfy(ds -> assertThat(ds.freeGib()).isEqualTo(10));
        }
    }
}
