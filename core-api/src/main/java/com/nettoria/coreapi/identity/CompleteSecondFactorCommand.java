package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The second step of a login with two-factor authentication: a TOTP code or an unused recovery code. */
public record CompleteSecondFactorCommand(@TargetAggregateIdentifier UserId userId, String challengeId, Secret code) {
}
