package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The code the user got on {@code channel}; answers a {@link CodeCheckResult}. */
public record VerifyContactCommand(@TargetAggregateIdentifier UserId userId, ContactChannel channel, Secret code) {
}
