package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a fresh code to prove the account's email (channel EMAIL) or mobile (channel SMS). */
public record SendVerificationCodeCommand(@TargetAggregateIdentifier UserId userId, ContactChannel channel) {
}
