package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Trades a refresh token for the next one (rotation); answers a {@link RefreshResult}. */
public record RefreshSessionCommand(@TargetAggregateIdentifier UserId userId, SessionId sessionId, Secret refreshSecret) {
}
