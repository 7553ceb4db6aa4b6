package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator (or the {@code verify-user} command) vouches for the account's email and mobile. */
public record MarkContactsVerifiedCommand(@TargetAggregateIdentifier UserId userId) {
}
