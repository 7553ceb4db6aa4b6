package com.nettoria.command.capacity;

import com.nettoria.command.capacity.adapter.JdbcCapacityAllocations;
import com.nettoria.coreapi.capacity.Resources;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.vm.ProvisioningStep;
import com.nettoria.coreapi.vm.VmDestroyedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmProvisioningFailedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's allocations per vCenter cluster on real PostgreSQL, fed through their projection: an order holds
 * room from its placement until it or its VM ends; idempotent and replayable.
 */
class CapacityAllocationProjectionIT {

    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final VcenterPlacement CLUSTER_A = placement("Cluster-A");
    private static final VmSpec BASIC = new VmSpec(1, 1024, 20, 0);
    private static final VmSpec STANDARD = new VmSpec(2, 4096, 60, 0);

    private static EmbeddedPostgres postgres;
    private static JdbcTemplate jdbc;
    private final CapacityAllocations allocations = new JdbcCapacityAllocations(jdbc);
    private final CapacityAllocationProjection projection = new CapacityAllocationProjection(allocations);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration/command")
                .load().migrate();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void noAllocations() {
        projection.reset();
    }

    private static VcenterPlacement placement(String cluster) {
        return new VcenterPlacement("DC-Tehran", cluster, null, null, List.of("ds-1"), List.of("vlan-public"));
    }

    private static OrderPlacedEvent placed(OrderId orderId, VmSpec spec, VcenterPlacement placement) {
        Money price = Money.of("1000", "IRR");
        return new OrderPlacedEvent(orderId, CUSTOMER, new OrderQuote(new PlanId("p-1"), spec,
                new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"), BillingPeriod.MONTHLY, price, price,
                BigDecimal.ZERO, price, placement, "tpl"), "web-1", null, null, Instant.now(), "fp");
    }

    private static VmRegisteredEvent registered(OrderId orderId, VmSpec spec) {
        VmId vmId = VmId.forOrder(orderId);
        return new VmRegisteredEvent(vmId, orderId, CUSTOMER, "web-1", new PlanId("p-1"), spec, BillingPeriod.MONTHLY,
                new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"), CLUSTER_A, "tpl",
                vmId.vcenterName());
    }

    private static OrderId anOrder() {
        return new OrderId(UUID.randomUUID().toString());
    }

    private Resources inClusterA() {
        return allocations.allocatedIn("DC-Tehran", "Cluster-A");
    }

    @Test
    void aPlacedOrderHoldsItsSizeInItsClusterOnceHoweverOftenItIsSeen() {
        OrderId first = anOrder();
        OrderId second = anOrder();
        projection.on(placed(first, BASIC, CLUSTER_A));
        projection.on(placed(first, BASIC, CLUSTER_A));
        projection.on(placed(second, STANDARD, CLUSTER_A));
        projection.on(registered(first, BASIC));
        projection.on(registered(first, BASIC));

        assertThat(inClusterA()).isEqualTo(new Resources(3, 5120, 80));
        assertThat(allocations.allocatedIn("DC-Tehran", "Cluster-B")).isEqualTo(Resources.NONE);
    }

    @Test
    void ordersInAnotherClusterDoNotCount() {
        projection.on(placed(anOrder(), STANDARD, placement("Cluster-B")));

        assertThat(inClusterA()).isEqualTo(Resources.NONE);
        assertThat(allocations.allocatedIn("DC-Tehran", "Cluster-B")).isEqualTo(new Resources(2, 4096, 60));
    }

    @Test
    void aCancelledExpiredOrFailedOrderGivesItsRoomBack() {
        OrderId cancelled = anOrder();
        OrderId expired = anOrder();
        OrderId failed = anOrder();
        OrderId kept = anOrder();
        for (OrderId orderId : List.of(cancelled, expired, failed, kept)) {
            projection.on(placed(orderId, BASIC, CLUSTER_A));
        }
        projection.on(registered(failed, BASIC));
        projection.on(new VmProvisioningFailedEvent(VmId.forOrder(failed), failed, CUSTOMER,
                ProvisioningStep.CLONE, "vcenter.unavailable", "down"));
        projection.on(new OrderFailedEvent(failed, "vcenter.unavailable", "down", null, null, null));
        projection.on(new OrderCancelledEvent(cancelled, "changed my mind"));
        projection.on(new OrderExpiredEvent(expired));

        assertThat(inClusterA()).isEqualTo(Resources.of(BASIC));
    }

    @Test
    void aDestroyedVmGivesItsRoomBackAndARepeatChangesNothing() {
        OrderId orderId = anOrder();
        projection.on(placed(orderId, STANDARD, CLUSTER_A));
        projection.on(registered(orderId, STANDARD));
        projection.on(new VmDestroyedEvent(VmId.forOrder(orderId), "deleted by its owner"));
        projection.on(new VmDestroyedEvent(VmId.forOrder(orderId), "deleted by its owner"));
        projection.on(registered(orderId, STANDARD));

        assertThat(inClusterA()).isEqualTo(Resources.NONE);
    }

    @Test
    void aReplayFromZeroRebuildsTheSameAllocations() {
        OrderId orderId = anOrder();
        List<Runnable> history = List.of(
                () -> projection.on(placed(orderId, STANDARD, CLUSTER_A)),
                () -> projection.on(registered(orderId, STANDARD)));
        history.forEach(Runnable::run);
        Resources before = inClusterA();

        projection.reset();
        assertThat(inClusterA()).isEqualTo(Resources.NONE);
        history.forEach(Runnable::run);

        assertThat(inClusterA()).isEqualTo(before).isEqualTo(Resources.of(STANDARD));
    }
}
