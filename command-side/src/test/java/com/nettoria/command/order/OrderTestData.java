package com.nettoria.command.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.VcenterPlacement;
import com.nettoria.coreapi.catalogue.VmSpec;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.CancelOrderCommand;
import com.nettoria.coreapi.order.FulfilOrderCommand;
import com.nettoria.coreapi.order.OpenOrderCommand;
import com.nettoria.coreapi.order.OrderCancelledEvent;
import com.nettoria.coreapi.order.OrderExpiredEvent;
import com.nettoria.coreapi.order.OrderFailedEvent;
import com.nettoria.coreapi.order.OrderFulfilledEvent;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderPaidEvent;
import com.nettoria.coreapi.order.OrderPaymentFailedEvent;
import com.nettoria.coreapi.order.OrderPlacedEvent;
import com.nettoria.coreapi.order.RecordOrderPaymentCommand;
import com.nettoria.coreapi.order.RecordOrderPaymentFailureCommand;
import com.nettoria.coreapi.order.RecordOrderRefundCommand;
import com.nettoria.coreapi.vm.VmId;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Shared test data for orders: one customer's quarterly order of a 2 vCPU VM in Tehran, paid from their IRR
 * wallet, and the commands and events of its life. The VM tests reuse the customer, the order and its placement.
 */
public final class OrderTestData {

    /** The fixture's clock when the order is placed. */
    public static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    /** How long an order waits for its payment, as the business promises it (not read from the aggregate). */
    public static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    /** The payment deadline's name; deadlines are stored by name, so it must never change. */
    public static final String PAYMENT_DUE = "order-payment-due";

    public static final Currency IRR = Currency.getInstance("IRR");
    public static final CustomerId OWNER = new CustomerId("customer-1");
    public static final CustomerId STRANGER = new CustomerId("customer-2");
    public static final OrderId ORDER = OrderId.forRequest(OWNER, "order-key-1");
    public static final WalletId WALLET = WalletId.of(OWNER, IRR);
    public static final VmId VM = VmId.forOrder(ORDER);

    public static final PlanId PLAN = new PlanId("basic-2");
    public static final VmSpec SPEC = new VmSpec(2, 4096, 40, 0);
    public static final DatacenterId DATACENTER = new DatacenterId("tehran-1");
    public static final OperatingSystemId OPERATING_SYSTEM = new OperatingSystemId("debian-12");
    public static final VcenterPlacement PLACEMENT = new VcenterPlacement("DC-Tehran", "Cluster-A", "customers",
            "nettoria/vms", List.of("ds-ssd-1", "ds-ssd-2"), List.of("vlan-public", "vlan-backup"));
    public static final String TEMPLATE = "tpl-debian-12";
    public static final String HOSTNAME = "web-1";
    public static final String SEALED_ROOT_PASSWORD = "sealed:v1:3q2+7w==";
    public static final String FINGERPRINT = "fp-order-key-1";
    /** A quarter at 1,500,000 IRR a month with 5 % off. */
    public static final Money AMOUNT_DUE = irr("4275000.00");

    private OrderTestData() {
    }

    public static Money irr(String amount) {
        return Money.of(amount, "IRR");
    }

    public static TransactionId tx(String idempotencyKey) {
        return TransactionId.forRequest(WALLET, idempotencyKey);
    }

    public static OrderQuote quote() {
        return new OrderQuote(PLAN, SPEC, DATACENTER, OPERATING_SYSTEM, BillingPeriod.QUARTERLY, irr("2100.00"),
                irr("1500000.00"), new BigDecimal("5"), AMOUNT_DUE, PLACEMENT, TEMPLATE);
    }

    public static OpenOrderCommand openOrder() {
        return new OpenOrderCommand(ORDER, OWNER, quote(), HOSTNAME, null, SEALED_ROOT_PASSWORD, FINGERPRINT);
    }

    /** The order placed at {@link #NOW}, due for payment a day later. */
    public static OrderPlacedEvent placed() {
        return placedAt(NOW);
    }

    public static OrderPlacedEvent placedAt(Instant at) {
        return new OrderPlacedEvent(ORDER, OWNER, quote(), HOSTNAME, null, SEALED_ROOT_PASSWORD,
                at.plus(PAYMENT_WINDOW), FINGERPRINT);
    }

    public static RecordOrderPaymentCommand payment(String idempotencyKey) {
        return new RecordOrderPaymentCommand(ORDER, WALLET, tx(idempotencyKey), AMOUNT_DUE);
    }

    public static OrderPaidEvent paid(String idempotencyKey) {
        return new OrderPaidEvent(ORDER, OWNER, WALLET, tx(idempotencyKey), AMOUNT_DUE);
    }

    public static BusinessError insufficientFunds() {
        return new BusinessError(ErrorCodes.WALLET_INSUFFICIENT_FUNDS, "the wallet holds 1000.00 IRR", null,
                Map.of("available", "1000.00"));
    }

    public static RecordOrderPaymentFailureCommand paymentFailure() {
        return new RecordOrderPaymentFailureCommand(ORDER, insufficientFunds());
    }

    public static OrderPaymentFailedEvent paymentFailed() {
        return new OrderPaymentFailedEvent(ORDER, AMOUNT_DUE, ErrorCodes.WALLET_INSUFFICIENT_FUNDS,
                "the wallet holds 1000.00 IRR");
    }

    public static OrderExpiredEvent expired() {
        return new OrderExpiredEvent(ORDER);
    }

    public static CancelOrderCommand cancel(CustomerId by) {
        return new CancelOrderCommand(ORDER, by, "changed my mind");
    }

    public static OrderCancelledEvent cancelled() {
        return new OrderCancelledEvent(ORDER, "changed my mind");
    }

    public static FulfilOrderCommand fulfil() {
        return new FulfilOrderCommand(ORDER, VM);
    }

    public static OrderFulfilledEvent fulfilled() {
        return new OrderFulfilledEvent(ORDER, VM);
    }

    public static RecordOrderRefundCommand refund(String idempotencyKey) {
        return new RecordOrderRefundCommand(ORDER, WALLET, tx(idempotencyKey), AMOUNT_DUE, "vcenter.not-found",
                "vCenter refused: template tpl-debian-12 not found");
    }

    public static OrderFailedEvent failed(String refundKey) {
        return new OrderFailedEvent(ORDER, "vcenter.not-found", "vCenter refused: template tpl-debian-12 not found",
                WALLET, tx(refundKey), AMOUNT_DUE);
    }
}
