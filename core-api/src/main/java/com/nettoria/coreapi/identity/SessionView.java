package com.nettoria.coreapi.identity;

import java.time.Instant;

/** A session as its owner sees it: the device (user agent) and address it was opened from and last used. */
public record SessionView(SessionId sessionId, UserId userId, LoginMethod method, String clientAddress,
                          String userAgent, Instant createdAt, Instant lastUsedAt, String lastClientAddress,
                          Instant expiresAt, boolean active, SessionRevocationReason revocationReason) {
}
