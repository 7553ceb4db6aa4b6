package com.nettoria.coreapi.identity;

import java.util.Set;

/** {@code REFRESHED} with the next refresh token, or why not (reuse of an old token revokes the session). */
public record RefreshResult(Outcome outcome, UserId userId, SessionId sessionId, String refreshToken, Set<Role> roles) {

    public enum Outcome { REFRESHED, INVALID_TOKEN, REUSE_DETECTED, SESSION_ENDED }

    public static RefreshResult refused(Outcome outcome) {
        return new RefreshResult(outcome, null, null, null, Set.of());
    }

    @Override
    public String toString() {
        return "RefreshResult[" + outcome + ", " + userId + ", " + sessionId + "]";
    }
}
