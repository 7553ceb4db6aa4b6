package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A code from the authenticator app enables two-factor authentication; answers the {@link RecoveryCodes}. */
public record ConfirmTwoFactorCommand(@TargetAggregateIdentifier UserId userId, Secret code) {
}
