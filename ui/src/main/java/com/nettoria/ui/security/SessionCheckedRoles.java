package com.nettoria.ui.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of a token of this platform's own issuer: its {@code roles} claim, narrowed by the
 * {@link TokenSessionCheck} when there is one: an ended session or a suspended account refuses the token (401),
 * and a role the account lost since the token was issued is dropped. A token never gains a role here.
 */
final class SessionCheckedRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    private static final Logger log = LoggerFactory.getLogger(SessionCheckedRoles.class);
    static final String REFUSED = "session ended or account suspended";

    private final JwtGrantedAuthoritiesConverter claimRoles = new JwtGrantedAuthoritiesConverter();
    private final ObjectProvider<TokenSessionCheck> sessionCheck;

    SessionCheckedRoles(ObjectProvider<TokenSessionCheck> sessionCheck) {
        this.sessionCheck = sessionCheck;
        claimRoles.setAuthoritiesClaimName(Roles.CLAIM);
        claimRoles.setAuthorityPrefix("");
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        claimRoles.convert(jwt).forEach(authority -> roles.add(authority.getAuthority()));
        TokenSessionCheck check = sessionCheck.getIfAvailable();
        if (check != null) {
            roles.retainAll(currentRoles(check, jwt));
        }
        List<GrantedAuthority> authorities = roles.stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return authorities;
    }

    private static Set<String> currentRoles(TokenSessionCheck check, Jwt jwt) {
        Optional<Set<String>> current;
        try {
            current = check.currentRoles(jwt);
        } catch (RuntimeException e) {
            log.error("The session check failed for subject {}; refusing the request", jwt.getSubject(), e);
            throw new TokenCheckUnavailableException("the session of this token cannot be checked right now", e);
        }
        if (current == null || current.isEmpty()) {
            throw new InvalidBearerTokenException(REFUSED);
        }
        return current.get();
    }
}
