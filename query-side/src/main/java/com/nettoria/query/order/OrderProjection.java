package com.nettoria.query.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.Currencies;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.FindCustomerOrdersQuery;
import com.nettoria.coreapi.order.FindOrderQuery;
import com.nettoria.coreapi.order.FindOrdersQuery;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPage;
import com.nettoria.coreapi.order.OrderPaidEvent;
import com.nettoria.coreapi.order.OrderPaymentFailedEvent;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.OrderView;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The orders read model: one row per order with the quote it was placed at (never the catalogue's later prices),
 * why its payment or provisioning failed, what was refunded, and who cancelled it. The SSH key and the sealed
 * root password of an order are never kept here. Every change is guarded by the order aggregate's sequence
 * number, so a repeated or older event changes nothing and the projection can be replayed from zero.
 */
@Component
@ProcessingGroup(OrderProjection.PROCESSING_GROUP)
public class OrderProjection {

    public static final String PROCESSING_GROUP = "order-projection";

    private final JdbcTemplate jdbc;

    public OrderProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        OrderQuote quote = event.quote();
        VmSpec spec = quote.spec();
        jdbc.update("""
                INSERT INTO customer_order (order_id, customer_id, status, plan_id, vcpus, memory_mib, disk_gib,
                                            traffic_gib, datacenter_id, operating_system_id, period, hostname,
                                            currency, amount_due, hourly_price, monthly_price, discount_percent,
                                            placed_at, payment_due_by, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""",
                event.orderId().value(), event.customerId().value(), OrderStatus.AWAITING_PAYMENT.name(),
                quote.planId() == null ? null : quote.planId().value(), spec.vcpus(), spec.memoryMib(),
                spec.diskGib(), spec.trafficGib(), quote.datacenterId().value(), quote.operatingSystemId().value(),
                quote.period().name(), event.hostname(), quote.amountDue().currency().getCurrencyCode(),
                quote.amountDue().amount(), quote.hourlyPrice().amount(), quote.monthlyPrice().amount(),
                quote.discountPercent() == null ? BigDecimal.ZERO : quote.discountPercent(),
                Timestamp.from(occurredAt), timestamp(event.paymentDueBy()), Timestamp.from(occurredAt), sequence);
    }

    @EventHandler
    void on(OrderPaymentFailedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.orderId(), sequence, occurredAt,
                "payment_failure_code = ?, payment_failure_reason = ?, amount_due = coalesce(?, amount_due)",
                event.code(), event.reason(), event.amountDue() == null ? null : event.amountDue().amount());
    }

    /** Paid: provisioning starts, and the order's VM is known by its id (derived from the order). */
    @EventHandler
    void on(OrderPaidEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.orderId(), sequence, occurredAt, """
                        status = ?, paid_at = ?, payment_failure_code = NULL, payment_failure_reason = NULL,
                        vm_id = coalesce(vm_id, ?)""",
                OrderStatus.PROVISIONING.name(), Timestamp.from(occurredAt), VmId.forOrder(event.orderId()).value());
    }

    @EventHandler
    void on(OrderFulfilledEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.orderId(), sequence, occurredAt, "status = ?, vm_id = ?, closed_at = ?",
                OrderStatus.ACTIVE.name(), event.vmId().value(), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(OrderFailedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.orderId(), sequence, occurredAt,
                "status = ?, failure_code = ?, failure_reason = ?, refunded_amount = ?, closed_at = ?",
                OrderStatus.FAILED.name(), event.code(), event.reason(),
                event.refunded() == null ? null : event.refunded().amount(), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(OrderExpiredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt) {
        change(event.orderId(), sequence, occurredAt, "status = ?, closed_at = ?",
                OrderStatus.EXPIRED.name(), Timestamp.from(occurredAt));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant occurredAt, MetaData metaData) {
        change(event.orderId(), sequence, occurredAt,
                "status = ?, cancellation_reason = ?, cancelled_by = ?, closed_at = ?",
                OrderStatus.CANCELLED.name(), event.reason(), text(metaData, Causation.ACTOR_ID),
                Timestamp.from(occurredAt));
    }

    @ResetHandler
    void onReset() {
        jdbc.update("DELETE FROM customer_order");
    }

    /** Applies {@code assignments} unless this event (or a later one) of the order was applied already. */
    private void change(OrderId orderId, long sequence, Instant occurredAt, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.add(Timestamp.from(occurredAt));
        arguments.add(sequence);
        arguments.add(orderId.value());
        arguments.add(sequence);
        jdbc.update("UPDATE customer_order SET " + assignments + ", updated_at = ?, last_sequence = ?"
                + " WHERE order_id = ? AND last_sequence < ?", arguments.toArray());
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrderQuery query) {
        return jdbc.query("SELECT * FROM customer_order WHERE order_id = ?", ORDER, query.orderId().value())
                .stream().findFirst();
    }

    @QueryHandler
    public OrderPage handle(FindCustomerOrdersQuery query) {
        return page(query.status(), query.customerId(), query.page(), query.size());
    }

    @QueryHandler
    public OrderPage handle(FindOrdersQuery query) {
        return page(query.status(), query.customerId(), query.page(), query.size());
    }

    /** Newest first; {@code status} and {@code customerId} filter when not null. */
    private OrderPage page(OrderStatus status, CustomerId customerId, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        if (customerId != null) {
            where.append(" AND customer_id = ?");
            arguments.add(customerId.value());
        }
        if (status != null) {
            where.append(" AND status = ?");
            arguments.add(status.name());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM customer_order" + where, Long.class,
                arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(size);
        pageArguments.add((long) page * size);
        List<OrderView> items = jdbc.query("SELECT * FROM customer_order" + where
                + " ORDER BY placed_at DESC, order_id DESC LIMIT ? OFFSET ?", ORDER, pageArguments.toArray());
        return new OrderPage(items, page, size, total == null ? 0 : total);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData == null ? null : metaData.get(key);
        return value == null ? null : value.toString();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.of(amount, Currencies.parse(currency));
    }

    private static final RowMapper<OrderView> ORDER = (rs, row) -> {
        String currency = rs.getString("currency");
        String planId = rs.getString("plan_id");
        String vmId = rs.getString("vm_id");
        return new OrderView(
                new OrderId(rs.getString("order_id")),
                new CustomerId(rs.getString("customer_id")),
                OrderStatus.valueOf(rs.getString("status")),
                planId == null ? null : new PlanId(planId),
                new VmSpec(rs.getInt("vcpus"), rs.getInt("memory_mib"), rs.getInt("disk_gib"),
                        rs.getInt("traffic_gib")),
                new DatacenterId(rs.getString("datacenter_id")),
                new OperatingSystemId(rs.getString("operating_system_id")),
                BillingPeriod.valueOf(rs.getString("period")),
                rs.getString("hostname"),
                money(rs.getBigDecimal("amount_due"), currency),
                money(rs.getBigDecimal("hourly_price"), currency),
                money(rs.getBigDecimal("monthly_price"), currency),
                rs.getBigDecimal("discount_percent"),
                rs.getString("payment_failure_code"),
                rs.getString("payment_failure_reason"),
                rs.getString("failure_code"),
                rs.getString("failure_reason"),
                money(rs.getBigDecimal("refunded_amount"), currency),
                rs.getString("cancellation_reason"),
                rs.getString("cancelled_by"),
                vmId == null ? null : new VmId(vmId),
                rs.getTimestamp("placed_at").toInstant(),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("payment_due_by")),
                instant(rs.getTimestamp("closed_at")),
                rs.getTimestamp("updated_at").toInstant());
    };
}
