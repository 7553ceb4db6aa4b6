package com.nettoria.ui.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;
import java.util.Set;

/**
 * Asked for every access token of this platform's own issuer: the roles the token may use now, or empty to
 * refuse the token because its session ended or its account is suspended. Roles only shrink here: a token
 * never gains a role it was not issued with.
 */
public interface TokenSessionCheck {

    Optional<Set<String>> currentRoles(Jwt jwt);
}
