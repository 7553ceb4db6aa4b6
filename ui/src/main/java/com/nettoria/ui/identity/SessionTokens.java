package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.LoginResult;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.ui.identity.IdentityApi.TokenResponse;
import com.nettoria.ui.security.TokenIssuer;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Turns an opened or refreshed session into the tokens a client gets: an access token and its refresh token. */
@Component
public class SessionTokens {

    private final TokenIssuer issuer;

    public SessionTokens(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** The answer to a successful login step: tokens, or the challenge of the second factor. */
    TokenResponse answer(LoginResult result) {
        if (result.outcome() == LoginResult.Outcome.SECOND_FACTOR_REQUIRED) {
            return TokenResponse.secondFactor(new Challenge(result.userId(), result.challengeId()).encoded());
        }
        return issue(result.userId(), result.roles(), result.sessionId(), result.refreshToken());
    }

    TokenResponse issue(UserId userId, Set<Role> roles, SessionId sessionId, String refreshToken) {
        TokenIssuer.IssuedToken access = issuer.issue(userId.value(),
                roles.stream().map(Role::name).sorted().toList(), sessionId.value());
        return TokenResponse.tokens(access.accessToken(), access.expiresIn(), refreshToken, userId.value(), roles);
    }

    /** What the client sends back with its second factor: {@code c1.<user id>.<challenge id>}. */
    record Challenge(UserId userId, String challengeId) {

        String encoded() {
            return "c1." + userId.value() + "." + challengeId;
        }

        static Optional<Challenge> parse(String value) {
            String[] parts = value.split("\\.", -1);
            if (parts.length != 3 || !"c1".equals(parts[0]) || parts[1].isBlank() || parts[2].isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(new UserId(parts[1]), parts[2]));
        }
    }
}
