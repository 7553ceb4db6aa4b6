package com.nettoria.query.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.order.FindCustomerOrdersQuery;
import com.nettoria.coreapi.order.FindOrderQuery;
import com.nettoria.coreapi.order.FindOrdersQuery;
import com.nettoria.coreapi.order.OrderPage;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.OrderView;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.query.identity.Projector;
import com.nettoria.query.identity.ReadModelDatabase;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.nettoria.query.identity.ReadModelDatabase.count;
import static com.nettoria.query.identity.ReadModelDatabase.everything;
import static com.nettoria.query.identity.ReadModelDatabase.rows;
import static com.nettoria.query.order.OrderEvents.BASIC_2;
import static com.nettoria.query.order.OrderEvents.customQuote;
import static com.nettoria.query.order.OrderEvents.planQuote;
import static com.nettoria.query.order.OrderEvents.request;
import static com.nettoria.query.order.OrderEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders read model against a real PostgreSQL with the query side's own migrations. Events reach the
 * projection through Axon's annotation adapter, the way the processor hands them over, and the read model is
 * checked with the projection's own query handlers and with SQL.
 */
class OrderProjectionIT {

    @RegisterExtension
    static final PreparedDbExtension DATABASE = ReadModelDatabase.perClass();

    private JdbcTemplate jdbc;
    private OrderProjection projection;
    private Projector projector;
    private OrderEvents order;

    @BeforeEach
    void newProjectionOnAnEmptyReadModel() {
        jdbc = ReadModelDatabase.emptied(DATABASE, "customer_order");
        projection = new OrderProjection(jdbc);
        projector = new Projector(projection);
        order = OrderEvents.of("customer-sara", "key-1");
    }

