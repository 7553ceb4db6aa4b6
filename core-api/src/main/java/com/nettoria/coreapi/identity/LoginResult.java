package com.nettoria.coreapi.identity;

import java.util.Set;

/**
 * What a login step decided. {@code SUCCEEDED}: a session was opened ({@code refreshToken} is shown once);
 * {@code SECOND_FACTOR_REQUIRED}: answer {@code challengeId} with {@link CompleteSecondFactorCommand};
 * {@code FAILED}: nothing more is said, whatever the reason; {@code ACCOUNT_SUSPENDED}: the credentials were
 * right but an administrator suspended the account.
 */
public record LoginResult(Outcome outcome, UserId userId, SessionId sessionId, String refreshToken, Set<Role> roles,
                          String challengeId) {

    public enum Outcome { SUCCEEDED, SECOND_FACTOR_REQUIRED, FAILED, ACCOUNT_SUSPENDED }

    public static LoginResult failed() {
        return new LoginResult(Outcome.FAILED, null, null, null, Set.of(), null);
    }

    public static LoginResult suspended(UserId userId) {
        return new LoginResult(Outcome.ACCOUNT_SUSPENDED, userId, null, null, Set.of(), null);
    }

    public static LoginResult secondFactorRequired(UserId userId, String challengeId) {
        return new LoginResult(Outcome.SECOND_FACTOR_REQUIRED, userId, null, null, Set.of(), challengeId);
    }

    public static LoginResult succeeded(UserId userId, SessionId sessionId, String refreshToken, Set<Role> roles) {
        return new LoginResult(Outcome.SUCCEEDED, userId, sessionId, refreshToken, Set.copyOf(roles), null);
    }

    @Override
    public String toString() {
        return "LoginResult[" + outcome + ", " + userId + ", " + sessionId + "]";
    }
}
