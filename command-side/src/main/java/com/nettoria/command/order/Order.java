package com.nettoria.command.order;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.catalogue.SizeQuote;
import com.nettoria.coreapi.common.CustomerId;
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
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.OrderUpgradeRefundedEvent;
import com.nettoria.coreapi.order.OrderUpgradedEvent;
import com.nettoria.coreapi.order.RecordOrderPaymentCommand;
import com.nettoria.coreapi.order.RecordOrderPaymentFailureCommand;
import com.nettoria.coreapi.order.RecordOrderRefundCommand;
import com.nettoria.coreapi.order.RecordOrderUpgradeRefundCommand;
import com.nettoria.coreapi.order.UpgradeOrderCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's order for a VM, at the price the catalogue quoted when it was placed. Decides its own life:
 * awaiting payment (expires when not paid in time), provisioning once paid, then active or failed (refunded), or
 * cancelled before payment. Payment and refund themselves are wallet movements the {@link OrderDesk} makes.
 *
 * <p>The order owns what was bought and at what price, so a scale-up of its VM is an upgrade of the order
 * ({@link OrderUpgradedEvent}: the new size and recurring prices, and what the wallet paid for the rest of the paid
 * period), paid back and undone when vCenter cannot carry it out ({@link OrderUpgradeRefundedEvent}); the
 * {@link ScaleDesk} charges and refunds.
 */
@Aggregate
public class Order {

    /** How long an unpaid order waits for its payment. */
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    static final String PAYMENT_DUE = "order-payment-due";

    @AggregateIdentifier
    private OrderId orderId;
    private CustomerId customerId;
    private OrderStatus status;
    private Money amountDue;
    private String requestFingerprint;
    private Payment payment;
    private BillingPeriod period;
    /** What the VM is billed at now: the quote's size and prices, or those of the last upgrade. */
    private SizeQuote billedAt;
    /** When the VM was handed over: the first paid period starts then. */
    private Instant billingStartedAt;
    private final Map<String, Upgrade> upgrades = new HashMap<>();

    protected Order() {
        // for Axon
    }

