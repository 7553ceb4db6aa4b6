package com.nettoria.coreapi.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends one session (logout, the user revoking a device, an admin). */
public record RevokeSessionCommand(@TargetAggregateIdentifier UserId userId, SessionId sessionId,
                                   SessionRevocationReason reason) {
}
