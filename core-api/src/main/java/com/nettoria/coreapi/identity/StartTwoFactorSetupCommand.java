package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a new TOTP secret (pending until confirmed); answers a {@link TwoFactorSetup}. */
public record StartTwoFactorSetupCommand(@TargetAggregateIdentifier UserId userId) {
}
