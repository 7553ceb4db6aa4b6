package com.nettoria.coreapi.identity;

/**
 * Asked on every authenticated request: may this token's session still act, and with which roles now?
 * Answers an {@link AccessView}.
 */
public record CheckAccessQuery(UserId userId, SessionId sessionId) {
}
