package com.nettoria.command.service;

import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.vcenter.adapter.simulator.VcenterSimulator;
import com.nettoria.coreapi.capacity.DatacenterCapacityView;
import com.nettoria.coreapi.capacity.FindDatacenterCapacityQuery;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.wallet.MoneyWithdrawnEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Orders refused by the oversubscription ratios, on PostgreSQL against VMware's vCenter simulator (one cluster of
 * 3 hosts): what the platform has allocated in the cluster counts against its capacity times the ratios, and the
 * refusal names the resource that ran out; nothing is charged.
 */
class CapacityOnSimulatorIT {

    private static final String BASIC_1 = "basic-1"; // 1 vCPU, 1024 MiB, 20 GiB

    @TempDir
    Path work;

    EmbeddedPostgres postgres;
    VcenterSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        simulator = VcenterSimulator.start(work.resolve("vcsim"), VcenterSimulator.Options.defaults());
    }

    @AfterEach
    void stop() throws IOException {
        simulator.close();
        postgres.close();
    }

    private static DatacenterCapacityView capacity(ConfigurableApplicationContext service) {
        OrderQuote quote = service.getBean(PriceList.class).quote(new QuoteRequest(new PlanId(BASIC_1), null,
                new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"), BillingPeriod.MONTHLY));
        return service.getBean(QueryGateway.class).query(
                new FindDatacenterCapacityQuery(quote.datacenterId(), quote.placement()),
                DatacenterCapacityView.class).join();
    }

    private static void assertRefusedFor(String resource, SimulatedCustomer customer,
                                         ConfigurableApplicationContext service) {
        assertThatThrownBy(() -> customer.place(service))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(refused.getDetails())
                        .hasValueSatisfying(details -> {
                            BusinessError error = (BusinessError) details;
                            assertThat(error.code()).isEqualTo(ErrorCodes.DATACENTER_FULL);
                            assertThat(error.field()).isEqualTo("datacenterId");
                            assertThat(error.context()).containsEntry("resource", resource);
                        }));
        assertThat(SimulatedCustomer.payloads(service, customer.wallet.value()))
                .noneMatch(MoneyWithdrawnEvent.class::isInstance);
        assertThat(SimulatedCustomer.payloads(service, OrderId.forRequest(customer.id, "order-1").value())).isEmpty();
    }

    @Test
    void refusesAnOrderForMoreVcpusThanTheClusterSellsByItsCpuRatio() {
        // a tenth of a vCPU per core: the simulator's cluster sells no whole vCPU
        try (ConfigurableApplicationContext service = CommandSideService.startOnSimulator(postgres, simulator,
                "--nettoria.capacity.cpu-ratio=0.1")) {
            DatacenterCapacityView capacity = capacity(service);
            assertThat(capacity.vcenter().cpuCores()).as("the simulator's cores").isLessThan(10);
            assertThat(capacity.sellable().vcpus()).isZero();

            assertRefusedFor("cpu", new SimulatedCustomer(), service);
        }
    }

    @Test
    void countsWhatThePlatformAllocatedAgainstTheMemoryRatio() {
        // an eighth of the simulator's 3 hosts' memory: room for one basic-1 VM (1024 MiB), not for two
        try (ConfigurableApplicationContext service = CommandSideService.startOnSimulator(postgres, simulator,
                "--nettoria.capacity.memory-ratio=0.125",
                "--nettoria.capacity.datacenters.tehran-1.cpu-ratio=8")) {
            DatacenterCapacityView empty = capacity(service);
            assertThat(empty.sellable().memoryMib()).as("sellable memory, %s", empty).isBetween(1024L, 2047L);
            assertThat(empty.ratios().cpu()).isEqualByComparingTo("8");
            assertThat(empty.allocated()).isEqualTo(Resources.NONE);

            new SimulatedCustomer().orderAVm(service);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> capacity(service).allocated().memoryMib() == 1024);
            DatacenterCapacityView oneVm = capacity(service);
            assertThat(oneVm.allocated()).isEqualTo(new Resources(1, 1024, 20));
            assertThat(oneVm.left().memoryMib()).isEqualTo(empty.sellable().memoryMib() - 1024);

            assertRefusedFor("memory", new SimulatedCustomer(), service);
        }
    }

    @Test
    void theSimulatorsClusterIsFiniteAndItsDatastoresAreCounted() {
        try (ConfigurableApplicationContext service = CommandSideService.startOnSimulator(postgres, simulator)) {
            DatacenterCapacityView capacity = capacity(service);
            assertThat(capacity.vcenter().hosts()).isEqualTo(3);
            assertThat(capacity.sellable().vcpus()).isEqualTo(capacity.vcenter().cpuCores() * 4L);
            assertThat(capacity.sellable().memoryMib()).isEqualTo(capacity.vcenter().memoryMibEffective());
            assertThat(capacity.sellable().diskGib()).isPositive();
            assertThat(capacity.largestNewDiskGib()).isPositive();
            assertThat(capacity.left()).isEqualTo(capacity.sellable());
            assertThat(List.of(capacity.ratios().memory(), capacity.ratios().disk()))
                    .allSatisfy(ratio -> assertThat(ratio).isEqualByComparingTo("1"));
        }
    }
}
