package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Needs the password and a current TOTP code (or a recovery code). */
public record DisableTwoFactorCommand(@TargetAggregateIdentifier UserId userId, Secret password, Secret code) {
}
