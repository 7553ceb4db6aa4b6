package com.nettoria.ui.identity;

import com.nettoria.coreapi.identity.AccessView;
import com.nettoria.coreapi.identity.AccountStatus;
import com.nettoria.coreapi.identity.CheckAccessQuery;
import com.nettoria.coreapi.identity.Role;
import com.nettoria.coreapi.identity.SessionId;
import com.nettoria.coreapi.identity.UserId;
import com.nettoria.ui.security.TokenSessionCheck;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every request with one of the platform's access tokens asks the read model whether the token's session
 * still stands and the account is not suspended, and which roles the account holds now (a revoked role stops
 * at once; a granted one arrives with the next token). An account the read model does not know yet (a token
 * issued moments ago) is not refused for {@link #PROJECTION_GRACE}: only a recorded revocation or suspension
 * is. Tokens without a session (development tokens) are judged by the read model only when it knows them.
 */
@Component
public class SessionTokenCheck implements TokenSessionCheck {

    /** How long a new login may be ahead of the read model. */
    static final Duration PROJECTION_GRACE = Duration.ofMinutes(2);

    private final QueryGateway queries;
    private final Clock clock;

    public SessionTokenCheck(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Optional<Set<String>> currentRoles(Jwt jwt) {
        String sid = jwt.getClaimAsString(IdentityRequests.SESSION_CLAIM);
        AccessView access = queries.query(new CheckAccessQuery(new UserId(jwt.getSubject()),
                sid == null || sid.isBlank() ? null : new SessionId(sid)), AccessView.class).join();
        if (access == null || !access.known()) {
            // a login token the read model does not know after a while: the read model is being rebuilt (or lost);
            // refuse rather than trust claims that may have been revoked (a refresh gets a fresh token)
            boolean loginToken = sid != null && !sid.isBlank();
            Instant issuedAt = jwt.getIssuedAt();
            if (loginToken && issuedAt != null && issuedAt.plus(PROJECTION_GRACE).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Set.copyOf(IdentityRequests.rolesOf(jwt)));
        }
        if (access.sessionRevoked() || access.status() == AccountStatus.SUSPENDED) {
            return Optional.empty();
        }
        return Optional.of(access.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()));
    }
}
