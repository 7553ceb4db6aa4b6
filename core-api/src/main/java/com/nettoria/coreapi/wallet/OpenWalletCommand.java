package com.nettoria.coreapi.wallet;

import com.nettoria.coreapi.common.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Currency;

/** Open the wallet of a customer in one currency. */
public record OpenWalletCommand(@TargetAggregateIdentifier WalletId walletId, CustomerId ownerId, Currency currency) {
}
