package com.nettoria.coreapi.identity;

public record SessionRevokedEvent(UserId userId, SessionId sessionId, SessionRevocationReason reason) {
}