    @CommandHandler
    public Order(OpenOrderCommand command, DeadlineManager deadlines) {
        Instant dueBy = GenericEventMessage.clock.instant().plus(PAYMENT_WINDOW);
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), command.quote(), command.hostname(),
                command.sshPublicKey(), command.sealedRootPassword(), dueBy, command.requestFingerprint()));
        deadlines.schedule(dueBy, PAYMENT_DUE);
    }

    @CommandHandler
    public void handle(RecordOrderPaymentCommand command) {
        if (payment != null && payment.transactionId().equals(command.transactionId())) {
            return;
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw OrderRefusal.notAwaitingPayment(orderId, status);
        }
        apply(new OrderPaidEvent(orderId, customerId, command.walletId(), command.transactionId(), command.amount()));
    }

    @CommandHandler
    public void handle(RecordOrderPaymentFailureCommand command) {
        if (status == OrderStatus.AWAITING_PAYMENT) {
            apply(new OrderPaymentFailedEvent(orderId, amountDue, command.refusal().code(), command.refusal().message()));
        }
    }

    @CommandHandler
    public void handle(CancelOrderCommand command) {
        requireOwner(command.customerId());
        if (status == OrderStatus.CANCELLED) {
            return;
        }
        if (status != OrderStatus.AWAITING_PAYMENT) {
            throw OrderRefusal.illegalState(orderId, status, "cancelled");
        }
        apply(new OrderCancelledEvent(orderId, command.reason()));
    }

    @CommandHandler
    public void handle(FulfilOrderCommand command) {
        if (status == OrderStatus.ACTIVE) {
            return;
        }
        if (status != OrderStatus.PROVISIONING) {
            throw OrderRefusal.illegalState(orderId, status, "fulfilled");
        }
        apply(new OrderFulfilledEvent(orderId, command.vmId()));
    }

    @CommandHandler
    public void handle(RecordOrderRefundCommand command) {
        if (status == OrderStatus.FAILED) {
            return;
        }
        if (status != OrderStatus.PROVISIONING) {
            throw OrderRefusal.illegalState(orderId, status, "failed");
        }
        apply(new OrderFailedEvent(orderId, command.code(), command.reason(), command.walletId(),
                command.transactionId(), command.amount()));
    }

    @CommandHandler
    public void handle(UpgradeOrderCommand command) {
        if (upgrades.containsKey(command.upgradeId())) {
            return;
        }
        if (status != OrderStatus.ACTIVE) {
            throw OrderRefusal.illegalState(orderId, status, "upgraded");
        }
        apply(new OrderUpgradedEvent(orderId, command.upgradeId(), command.vmId(), command.quote(), command.charged(),
                command.walletId(), command.transactionId(), command.paidUntil(), command.requestFingerprint()));
    }

    @CommandHandler
    public void handle(RecordOrderUpgradeRefundCommand command) {
        Upgrade upgrade = upgrades.get(command.upgradeId());
        if (upgrade == null || upgrade.refunded()) {
            return;
        }
        apply(new OrderUpgradeRefundedEvent(orderId, command.upgradeId(), upgrade.previous(), command.walletId(),
                command.transactionId(), command.amount(), command.code(), command.reason()));
    }

    @DeadlineHandler(deadlineName = PAYMENT_DUE)
    void paymentDue() {
        if (status == OrderStatus.AWAITING_PAYMENT) {
            apply(new OrderExpiredEvent(orderId));
        }
    }

    /** The order as the desk needs it to pay, refund or answer a repeated request; {@code requester} null = the platform. */
    OrderState stateFor(CustomerId requester) {
        if (requester != null) {
            requireOwner(requester);
        }
        return new OrderState(orderId, customerId, status, amountDue, requestFingerprint, payment);
    }

    /** What the scale desk needs to price, charge or refund an upgrade; {@code upgradeId}'s upgrade if there is one. */
    Terms termsFor(String upgradeId) {
        return new Terms(orderId, customerId, status, period, billedAt, billingStartedAt, upgrades.get(upgradeId));
    }

    private void requireOwner(CustomerId requester) {
        if (requester != null && !customerId.equals(requester)) {
            throw OrderRefusal.notFound(orderId);
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        amountDue = event.quote().amountDue();
        requestFingerprint = event.requestFingerprint();
        status = OrderStatus.AWAITING_PAYMENT;
        OrderQuote quote = event.quote();
        period = quote.period();
        billedAt = new SizeQuote(quote.planId(), quote.spec(), quote.period(), quote.hourlyPrice(),
                quote.monthlyPrice(), quote.discountPercent(), quote.amountDue());
    }

    @EventSourcingHandler
    void on(OrderPaidEvent event) {
        status = OrderStatus.PROVISIONING;
        payment = new Payment(event.walletId(), event.transactionId(), event.amount());
    }

    @EventSourcingHandler
    void on(OrderExpiredEvent event) {
        status = OrderStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderFulfilledEvent event, @Timestamp Instant at) {
        status = OrderStatus.ACTIVE;
        billingStartedAt = at;
    }

    @EventSourcingHandler
    void on(OrderFailedEvent event) {
        status = OrderStatus.FAILED;
    }

    @EventSourcingHandler
    void on(OrderUpgradedEvent event) {
        upgrades.put(event.upgradeId(), new Upgrade(event.requestFingerprint(), billedAt, event.quote(),
                event.charged(), event.walletId(), event.transactionId(), event.paidUntil(), false));
        billedAt = event.quote();
    }

    @EventSourcingHandler
    void on(OrderUpgradeRefundedEvent event) {
        upgrades.computeIfPresent(event.upgradeId(), (id, upgrade) -> upgrade.asRefunded());
        billedAt = event.restored();
    }

    /** The wallet movement that paid an order. */
    record Payment(WalletId walletId, TransactionId transactionId, Money amount) {
    }

    /**
     * An upgrade of the order: what it was billed at before and after, and what the wallet paid for it (wallet
     * fields null when nothing was charged).
     */
    record Upgrade(String requestFingerprint, SizeQuote previous, SizeQuote bought, Money charged, WalletId walletId,
                   TransactionId transactionId, Instant paidUntil, boolean refunded) {

        Upgrade asRefunded() {
            return new Upgrade(requestFingerprint, previous, bought, charged, walletId, transactionId, paidUntil, true);
        }
    }

    /** What the scale desk reads from an order; {@code upgrade} is the one asked about, or {@code null}. */
    record Terms(OrderId orderId, CustomerId customerId, OrderStatus status, BillingPeriod period, SizeQuote billedAt,
                 Instant billingStartedAt, Upgrade upgrade) {
    }

    /** What the order desk reads from an order. */
    record OrderState(OrderId orderId, CustomerId customerId, OrderStatus status, Money amountDue,
                      String requestFingerprint, Payment payment) {
    }
}
