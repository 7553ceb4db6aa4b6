package com.nettoria.ui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code nettoria.security.oidc.*}: an external OpenID Connect provider (e.g. Keycloak) whose access tokens the
 * API accepts besides its own. Off unless {@code issuer-uri} is set. See {@code docs/security.md}.
 *
 * @param issuerUri           the provider's issuer, exactly as in its tokens' {@code iss}
 * @param jwkSetUri           its JSON Web Key Set; when empty, found through the provider's discovery document
 *                            ({@code <issuer-uri>/.well-known/openid-configuration}) on the first token, not at start
 * @param audience            the {@code aud} its tokens must carry; empty means this platform's own audience
 *                            ({@code nettoria.security.jwt.audience})
 * @param rolesClaim          where its tokens carry roles, a dotted path such as {@code realm_access.roles}
 *                            (Keycloak); only CUSTOMER, SUPPORT, ADMIN and AUDITOR are kept, in any letter case
 * @param subjectClaim        the claim that becomes the caller's subject (a dotted path too)
 * @param timeout             connect and read timeout of calls to the provider
 * @param discoveryRetryPause after a failed discovery, how long tokens of this issuer are refused before the
 *                            next attempt (so a flood of tokens cannot turn into a flood of calls to the provider)
 */
@ConfigurationProperties("nettoria.security.oidc")
public record OidcProperties(String issuerUri,
                             String jwkSetUri,
                             String audience,
                             String rolesClaim,
                             String subjectClaim,
                             Duration timeout,
                             Duration discoveryRetryPause) {

    public OidcProperties {
        issuerUri = blankToNull(issuerUri);
        jwkSetUri = blankToNull(jwkSetUri);
        audience = blankToNull(audience);
        rolesClaim = blankToNull(rolesClaim) == null ? Roles.CLAIM : rolesClaim;
        subjectClaim = blankToNull(subjectClaim) == null ? "sub" : subjectClaim;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        discoveryRetryPause = discoveryRetryPause == null ? Duration.ofSeconds(30) : discoveryRetryPause;
    }

    public boolean enabled() {
        return issuerUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
