package com.nettoria.query.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.FindCustomerOrdersQuery;
import com.nettoria.coreapi.order.FindOrderQuery;
import com.nettoria.coreapi.order.OrderPage;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.OrderView;
import com.nettoria.coreapi.vm.FindVmOperationQuery;
import com.nettoria.coreapi.vm.FindVmQuery;
import com.nettoria.coreapi.vm.PowerAction;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.vm.VmOperationStatus;
import com.nettoria.coreapi.vm.VmOperationView;
import com.nettoria.coreapi.vm.VmPowerRequestedEvent;
import com.nettoria.coreapi.vm.VmRegisteredEvent;
import com.nettoria.coreapi.vm.VmStatus;
import com.nettoria.coreapi.vm.VmView;
import com.nettoria.query.vm.VmOperationProjection;
import com.nettoria.query.vm.VmProjection;
import com.nettoria.query.vm.VmSnapshotProjection;
import com.nettoria.query.service.QuerySideService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order and VM read models in the running query service (its own configuration, events from the JDBC event
 * store in PostgreSQL, which the command side migrates first): each has a pooled processor of its own with a
 * dead-letter queue, and events appended to the event store are answered through the query bus.
 */
class OrderAndVmReadModelsServiceIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;
    private static EventStore eventStore;
    private static QueryGateway queries;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startTheQueryServiceOnADatabaseTheCommandSideMigrated() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        service = QuerySideService.startOnCommandSideMigratedDatabase(postgres);
        eventStore = service.getBean(EventStore.class);
        queries = service.getBean(QueryGateway.class);
        jdbc = service.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachReadModelHasAPooledProcessorOfItsOwnWithADeadLetterQueue() {
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        for (String group : List.of(OrderProjection.PROCESSING_GROUP, VmProjection.PROCESSING_GROUP,
                VmOperationProjection.PROCESSING_GROUP, VmSnapshotProjection.PROCESSING_GROUP)) {
            assertThat(processing.eventProcessor(group, PooledStreamingEventProcessor.class)).as(group).isPresent();
            assertThat(processing.deadLetterQueue(group)).as(group)
                    .hasValueSatisfying(queue -> assertThat(queue).isInstanceOf(JdbcSequencedDeadLetterQueue.class));
            assertThat(jdbc.queryForList("SELECT segment FROM tokenentry WHERE processorname = ? ORDER BY segment",
                    Integer.class, group)).as(group).containsExactly(0, 1, 2, 3);
        }
    }

    @Test
    void aPlacedOrderAndItsVmAreAnsweredThroughTheQueryBus() {
        // whole seconds: the JDBC event store keeps timestamps to the millisecond
        OrderEvents order = new OrderEvents(new CustomerId("customer-" + UUID.randomUUID()), "key-1",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600));
        eventStore.publish(
                order.next(order.placed(OrderEvents.planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1"),
                        OrderEvents.request(order.customerId().value(), Causation.CauseType.CUSTOMER_REQUEST)),
                order.next(order.paid("1000.00")));
        VmId vmId = VmId.forOrder(order.orderId());
        Instant registeredAt = order.lastTime().plusSeconds(1);
        eventStore.publish(
                new GenericDomainEventMessage<>("VirtualMachine", vmId.value(), 0, new VmRegisteredEvent(vmId,
                        order.orderId(), order.customerId(), "web-1", new PlanId("basic-2"), OrderEvents.BASIC_2,
                        BillingPeriod.MONTHLY, new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"),
                        OrderEvents.PLACEMENT, "tpl-debian-12", vmId.vcenterName()), MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), registeredAt),
                new GenericDomainEventMessage<>("VirtualMachine", vmId.value(), 1,
                        new VmPowerRequestedEvent(vmId, "op-1", PowerAction.ON, "DC-Tehran", vmId.vcenterName()),
                        OrderEvents.request("admin-1", Causation.CauseType.ADMIN_REQUEST),
                        UUID.randomUUID().toString(), registeredAt.plusSeconds(1)));

        OrderView view = await().atMost(CATCH_UP).until(() -> order(order), found -> found.isPresent()
                && found.get().status() == OrderStatus.PROVISIONING).orElseThrow();
        assertThat(view.vmId()).isEqualTo(vmId);
        OrderPage mine = queries.query(new FindCustomerOrdersQuery(order.customerId(), null, 0, 20),
                ResponseTypes.instanceOf(OrderPage.class)).join();
        assertThat(mine.items()).extracting(OrderView::orderId).containsExactly(order.orderId());
        VmView vm = await().atMost(CATCH_UP).until(() -> queries.query(new FindVmQuery(vmId),
                ResponseTypes.optionalInstanceOf(VmView.class)).join(), Optional::isPresent).orElseThrow();
        assertThat(vm.status()).isEqualTo(VmStatus.PROVISIONING);
        VmOperationView operation = await().atMost(CATCH_UP).until(() -> queries.query(
                new FindVmOperationQuery(vmId, "op-1"), ResponseTypes.optionalInstanceOf(VmOperationView.class))
                .join(), Optional::isPresent).orElseThrow();
        assertThat(operation.status()).isEqualTo(VmOperationStatus.REQUESTED);
        assertThat(operation.requestedBy()).isEqualTo("admin-1");
    }

    private static Optional<OrderView> order(OrderEvents order) {
        return queries.query(new FindOrderQuery(order.orderId()), ResponseTypes.optionalInstanceOf(OrderView.class))
                .join();
    }
}
