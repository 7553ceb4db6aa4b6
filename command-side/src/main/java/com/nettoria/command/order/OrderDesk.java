package com.nettoria.command.order;

import com.nettoria.command.capacity.CapacityCheck;
import com.nettoria.command.catalogue.PriceList;
import com.nettoria.command.common.MoneyCausation;
import com.nettoria.command.identity.SecretCodes;
import com.nettoria.coreapi.catalogue.OrderQuote;
import com.nettoria.coreapi.common.BusinessError;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.ErrorCodes;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.FailOrderCommand;
import com.nettoria.coreapi.order.OpenOrderCommand;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderOutcome;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.PayOrderCommand;
import com.nettoria.coreapi.order.PlaceOrderCommand;
import com.nettoria.coreapi.order.RecordOrderPaymentCommand;
import com.nettoria.coreapi.order.RecordOrderPaymentFailureCommand;
import com.nettoria.coreapi.order.RecordOrderRefundCommand;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import com.nettoria.coreapi.wallet.WithdrawMoneyCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Places, pays and refunds orders: the one place where an order and a wallet meet. Prices come from the
 * catalogue ({@link PriceList}) at the moment of placing, never from the request; the payment is a wallet
 * withdrawal caused by the order (its id in the metadata) and named after it, so a repeated request, a retried
 * payment or a repeated refund never moves money twice.
 */
public class OrderDesk {

    /** Who the platform is when it moves money on its own (refunds after a failed provisioning). */
    public static final String PLATFORM_ACTOR = "system:order-desk";

    private final Repository<Order> orders;
    private final PriceList prices;
    private final CommandGateway commands;
    private final SecretCodes secrets;
    private final Supplier<String> rootPasswords;
    private final CapacityCheck capacity;

    public OrderDesk(Repository<Order> orders, PriceList prices, CommandGateway commands, SecretCodes secrets,
                     Supplier<String> rootPasswords, CapacityCheck capacity) {
        this.capacity = capacity;
        this.orders = orders;
        this.prices = prices;
        this.commands = commands;
        this.secrets = secrets;
        this.rootPasswords = rootPasswords;
    }

    @CommandHandler
    public OrderOutcome handle(PlaceOrderCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        Optional<Order.OrderState> existing = find(command.orderId());
        if (existing.isPresent()) {
            Order.OrderState order = existing.get();
            if (!order.customerId().equals(command.customerId())
                    || !Objects.equals(order.requestFingerprint(), command.requestFingerprint())) {
                throw OrderRefusal.keyReused(command.orderId());
            }
            return new OrderOutcome(order.orderId(), order.status(), order.amountDue(), null, null, true);
        }
        OrderQuote quote = prices.quote(command.request());
        capacity.requireRoomForNewVm(quote);
        String rootPassword = command.sshPublicKey() == null ? rootPasswords.get() : null;
        send(new OpenOrderCommand(command.orderId(), command.customerId(), quote, command.hostname(),
                command.sshPublicKey(), rootPassword == null ? null : secrets.seal(rootPassword),
                command.requestFingerprint()), metaData);
        return pay(command.orderId(), command.customerId(), quote.amountDue(), metaData, rootPassword);
    }

    @CommandHandler
    public OrderOutcome handle(PayOrderCommand command, MetaData metaData) {
        MoneyCausation.require(metaData);
        Order.OrderState order = orders.load(command.orderId().value()).invoke(o -> o.stateFor(command.customerId()));
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            throw OrderRefusal.notAwaitingPayment(order.orderId(), order.status());
        }
        return pay(order.orderId(), order.customerId(), order.amountDue(), metaData, null);
    }

    /** Refunds what the order paid and closes it as failed. A repeat finds the order failed and does nothing. */
    @CommandHandler
    public void handle(FailOrderCommand command) {
        Order.OrderState order = orders.load(command.orderId().value()).invoke(o -> o.stateFor(null));
        if (order.status() == OrderStatus.FAILED) {
            return;
        }
        if (order.status() != OrderStatus.PROVISIONING) {
            throw OrderRefusal.illegalState(order.orderId(), order.status(), "failed");
        }
        Order.Payment payment = order.payment();
        String key = "order-refund:" + order.orderId();
        TransactionId refund = TransactionId.forRequest(payment.walletId(), key);
        MetaData platform = MetaData.with(Causation.ACTOR_ID, PLATFORM_ACTOR)
                .and(Causation.CAUSE_TYPE, Causation.CauseType.ORDER)
                .and(Causation.CAUSE_ID, order.orderId().value())
                .and(Causation.IDEMPOTENCY_KEY, key);
        send(new DepositMoneyCommand(payment.walletId(), refund, payment.amount(),
                "Refund of order " + order.orderId() + ": " + command.reason(),
                fingerprint("order-refund", order.orderId(), payment.amount())), platform);
        send(new RecordOrderRefundCommand(order.orderId(), payment.walletId(), refund, payment.amount(),
                command.code(), command.reason()), platform);
    }

    private OrderOutcome pay(OrderId orderId, CustomerId customerId, Money due, MetaData request, String rootPassword) {
        WalletId walletId = WalletId.of(customerId, due.currency());
        String key = "order-payment:" + orderId;
        TransactionId transactionId = TransactionId.forRequest(walletId, key);
        MetaData payment = request.and(Causation.CAUSE_TYPE, Causation.CauseType.ORDER)
                .and(Causation.CAUSE_ID, orderId.value())
                .and(Causation.IDEMPOTENCY_KEY, key);
        try {
            send(new WithdrawMoneyCommand(walletId, transactionId, due, "Order " + orderId,
                    fingerprint("order-payment", orderId, due)), payment);
        } catch (CommandExecutionException refused) {
            BusinessError refusal = refusal(refused, due);
            send(new RecordOrderPaymentFailureCommand(orderId, refusal), payment);
            return new OrderOutcome(orderId, OrderStatus.AWAITING_PAYMENT, due, refusal, rootPassword, false);
        }
        send(new RecordOrderPaymentCommand(orderId, walletId, transactionId, due), payment);
        return new OrderOutcome(orderId, OrderStatus.PROVISIONING, due, null, rootPassword, false);
    }

    /** Why the wallet did not pay; a missing wallet is said in the customer's terms. */
    static BusinessError refusal(CommandExecutionException refused, Money due) {
        BusinessError error = refused.getDetails().filter(BusinessError.class::isInstance)
                .map(BusinessError.class::cast).orElseThrow(() -> refused);
        if (ErrorCodes.NOT_FOUND.equals(error.code())) {
            return new BusinessError(ErrorCodes.WALLET_INSUFFICIENT_FUNDS,
                    "you have no wallet in " + due.currency().getCurrencyCode() + " to pay " + due, "amount",
                    Map.of("balance", "0", "requested", due.amount().toPlainString(),
                            "currency", due.currency().getCurrencyCode()));
        }
        return error;
    }

    private Optional<Order.OrderState> find(OrderId orderId) {
        try {
            return Optional.of(orders.load(orderId.value()).invoke(o -> o.stateFor(null)));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        }
    }

    private void send(Object command, MetaData metaData) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(metaData));
    }

    private static String fingerprint(String kind, OrderId orderId, Money amount) {
        return kind + "|" + orderId + "|" + amount.amount().toPlainString() + "|" + amount.currency().getCurrencyCode();
    }
}
