package com.nettoria.command.order;

import com.nettoria.command.common.StoredEventPayloads;
import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
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
import com.nettoria.coreapi.order.OrderUpgradeRefundedEvent;
import com.nettoria.coreapi.order.OrderUpgradedEvent;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept forever: the order events as the event store holds them since v1 must still deserialize to the
 * same values, and today's events must serialize to exactly the same fields (no accidental property such as a
 * getter leaking into the stored payload). The quote inside {@link OrderPlacedEvent} is part of the contract too.
 * Changing an event means a {@code @Revision} and an upcaster, never editing this file.
 */
class OrderEventPayloadCompatibilityTest {

    private static final OrderId ORDER = new OrderId("3f6c1b2a-8d4e-3a5f-9c7b-1e2d3f4a5b6c");
    private static final CustomerId CUSTOMER = new CustomerId("customer-1");
    private static final WalletId WALLET = new WalletId("b0cb961c-939b-3ef1-b791-4a520b70c139");
    private static final OrderQuote QUOTE = new OrderQuote(new PlanId("basic-2"), new VmSpec(2, 4096, 40, 0),
            new DatacenterId("tehran-1"), new OperatingSystemId("debian-12"), BillingPeriod.QUARTERLY,
            Money.of("2100.00", "IRR"), Money.of("1500000.00", "IRR"), new BigDecimal("5"),
            Money.of("4275000.00", "IRR"),
            new VcenterPlacement("DC-Tehran", "Cluster-A", "customers", "nettoria/vms",
                    List.of("ds-ssd-1", "ds-ssd-2"), List.of("vlan-public")),
            "tpl-debian-12");

    private static final SizeQuote PLACED = new SizeQuote(new PlanId("basic-2"), new VmSpec(2, 4096, 40, 0),
            BillingPeriod.QUARTERLY, Money.of("2100.00", "IRR"), Money.of("1500000.00", "IRR"), new BigDecimal("5"),
            Money.of("4275000.00", "IRR"));
    private static final SizeQuote UPGRADE = new SizeQuote(new PlanId("pro-4"), new VmSpec(4, 8192, 120, 4000),
            BillingPeriod.QUARTERLY, Money.of("30000.00", "IRR"), Money.of("21900000.00", "IRR"), new BigDecimal("5"),
            Money.of("62415000.00", "IRR"));

    private static final StoredEventPayloads STORED = new StoredEventPayloads("/events/order-events-v1.json");

    private static final Map<Class<?>, Object> EXPECTED = Map.ofEntries(
            entry(OrderPlacedEvent.class, new OrderPlacedEvent(ORDER, CUSTOMER, QUOTE, "web-1", null,
                    "sealed:v1:3q2+7w==", Instant.parse("2025-03-02T10:00:00Z"), "fp-order-key-1")),
            entry(OrderPaidEvent.class, new OrderPaidEvent(ORDER, CUSTOMER, WALLET,
                    new TransactionId("71a25562-e0cc-3eac-a11f-25cc430a7f43"), Money.of("4275000.00", "IRR"))),
            entry(OrderPaymentFailedEvent.class, new OrderPaymentFailedEvent(ORDER, Money.of("4275000.00", "IRR"),
                    "wallet.insufficient-funds", "the wallet holds 1000.00 IRR")),
            entry(OrderExpiredEvent.class, new OrderExpiredEvent(ORDER)),
            entry(OrderCancelledEvent.class, new OrderCancelledEvent(ORDER, "changed my mind")),
            entry(OrderFulfilledEvent.class, new OrderFulfilledEvent(ORDER,
                    new VmId("9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d"))),
            entry(OrderFailedEvent.class, new OrderFailedEvent(ORDER, "vcenter.not-found",
                    "vCenter refused: template tpl-debian-12 not found", WALLET,
                    new TransactionId("bd0c9aa8-bbfe-3d83-bc4d-2a9df401338d"), Money.of("4275000.00", "IRR"))),
            entry(OrderUpgradedEvent.class, new OrderUpgradedEvent(ORDER, "op-s1",
                    new VmId("9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d"), UPGRADE, Money.of("3562500.00", "IRR"), WALLET,
                    new TransactionId("0f5b3c2e-7d1a-3e4b-9c8d-6a5b4c3d2e1f"), Instant.parse("2025-06-02T10:00:00Z"),
                    "fp-scale-key-1")),
            entry(OrderUpgradeRefundedEvent.class, new OrderUpgradeRefundedEvent(ORDER, "op-s1", PLACED, WALLET,
                    new TransactionId("1e2d3c4b-5a69-3788-a9b0-c1d2e3f4a5b6"), Money.of("3562500.00", "IRR"),
                    "vcenter.rejected", "the disk of nettoria-9a8b7c6d cannot shrink")));

    @Test
    void storedV1PayloadsStillDeserializeToTheSameEvents() throws IOException {
        STORED.assertStoredPayloadsDeserializeTo(EXPECTED);
    }

    @Test
    void todaysEventsSerializeToExactlyTheStoredFields() throws IOException {
        STORED.assertEventsSerializeToStoredPayloads(EXPECTED);
    }

    @Test
    void everyOrderEventHasAStoredPayload() {
        STORED.assertCoversEveryEventIn("com.nettoria.coreapi.order", EXPECTED);
    }

    @Test
    void unknownFieldsAddedByALaterVersionAreIgnoredWhenReading() {
        String json = "{\"orderId\":{\"value\":\"o-1\"},\"reason\":\"too expensive\",\"cancelledBy\":\"admin\"}";
        Object event = STORED.read(OrderCancelledEvent.class, json);
        assertThat(event).isEqualTo(new OrderCancelledEvent(new OrderId("o-1"), "too expensive"));
    }
}
