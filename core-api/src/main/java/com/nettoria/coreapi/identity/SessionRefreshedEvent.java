package com.nettoria.coreapi.identity;

/** The session's refresh token was rotated; the previous one is now a reuse signal. */
public record SessionRefreshedEvent(UserId userId, SessionId sessionId, String refreshTokenHash,
                                    String previousRefreshTokenHash) {
}
