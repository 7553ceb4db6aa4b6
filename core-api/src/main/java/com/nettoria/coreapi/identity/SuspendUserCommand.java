package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An administrator suspends an account: no login, every session ends at once. */
public record SuspendUserCommand(@TargetAggregateIdentifier UserId userId, String reason) {
}
