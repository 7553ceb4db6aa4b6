package com.nettoria.coreapi.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A refresh token as the client holds it: {@code rt1.<user id>.<session id>.<secret>}. The user and session
 * say which session to rotate; only a hash of the secret is ever stored.
 */
public record RefreshToken(UserId userId, SessionId sessionId, String secret) {

    private static final String PREFIX = "rt1";

    public RefreshToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(secret, "secret");
    }

    public String encoded() {
        return PREFIX + "." + userId.value() + "." + sessionId.value() + "." + secret;
    }

    /** Empty when {@code token} is not a refresh token of this platform's shape. */
    public static Optional<RefreshToken> parse(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0]) || parts[1].isBlank() || parts[2].isBlank()
                || parts[3].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new RefreshToken(new UserId(parts[1]), new SessionId(parts[2]), parts[3]));
    }

    @Override
    public String toString() {
        return "RefreshToken[" + userId + ", " + sessionId + "]";
    }
}
