package com.nettoria.command.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.order.OrderUpgradeRefundedEvent;
import com.nettoria.coreapi.order.OrderUpgradedEvent;
import com.nettoria.coreapi.order.RecordOrderUpgradeRefundCommand;
import com.nettoria.coreapi.order.UpgradeOrderCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static com.nettoria.command.common.Refusals.refusal;
import static com.nettoria.command.order.OrderTestData.AMOUNT_DUE;
import static com.nettoria.command.order.OrderTestData.ORDER;
import static com.nettoria.command.order.OrderTestData.PLAN;
import static com.nettoria.command.order.OrderTestData.SPEC;
import static com.nettoria.command.order.OrderTestData.VM;
import static com.nettoria.command.order.OrderTestData.WALLET;
import static com.nettoria.command.order.OrderTestData.fulfilled;
import static com.nettoria.command.order.OrderTestData.irr;
import static com.nettoria.command.order.OrderTestData.paid;
import static com.nettoria.command.order.OrderTestData.placed;
import static com.nettoria.command.order.OrderTestData.tx;

/**
 * An order owns what was bought and at what price: a scale-up of its VM upgrades it (the new size and prices, and
 * what the wallet paid for the rest of the period), and a refund undoes it, back to what it was billed at before.
 */
class OrderUpgradeTest {

    private static final SizeQuote BOUGHT = new SizeQuote(new PlanId("pro-4"), new VmSpec(4, 8192, 80, 0),
            BillingPeriod.QUARTERLY, irr("6000.00"), irr("4000000.00"), new BigDecimal("5"), irr("11400000.00"));
    /** What the order was billed at when placed ({@link OrderTestData#quote()}). */
    private static final SizeQuote PLACED = new SizeQuote(PLAN, SPEC, BillingPeriod.QUARTERLY, irr("2100.00"),
            irr("1500000.00"), new BigDecimal("5"), AMOUNT_DUE);
    private static final Instant PAID_UNTIL = Instant.parse("2025-06-01T10:00:00Z");

    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private static UpgradeOrderCommand upgrade(String id) {
        return new UpgradeOrderCommand(ORDER, id, VM, BOUGHT, irr("3500000.00"), WALLET, tx("vm-scale:" + id),
                PAID_UNTIL, "fp-" + id);
    }

    private static OrderUpgradedEvent upgraded(String id) {
        return new OrderUpgradedEvent(ORDER, id, VM, BOUGHT, irr("3500000.00"), WALLET, tx("vm-scale:" + id),
                PAID_UNTIL, "fp-" + id);
    }

    @Test
    void anActiveOrderIsUpgradedToTheNewSizeAndPrices() {
        fixture.given(placed(), paid("pay-1"), fulfilled())
                .when(upgrade("scale-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(upgraded("scale-1"));
    }

    @Test
    void theSameUpgradeAgainIsANoOp() {
        fixture.given(placed(), paid("pay-1"), fulfilled(), upgraded("scale-1"))
                .when(upgrade("scale-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderWhoseVmIsNotRunningYetCannotBeUpgraded() {
        fixture.given(placed(), paid("pay-1"))
                .when(upgrade("scale-1"))
                .expectException(refusal(OrderRefusal.class, "order.illegal-state", Map.of("status", "PROVISIONING")));
    }

    @Test
    void aRefundGoesBackToWhatTheOrderWasBilledAtBefore() {
        fixture.given(placed(), paid("pay-1"), fulfilled(), upgraded("scale-1"))
                .when(new RecordOrderUpgradeRefundCommand(ORDER, "scale-1", WALLET, tx("vm-scale-refund:scale-1"),
                        irr("3500000.00"), "vcenter.rejected", "the disk cannot shrink"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new OrderUpgradeRefundedEvent(ORDER, "scale-1", PLACED, WALLET,
                        tx("vm-scale-refund:scale-1"), irr("3500000.00"), "vcenter.rejected",
                        "the disk cannot shrink"));
    }

    @Test
    void aSecondUpgradeAfterARefundStartsFromTheRestoredPrices() {
        fixture.given(placed(), paid("pay-1"), fulfilled(), upgraded("scale-1"),
                        new OrderUpgradeRefundedEvent(ORDER, "scale-1", PLACED, WALLET, tx("vm-scale-refund:scale-1"),
                                irr("3500000.00"), "vcenter.rejected", "no"), upgraded("scale-2"))
                .when(new RecordOrderUpgradeRefundCommand(ORDER, "scale-2", null, null, null, "vcenter.rejected", "no"))
                .expectEvents(new OrderUpgradeRefundedEvent(ORDER, "scale-2", PLACED, null, null, null,
                        "vcenter.rejected", "no"));
    }

    @Test
    void aRepeatedRefundOrOneOfAnUnknownUpgradeIsANoOp() {
        fixture.given(placed(), paid("pay-1"), fulfilled(), upgraded("scale-1"),
                        new OrderUpgradeRefundedEvent(ORDER, "scale-1", PLACED, WALLET, tx("vm-scale-refund:scale-1"),
                                irr("3500000.00"), "vcenter.rejected", "no"))
                .when(new RecordOrderUpgradeRefundCommand(ORDER, "scale-1", WALLET, tx("vm-scale-refund:scale-1"),
                        irr("3500000.00"), "vcenter.rejected", "no"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(placed(), paid("pay-1"), fulfilled())
                .when(new RecordOrderUpgradeRefundCommand(ORDER, "scale-9", null, null, null, "vcenter.rejected", "no"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
