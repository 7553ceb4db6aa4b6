package com.nettoria.query.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPaidEvent;
import com.nettoria.coreapi.order.OrderPaymentFailedEvent;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.query.support.EventStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * Test data of the orders read model: one order's events as its aggregate records them, each with its own
 * identifier, the order's next sequence number and a time one second after the previous event.
 */
final class OrderEvents {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    static final Currency USD = Currency.getInstance("USD");
    static final VmSpec BASIC_2 = new VmSpec(2, 4096, 50, 1000);
    static final String SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBt5dJ2mQ4y1xvW8kEwJmhZoWEJpVr6bJ1s6Y3n0Zb1C it@example";
    static final String SEALED_PASSWORD = "sealed:v1:c2VjcmV0LXJvb3QtcGFzc3dvcmQ=";

    private final OrderId orderId;
    private final CustomerId customerId;
    private final EventStream stream;

    OrderEvents(CustomerId customerId, String idempotencyKey, Instant start) {
        this.customerId = customerId;
        this.orderId = OrderId.forRequest(customerId, idempotencyKey);
        this.stream = new EventStream("Order", orderId.value(), start);
    }

    static OrderEvents of(String customer, String idempotencyKey) {
        return new OrderEvents(new CustomerId(customer), idempotencyKey, START);
    }

    OrderId orderId() {
        return orderId;
    }

    CustomerId customerId() {
        return customerId;
    }

    /** The time of the last event made. */
    Instant lastTime() {
        return stream.lastTime();
    }

    <T> DomainEventMessage<T> next(T payload) {
        return stream.next(payload);
    }

    <T> DomainEventMessage<T> next(T payload, MetaData metaData) {
        return stream.next(payload, metaData);
    }

    <T> DomainEventMessage<T> after(Duration pause, T payload, MetaData metaData) {
        return stream.after(pause, payload, metaData);
    }

    // ---- events -------------------------------------------------------------------------------------------

    OrderPlacedEvent placed(OrderQuote quote, String hostname) {
        return new OrderPlacedEvent(orderId, customerId, quote, hostname, null, SEALED_PASSWORD,
                stream.lastTime().plus(Duration.ofDays(1)), "fingerprint-" + orderId);
    }

    OrderPlacedEvent placedWithSshKey(OrderQuote quote, String hostname) {
        return new OrderPlacedEvent(orderId, customerId, quote, hostname, SSH_KEY, null, stream.lastTime().plus(Duration.ofDays(1)),
                "fingerprint-" + orderId);
    }

    OrderPaymentFailedEvent paymentFailed(String amountDue) {
        return new OrderPaymentFailedEvent(orderId, usd(amountDue), "wallet.insufficient-funds",
                "the balance of 0.00 USD does not cover " + amountDue + " USD");
    }

    OrderPaidEvent paid(String amount) {
        WalletId wallet = WalletId.of(customerId, USD);
        return new OrderPaidEvent(orderId, customerId, wallet, TransactionId.forRequest(wallet, "order:" + orderId),
                usd(amount));
    }

    OrderFulfilledEvent fulfilled() {
        return new OrderFulfilledEvent(orderId, VmId.forOrder(orderId));
    }

    OrderFailedEvent failed(String refunded) {
        WalletId wallet = WalletId.of(customerId, USD);
        return new OrderFailedEvent(orderId, "vcenter.no-capacity", "no datastore has room for 50 GiB", wallet,
                TransactionId.forRequest(wallet, "refund:" + orderId), usd(refunded));
    }

    OrderExpiredEvent expired() {
        return new OrderExpiredEvent(orderId);
    }

    OrderCancelledEvent cancelled(String reason) {
        return new OrderCancelledEvent(orderId, reason);
    }

    // ---- quotes and metadata ------------------------------------------------------------------------------

    /** Plan basic-2 in tehran-1 with Debian 12: 2 USD an hour, 1000 USD a month, the period's discount applied. */
    static OrderQuote planQuote(BillingPeriod period, String discountPercent, String amountDue) {
        return new OrderQuote(new PlanId("basic-2"), BASIC_2, new DatacenterId("tehran-1"),
                new OperatingSystemId("debian-12"), period, usd("2.00"), usd("1000.00"),
                new BigDecimal(discountPercent), usd(amountDue), PLACEMENT, "tpl-debian-12");
    }

    static OrderQuote customQuote(VmSpec spec, String amountDue) {
        return new OrderQuote(null, spec, new DatacenterId("tehran-1"), new OperatingSystemId("ubuntu-24-04"),
                BillingPeriod.HOURLY, usd("0.75"), usd("540.00"), BigDecimal.ZERO, usd(amountDue), PLACEMENT,
                "tpl-ubuntu-24-04");
    }

    static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC-Tehran", "Cluster-1", null, "customers",
            List.of("ds-1", "ds-2"), List.of("VM Network"));

    /** The metadata of a request a person made (a customer, or an administrator for someone else). */
    static MetaData request(String actorId, String causeType) {
        return MetaData.with(Causation.ACTOR_ID, actorId)
                .and(Causation.CAUSE_TYPE, causeType)
                .and(Causation.REQUEST_ID, UUID.randomUUID().toString());
    }

    static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), USD);
    }
}
