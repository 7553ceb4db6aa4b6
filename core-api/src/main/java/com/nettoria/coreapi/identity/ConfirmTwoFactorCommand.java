package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A code from the authenticator app, with the account's password, enables two-factor authentication; answers
 * the {@link RecoveryCodes}.
 */
public record ConfirmTwoFactorCommand(@TargetAggregateIdentifier UserId userId, Secret password, Secret code) {
}
