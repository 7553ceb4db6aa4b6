package com.nettoria.command.service;

import com.nettoria.coreapi.catalogue.BillingPeriod;
import com.nettoria.coreapi.catalogue.DatacenterId;
import com.nettoria.coreapi.catalogue.OperatingSystemId;
import com.nettoria.coreapi.catalogue.PlanId;
import com.nettoria.coreapi.catalogue.QuoteRequest;
import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.common.Money;
import com.nettoria.coreapi.order.OrderId;
import com.nettoria.coreapi.order.OrderOutcome;
import com.nettoria.coreapi.order.OrderStatus;
import com.nettoria.coreapi.order.PlaceOrderCommand;
import com.nettoria.coreapi.wallet.DepositMoneyCommand;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.TransactionId;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer of the command service in the simulator ITs: tops up an IRR wallet and orders the demo catalogue's
 * basic-1 Debian VM in tehran-1 (monthly, 3 650 000 IRR), the way the API would.
 */
final class SimulatedCustomer {

    static final Currency IRR = Currency.getInstance("IRR");
    static final Money TOP_UP = Money.of("50000000", "IRR");

    final CustomerId id = new CustomerId(UUID.randomUUID().toString());
    final WalletId wallet = WalletId.of(id, IRR);

    OrderId orderAVm(ConfigurableApplicationContext service) {
        return orderAVm(service, BillingPeriod.MONTHLY);
    }

    OrderId orderAVm(ConfigurableApplicationContext service, BillingPeriod period) {
        OrderOutcome outcome = place(service, period);
        assertThat(outcome.status()).isEqualTo(OrderStatus.PROVISIONING);
        return outcome.orderId();
    }

    /** Tops up the wallet and places the order; a refusal is thrown as the command bus reports it. */
    OrderOutcome place(ConfigurableApplicationContext service) {
        return place(service, BillingPeriod.MONTHLY);
    }

    OrderOutcome place(ConfigurableApplicationContext service, BillingPeriod period) {
        CommandGateway commands = service.getBean(CommandGateway.class);
        MetaData byCustomer = MetaData.with(Causation.ACTOR_ID, id.value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.CUSTOMER_REQUEST);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new OpenWalletCommand(wallet, id, IRR))
                .withMetaData(byCustomer));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new DepositMoneyCommand(wallet,
                TransactionId.forRequest(wallet, "top-up"), TOP_UP, "top-up", "top-up")).withMetaData(byCustomer));
        OrderId orderId = OrderId.forRequest(id, "order-1");
        OrderOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PlaceOrderCommand(orderId,
                id, new QuoteRequest(new PlanId("basic-1"), null, new DatacenterId("tehran-1"),
                new OperatingSystemId("debian-12"), period), "web-1", "ssh-ed25519 AAAAC3Nza test",
                "order-1")).withMetaData(byCustomer));
        return outcome;
    }

    /** The payloads of one aggregate's events, oldest first. */
    static List<Object> payloads(ConfigurableApplicationContext service, String aggregateId) {
        return service.getBean(EventStore.class).readEvents(aggregateId).asStream()
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }
}
