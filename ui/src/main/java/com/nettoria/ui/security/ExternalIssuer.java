package com.nettoria.ui.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.web.client.RestTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates the access tokens of the external OpenID Connect provider ({@link OidcProperties}): RS256 or
 * ES256 signatures checked against the provider's JSON Web Key Set, its issuer, the audience, expiry; the subject
 * from {@code subject-claim}; roles from {@code roles-claim}, keeping only this platform's roles. The key set's
 * address is discovered on the first token, never at start, so the platform starts while the provider is down;
 * while it cannot be reached, its tokens are refused with 503 ({@link TokenCheckUnavailableException}).
 */
final class ExternalIssuer implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ExternalIssuer.class);
    private static final Set<String> KNOWN_ROLES = Set.of(Roles.CUSTOMER, Roles.SUPPORT, Roles.ADMIN, Roles.AUDITOR);
    static final String UNREACHABLE = "the token's issuer cannot be reached to check it right now";

    private final OidcProperties properties;
    private final String audience;
    private final Clock clock;
    private final RestTemplate http;
    private volatile AuthenticationManager verifier;
    private Instant lastFailure; // guarded by this

    ExternalIssuer(OidcProperties properties, String platformAudience, Clock clock) {
        if (!properties.enabled()) {
            throw new IllegalArgumentException("nettoria.security.oidc.issuer-uri is not set");
        }
        this.properties = properties;
        this.audience = properties.audience() != null ? properties.audience() : platformAudience;
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.http = new RestTemplate(requests);
    }

    String issuer() {
        return properties.issuerUri();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return verifier().authenticate(authentication);
        } catch (AuthenticationServiceException e) {
            log.warn("Cannot verify a token of {}: {}", issuer(), e.getMessage());
            throw new TokenCheckUnavailableException(UNREACHABLE);
        }
    }

    private AuthenticationManager verifier() {
        AuthenticationManager current = verifier;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (verifier != null) {
                return verifier;
            }
            Instant now = clock.instant();
            if (lastFailure != null && now.isBefore(lastFailure.plus(properties.discoveryRetryPause()))) {
                throw new TokenCheckUnavailableException(UNREACHABLE);
            }
            try {
                verifier = build(properties.jwkSetUri() != null ? properties.jwkSetUri() : discoverJwkSetUri());
                lastFailure = null;
                return verifier;
            } catch (RuntimeException e) {
                lastFailure = now;
                log.warn("Cannot discover the OpenID Connect provider {} (next attempt in {}): {}", issuer(),
                        properties.discoveryRetryPause(), e.toString());
                throw new TokenCheckUnavailableException(UNREACHABLE);
            }
        }
    }

    private String discoverJwkSetUri() {
        String location = stripTrailingSlash(issuer()) + "/.well-known/openid-configuration";
        Map<String, Object> configuration = http.exchange(location, HttpMethod.GET, null,
                new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        if (configuration == null || !issuer().equals(configuration.get("issuer"))) {
            throw new IllegalStateException("the discovery document at " + location + " names another issuer: "
                    + (configuration == null ? null : configuration.get("issuer")));
        }
        Object jwksUri = configuration.get("jwks_uri");
        if (!(jwksUri instanceof String uri) || uri.isBlank()) {
            throw new IllegalStateException("the discovery document at " + location + " has no jwks_uri");
        }
        return uri;
    }

    private AuthenticationManager build(String jwkSetUri) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .restOperations(http)
                .build();
        MappedJwtClaimSetConverter standard = MappedJwtClaimSetConverter.withDefaults(Map.of());
        decoder.setClaimSetConverter(claims -> {
            Map<String, Object> converted = new HashMap<>(standard.convert(claims));
            if (!JwtClaimNames.SUB.equals(properties.subjectClaim())) {
                Object subject = claimAt(claims, properties.subjectClaim());
                if (subject == null) {
                    converted.remove(JwtClaimNames.SUB);
                } else {
                    converted.put(JwtClaimNames.SUB, subject.toString());
                }
            }
            return converted;
        });
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> hasAudience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(audience));
        OAuth2TokenValidator<Jwt> hasSubject = new JwtClaimValidator<String>(JwtClaimNames.SUB,
                sub -> sub != null && !sub.isBlank());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer()),
                hasAudience, hasSubject));

        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(this::roles);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(authentication);
        log.info("Accepting access tokens of {} (keys from {})", issuer(), jwkSetUri);
        return provider::authenticate;
    }

    /** The platform roles named in {@code roles-claim}, in any letter case; every other value is ignored. */
    Collection<GrantedAuthority> roles(Jwt jwt) {
        Object value = claimAt(jwt.getClaims(), properties.rolesClaim());
        Collection<?> values = value instanceof Collection<?> collection ? collection
                : value instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<String> roles = new LinkedHashSet<>();
        for (Object role : values) {
            String name = String.valueOf(role).strip().toUpperCase(Locale.ROOT);
            if (KNOWN_ROLES.contains(name)) {
                roles.add(name);
            }
        }
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /** A claim by name, or else by dotted path into nested objects ({@code realm_access.roles}). */
    static Object claimAt(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
