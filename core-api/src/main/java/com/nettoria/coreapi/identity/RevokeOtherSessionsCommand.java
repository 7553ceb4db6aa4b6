package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends every session but {@code keep} ({@code null}: every session). */
public record RevokeOtherSessionsCommand(@TargetAggregateIdentifier UserId userId, SessionId keep,
                                         SessionRevocationReason reason) {
}