    @Test
    void aPlacedOrderAwaitsPaymentAtItsQuotedPrice() {
        projector.handle(order.next(order.placed(planQuote(BillingPeriod.QUARTERLY, "10", "2700.00"), "web-1"),
                request("customer-sara", Causation.CauseType.CUSTOMER_REQUEST)));

        OrderView view = find(order);
        assertThat(view.orderId()).isEqualTo(order.orderId());
        assertThat(view.customerId()).isEqualTo(order.customerId());
        assertThat(view.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(view.planId()).isEqualTo(new PlanId("basic-2"));
        assertThat(view.spec()).isEqualTo(BASIC_2);
        assertThat(view.datacenterId().value()).isEqualTo("tehran-1");
        assertThat(view.operatingSystemId().value()).isEqualTo("debian-12");
        assertThat(view.period()).isEqualTo(BillingPeriod.QUARTERLY);
        assertThat(view.hostname()).isEqualTo("web-1");
        assertThat(view.amountDue()).isEqualTo(usd("2700.00"));
        assertThat(view.hourlyPrice()).isEqualTo(usd("2.00"));
        assertThat(view.monthlyPrice()).isEqualTo(usd("1000.00"));
        assertThat(view.discountPercent()).isEqualByComparingTo("10");
        assertThat(view.placedAt()).isEqualTo(order.lastTime());
        assertThat(view.updatedAt()).isEqualTo(order.lastTime());
        assertThat(view.paymentDueBy()).isEqualTo(order.lastTime().minusSeconds(1).plus(Duration.ofDays(1)));
        assertThat(view.paidAt()).isNull();
        assertThat(view.closedAt()).isNull();
        assertThat(view.vmId()).isNull();
        assertThat(view.paymentFailureCode()).isNull();
        assertThat(view.refunded()).isNull();
    }

    @Test
    void neitherTheSshKeyNorTheSealedRootPasswordIsKept() {
        OrderEvents withKey = OrderEvents.of("customer-sara", "key-2");
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                withKey.next(withKey.placedWithSshKey(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-2")));

        String everything = everything(jdbc, "customer_order");
        assertThat(everything).doesNotContain(OrderEvents.SEALED_PASSWORD).doesNotContain("AAAAC3NzaC1lZDI1NTE5")
                .doesNotContain("fingerprint-");
    }

    @Test
    void aCustomSizeOrderHasNoPlan() {
        VmSpec custom = new VmSpec(3, 6144, 80, 0);
        projector.handle(order.next(order.placed(customQuote(custom, "0.75"), "db-1")));

        OrderView view = find(order);
        assertThat(view.planId()).isNull();
        assertThat(view.spec()).isEqualTo(custom);
        assertThat(view.period()).isEqualTo(BillingPeriod.HOURLY);
        assertThat(view.amountDue()).isEqualTo(usd("0.75"));
        assertThat(view.discountPercent()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aRefusedPaymentKeepsTheOrderAwaitingPaymentAndSaysWhy() {
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.next(order.paymentFailed("1000.00")));

        OrderView view = find(order);
        assertThat(view.status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
        assertThat(view.paymentFailureCode()).isEqualTo("wallet.insufficient-funds");
        assertThat(view.paymentFailureReason()).contains("does not cover 1000.00 USD");
        assertThat(view.updatedAt()).isEqualTo(order.lastTime());
    }

    @Test
    void aPaidOrderIsProvisioningItsVmAndForgetsTheEarlierPaymentFailure() {
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.next(order.paymentFailed("1000.00")),
                order.after(Duration.ofMinutes(10), order.paid("1000.00"),
                        request("customer-sara", Causation.CauseType.CUSTOMER_REQUEST)));

        OrderView view = find(order);
        assertThat(view.status()).isEqualTo(OrderStatus.PROVISIONING);
        assertThat(view.paidAt()).isEqualTo(order.lastTime());
        assertThat(view.vmId()).isEqualTo(VmId.forOrder(order.orderId()));
        assertThat(view.paymentFailureCode()).isNull();
        assertThat(view.paymentFailureReason()).isNull();
        assertThat(view.closedAt()).isNull();
    }

    @Test
    void aFulfilledOrderIsActiveAndClosedWithItsVm() {
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.next(order.paid("1000.00")),
                order.after(Duration.ofMinutes(3), order.fulfilled(), request("system", Causation.CauseType.ORDER)));

        OrderView view = find(order);
        assertThat(view.status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(view.vmId()).isEqualTo(VmId.forOrder(order.orderId()));
        assertThat(view.closedAt()).isEqualTo(order.lastTime());
        assertThat(view.updatedAt()).isEqualTo(order.lastTime());
    }

    @Test
    void aFailedOrderSaysWhyAndWhatWentBackToTheWallet() {
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.next(order.paid("1000.00")),
                order.next(order.failed("1000.00")));

        OrderView view = find(order);
        assertThat(view.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(view.failureCode()).isEqualTo("vcenter.no-capacity");
        assertThat(view.failureReason()).isEqualTo("no datastore has room for 50 GiB");
        assertThat(view.refunded()).isEqualTo(usd("1000.00"));
        assertThat(view.closedAt()).isEqualTo(order.lastTime());
    }

    @Test
    void anUnpaidOrderExpiresOrIsCancelledByWhoeverAskedForIt() {
        OrderEvents cancelled = OrderEvents.of("customer-sara", "key-2");
        projector.handle(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.after(Duration.ofDays(1), order.expired(), request("system", Causation.CauseType.SYSTEM)),
                cancelled.next(cancelled.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-2")),
                cancelled.next(cancelled.cancelled("changed my mind"),
                        request("admin-7", Causation.CauseType.ADMIN_REQUEST)));

        OrderView expired = find(order);
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.closedAt()).isEqualTo(order.lastTime());
        OrderView view = find(cancelled);
        assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(view.cancellationReason()).isEqualTo("changed my mind");
        assertThat(view.cancelledBy()).isEqualTo("admin-7");
        assertThat(view.closedAt()).isEqualTo(cancelled.lastTime());
    }

    @Test
    void aCustomerSeesOnlyTheirOwnOrdersNewestFirstAPageAtATimeAndByStatus() {
        OrderEvents first = new OrderEvents(new CustomerId("customer-sara"), "a", OrderEvents.START);
        OrderEvents second = new OrderEvents(new CustomerId("customer-sara"), "b", OrderEvents.START.plusSeconds(60));
        OrderEvents third = new OrderEvents(new CustomerId("customer-sara"), "c", OrderEvents.START.plusSeconds(120));
        OrderEvents someoneElses = new OrderEvents(new CustomerId("customer-reza"), "a", OrderEvents.START.plusSeconds(180));
        for (OrderEvents each : List.of(first, second, third, someoneElses)) {
            projector.handle(each.next(each.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")));
        }
        projector.handle(second.next(second.paid("1000.00")));

        OrderPage firstPage = projection.handle(new FindCustomerOrdersQuery(new CustomerId("customer-sara"), null, 0, 2));
        OrderPage secondPage = projection.handle(new FindCustomerOrdersQuery(new CustomerId("customer-sara"), null, 1, 2));
        OrderPage awaiting = projection.handle(new FindCustomerOrdersQuery(new CustomerId("customer-sara"),
                OrderStatus.AWAITING_PAYMENT, 0, 20));

        assertThat(firstPage.items()).extracting(OrderView::orderId).containsExactly(third.orderId(), second.orderId());
        assertThat(firstPage.totalItems()).isEqualTo(3);
        assertThat(secondPage.items()).extracting(OrderView::orderId).containsExactly(first.orderId());
        assertThat(secondPage.page()).isEqualTo(1);
        assertThat(secondPage.size()).isEqualTo(2);
        assertThat(awaiting.items()).extracting(OrderView::orderId).containsExactly(third.orderId(), first.orderId());
        assertThat(awaiting.totalItems()).isEqualTo(2);
    }

    @Test
    void administratorsListEveryonesOrdersByStatusAndCustomer() {
        OrderEvents sara = new OrderEvents(new CustomerId("customer-sara"), "a", OrderEvents.START);
        OrderEvents reza = new OrderEvents(new CustomerId("customer-reza"), "a", OrderEvents.START.plusSeconds(60));
        OrderEvents rezaPaid = new OrderEvents(new CustomerId("customer-reza"), "b", OrderEvents.START.plusSeconds(120));
        for (OrderEvents each : List.of(sara, reza, rezaPaid)) {
            projector.handle(each.next(each.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")));
        }
        projector.handle(rezaPaid.next(rezaPaid.paid("1000.00")));

        assertThat(projection.handle(new FindOrdersQuery(null, null, 0, 20)).items()).extracting(OrderView::orderId)
                .containsExactly(rezaPaid.orderId(), reza.orderId(), sara.orderId());
        assertThat(projection.handle(new FindOrdersQuery(OrderStatus.PROVISIONING, null, 0, 20)).items())
                .extracting(OrderView::orderId).containsExactly(rezaPaid.orderId());
        OrderPage rezas = projection.handle(new FindOrdersQuery(null, new CustomerId("customer-reza"), 0, 20));
        assertThat(rezas.items()).extracting(OrderView::orderId).containsExactly(rezaPaid.orderId(), reza.orderId());
        assertThat(rezas.totalItems()).isEqualTo(2);
        assertThat(projection.handle(new FindOrdersQuery(OrderStatus.AWAITING_PAYMENT,
                new CustomerId("customer-sara"), 0, 20)).items()).extracting(OrderView::orderId)
                .containsExactly(sara.orderId());
    }

    @Test
    void theSameEventsHandledTwiceChangeNothing() {
        List<DomainEventMessage<?>> stream = List.of(
                order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1")),
                order.next(order.paymentFailed("1000.00")),
                order.next(order.paid("1000.00")),
                order.next(order.fulfilled()));
        projector.handle(stream);
        List<String> before = rows(jdbc, "customer_order", "order_id");

        projector.handle(stream);

        assertThat(rows(jdbc, "customer_order", "order_id")).isEqualTo(before);
        assertThat(find(order).status()).isEqualTo(OrderStatus.ACTIVE);
    }

    @Test
    void anOlderEventArrivingAfterANewerOneDoesNotTakeTheOrderBack() {
        DomainEventMessage<?> placed = order.next(order.placed(planQuote(BillingPeriod.MONTHLY, "0", "1000.00"), "web-1"));
        DomainEventMessage<?> refused = order.next(order.paymentFailed("1000.00"));
        DomainEventMessage<?> paid = order.next(order.paid("1000.00"));
        Instant paidAt = order.lastTime();

        projector.handle(placed, paid, refused);

        OrderView view = find(order);
        assertThat(view.status()).isEqualTo(OrderStatus.PROVISIONING);
        assertThat(view.paymentFailureCode()).isNull();
        assertThat(view.updatedAt()).isEqualTo(paidAt);
    }

    @Test
    void theWholeStreamHandledAgainAfterAResetRebuildsTheSameReadModel() {
        OrderEvents other = OrderEvents.of("customer-reza", "key-9");
        List<DomainEventMessage<?>> stream = List.of(
                order.next(order.placed(planQuote(BillingPeriod.ANNUAL, "20", "9600.00"), "web-1")),
                other.next(other.placed(customQuote(new VmSpec(1, 1024, 20, 0), "0.75"), "tiny")),
                order.next(order.paid("9600.00")),
                other.next(other.cancelled("too slow"), request("customer-reza", Causation.CauseType.CUSTOMER_REQUEST)),
                order.next(order.failed("9600.00")));
        projector.handle(stream);
        List<String> before = rows(jdbc, "customer_order", "order_id");

        projector.reset();
        assertThat(count(jdbc, "customer_order")).isZero();
        projector.handle(stream);

        assertThat(rows(jdbc, "customer_order", "order_id")).isEqualTo(before);
        assertThat(projection.handle(new FindOrderQuery(order.orderId()))).isPresent();
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThat(projection.handle(new FindOrderQuery(order.orderId()))).isEmpty();
        assertThat(projection.handle(new FindCustomerOrdersQuery(order.customerId(), null, 0, 20)).items()).isEmpty();
    }

    private OrderView find(OrderEvents events) {
        return projection.handle(new FindOrderQuery(events.orderId())).orElseThrow();
    }
}
