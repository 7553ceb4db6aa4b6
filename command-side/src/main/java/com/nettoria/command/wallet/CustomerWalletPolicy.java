package com.nettoria.command.wallet;

import com.nettoria.coreapi.common.Causation;
import com.nettoria.coreapi.common.CustomerId;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.UserRegisteredEvent;
import com.nettoria.coreapi.wallet.OpenWalletCommand;
import com.nettoria.coreapi.wallet.WalletId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;

import java.util.Currency;

/**
 * Every customer has a wallet in the platform's default currency from the moment they register. Opening is
 * idempotent, so replaying registrations (or a redelivery) opens nothing twice.
 */
@ProcessingGroup(CustomerWalletPolicy.PROCESSING_GROUP)
public class CustomerWalletPolicy {

    public static final String PROCESSING_GROUP = "customer-wallet-policy";

    private final CommandGateway commands;
    private final Currency defaultCurrency;

    public CustomerWalletPolicy(CommandGateway commands, Currency defaultCurrency) {
        this.commands = commands;
        this.defaultCurrency = defaultCurrency;
    }

    @EventHandler
    void on(UserRegisteredEvent event) {
        if (!event.roles().contains(Role.CUSTOMER)) {
            return;
        }
        CustomerId owner = event.userId().asCustomer();
        OpenWalletCommand open = new OpenWalletCommand(WalletId.of(owner, defaultCurrency), owner, defaultCurrency);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(open).andMetaData(MetaData
                .with(Causation.ACTOR_ID, event.userId().value())
                .and(Causation.CAUSE_TYPE, Causation.CauseType.SYSTEM)
                .and(Causation.CAUSE_ID, "registration:" + event.userId().value())));
    }
}
